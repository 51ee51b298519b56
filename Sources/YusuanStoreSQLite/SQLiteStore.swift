import Foundation
import GRDB
import YusuanStore

/// The default store: one SQLite file through GRDB (WAL, foreign keys on), or an in-memory database
/// for tests. Writes are serialised by GRDB's single writer connection, so numbering a new version
/// inside its transaction never races.
public final class SQLiteStore: YusuanStore {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path` in WAL mode. Call `migrate()` before use.
    public init(path: String) throws {
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw StoreError.backend("cannot open the SQLite database at \(path): \(error)")
        }
    }

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// A private in-memory database, gone when the store is closed.
    public static func inMemory() throws -> SQLiteStore {
        do {
            return SQLiteStore(writer: try DatabaseQueue(configuration: configuration()))
        } catch {
            throw StoreError.backend("cannot open an in-memory SQLite database: \(error)")
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process (yusuan user add while the server runs) may hold the write lock briefly.
        configuration.busyMode = .timeout(10)
        configuration.label = "yusuan"
        return configuration
    }

    public func migrate() async throws {
        var migrator = DatabaseMigrator()
        for migration in SQLiteMigrations.released {
            let sql = migration.sql
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: sql)
            }
        }
        let writer = self.writer
        let migrations = migrator
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                migrations.asyncMigrate(writer) { result in
                    switch result {
                    case .success: continuation.resume()
                    case .failure(let error): continuation.resume(throwing: error)
                    }
                }
            }
        } catch {
            throw SQLiteErrors.storeError(error, while: "migrating the SQLite schema")
        }
    }

    public func close() async throws {
        do {
            try writer.close()
        } catch {
            throw SQLiteErrors.storeError(error, while: "closing the SQLite database")
        }
    }

    /// Runs SQL text as it is, in a write transaction, with no arguments: only for fixed statements
    /// written in this package (never with data in them).
    func execute(unsafeSQL sql: String, what: String) async throws {
        try await write(what) { db in try db.execute(sql: sql) }
    }

    /// One write transaction; a thrown error rolls it back whole.
    func write<T: Sendable>(_ what: String, _ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(updates)
        } catch {
            throw SQLiteErrors.storeError(error, while: what)
        }
    }

    func read<T: Sendable>(_ what: String, _ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(value)
        } catch {
            throw SQLiteErrors.storeError(error, while: what)
        }
    }
}
