import Foundation
import Testing
import YusuanStore
import YusuanStorePostgres
import YusuanStoreSQLite
import YusuanTestSupport

/// The PostgreSQL database the tests may create schemas in, from YUSUAN_TEST_POSTGRES_URL
/// (`scripts/postgres-test-server start DIR` prints one).
enum PostgresTestDatabase {
    static var url: String? { TestPostgres.url }

    static let skipReason: Comment = """
        PostgreSQL store not tested: YUSUAN_TEST_POSTGRES_URL is not set \
        (start a server with `scripts/postgres-test-server start DIR` and export the URL it prints)
        """

    /// The test URL with a schema of its own (`TestPostgres.urlWithFreshSchema`).
    static func urlWithFreshSchema() throws -> (url: String, schema: String) {
        guard let fresh = TestPostgres.urlWithFreshSchema() else {
            throw StoreError.invalid("\(TestPostgres.variable) is not set")
        }
        return fresh
    }
}

/// The stores the contract runs against.
enum StoreBackend: Sendable {
    case sqliteFile, sqliteInMemory, postgres

    /// Opens a fresh, migrated store, runs `body` on it, then closes it and removes what it made,
    /// also when `body` throws.
    func withStore(_ body: (any YusuanStore) async throws -> Void) async throws {
        switch self {
        case .sqliteInMemory:
            let store = try SQLiteStore.inMemory()
            try await run(store, body, cleanup: {})
        case .sqliteFile:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("yusuan-store-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try SQLiteStore(path: directory.appendingPathComponent("yusuan.sqlite").path)
            try await run(store, body, cleanup: { try? FileManager.default.removeItem(at: directory) })
        case .postgres:
            let (url, _) = try PostgresTestDatabase.urlWithFreshSchema()
            let store = try PostgresStore(url: url)
            try await run(store, body, cleanup: {
                try await store.dropSchema()
            })
        }
    }

    private func run(_ store: any YusuanStore, _ body: (any YusuanStore) async throws -> Void,
                     cleanup: () async throws -> Void) async throws {
        do {
            try await store.migrate()
            try await body(store)
        } catch {
            try? await cleanup()
            try? await store.close()
            throw error
        }
        try await cleanup()
        try await store.close()
    }
}
