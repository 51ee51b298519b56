import Foundation
import YusuanStore
@testable import YusuanStorePostgres
@testable import YusuanStoreSQLite

/// Stores that tests open themselves (to work on the schema with raw SQL), removed afterwards also when the
/// test throws.
enum StoreLifetimes {
    /// A SQLite file in a folder of its own: `body` gets its path.
    static func sqliteFile(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("yusuan.sqlite").path)
    }

    /// A PostgreSQL store in a schema of its own, dropped and closed afterwards.
    static func postgres(_ body: (PostgresStore) async throws -> Void) async throws {
        let store = try PostgresStore(url: try PostgresTestDatabase.urlWithFreshSchema().url)
        do {
            try await body(store)
        } catch {
            try? await store.dropSchema()
            try? await store.close()
            throw error
        }
        try await store.dropSchema()
        try await store.close()
    }
}
