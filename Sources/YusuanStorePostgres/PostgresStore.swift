import Foundation
import Logging
import PostgresNIO
import YusuanStore

/// The shared store: PostgreSQL through postgres-nio's `PostgresClient` (a connection pool).
///
/// The client's `run()` works in a task the store owns; `close()` cancels it. Every value is bound as
/// a query parameter (postgres-nio's `PostgresQuery` interpolation); the only names written into SQL
/// text are the checked schema name and the released migrations.
public final class PostgresStore: YusuanStore {
    let client: PostgresClient
    let logger: Logger
    /// The schema named by the URL's `schema` parameter, if any (every connection's search_path).
    let schema: String?
    /// host:port, for error messages.
    let endpoint: String
    /// How long to wait for a pooled connection (the URL's `connect_timeout`, 10 s by default).
    let connectTimeout: Duration
    private let runTask: Task<Void, Never>

    /// Parses `postgres://user:password@host:port/database` (optionally with
    /// `?schema=NAME&sslmode=require&connect_timeout=10`) and starts the connection pool; nothing
    /// connects until the first query. `.invalid` for a malformed URL.
    public init(url: String, logger: Logger = Logger(label: "yusuan.store.postgres")) throws {
        let parsed = try PostgresURL(url)
        let client = PostgresClient(configuration: parsed.configuration(), backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.schema = parsed.schema
        self.endpoint = "\(parsed.host):\(parsed.port)"
        self.connectTimeout = .seconds(parsed.connectTimeoutSeconds)
        self.runTask = Task { await client.run() }
    }

    public func migrate() async throws {
        for migration in PostgresMigrations.released {
            try await transaction("applying migration \(migration.identifier)") { [logger, schema] connection in
                // One migrator at a time, whichever process runs it.
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                if let schema {
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""),
                                               logger: logger)
                }
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        identifier TEXT PRIMARY KEY,
                        applied_at TIMESTAMPTZ NOT NULL
                    )
                    """, logger: logger)
                let applied = try await connection.query(
                    "SELECT 1 FROM schema_migrations WHERE identifier = \(migration.identifier)", logger: logger)
                var isApplied = false
                for try await _ in applied { isApplied = true }
                guard !isApplied else { return }
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (identifier, applied_at) VALUES (\(migration.identifier), \(Date()))",
                    logger: logger)
            }
        }
    }

    /// An arbitrary constant naming Yusuan's migration lock (pg_advisory_xact_lock).
    static let migrationLock: Int64 = 0x59_55_53_55_41_4E // "YUSUAN"

    public func close() async throws {
        runTask.cancel()
        await runTask.value
    }

    /// Drops the URL's schema with everything in it (the contract tests' cleanup). `.invalid` when the
    /// URL named no schema: this never drops tables from a shared schema.
    package func dropSchema() async throws {
        guard let schema else {
            throw StoreError.invalid("dropSchema: the store's URL names no schema")
        }
        try await execute(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE", what: "dropping schema \(schema)")
    }

    /// Runs SQL text as it is, with no parameters: only for fixed statements written in this package
    /// (never with data in them).
    func execute(unsafeSQL sql: String, what: String) async throws {
        try await transaction(what) { [logger] connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// One transaction on one pooled connection; any thrown error rolls it back whole.
    @discardableResult
    func transaction<T: Sendable>(_ what: String,
                                  _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await withConnection(what) { connection in
            try await connection.query("BEGIN", logger: logger)
            let value: T
            do {
                value = try await body(connection)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            try await connection.query("COMMIT", logger: logger)
            return value
        }
    }

    /// The rows of one read-only query, decoded by `decode`.
    func rows<T: Sendable>(_ what: String, _ query: PostgresQuery,
                           _ decode: @escaping @Sendable (PostgresRow) throws -> T) async throws -> [T] {
        let logger = self.logger
        return try await withConnection(what) { connection in
            try await connection.rows(query, logger: logger, decode)
        }
    }

    /// Runs `work` on a pooled connection. postgres-nio's pool waits for a connection for ever when the
    /// server cannot be reached; here that wait ends after `connectTimeout` with a `.backend` error.
    func withConnection<T: Sendable>(_ what: String,
                                     _ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let client = self.client
        let leased = LeaseFlag()
        let timeout = connectTimeout
        let endpoint = self.endpoint
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        await leased.set()
                        return try await work(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    guard await leased.isSet else {
                        throw StoreError.backend("\(what): no connection to PostgreSQL at \(endpoint) within \(timeout)")
                    }
                    return nil
                }
                while let next = try await group.next() {
                    if let value = next {
                        group.cancelAll()
                        return value
                    }
                }
                throw StoreError.backend("\(what): the PostgreSQL operation ended without a result")
            }
        } catch {
            throw PostgresErrors.storeError(error, while: what)
        }
    }
}

/// Whether a pooled connection was handed over yet.
private actor LeaseFlag {
    private(set) var isSet = false
    func set() { isSet = true }
}

extension PostgresConnection {
    /// The rows of one query on this connection, decoded by `decode`.
    func rows<T>(_ query: PostgresQuery, logger: Logger, _ decode: (PostgresRow) throws -> T) async throws -> [T] {
        var result: [T] = []
        for try await row in try await self.query(query, logger: logger) {
            result.append(try decode(row))
        }
        return result
    }
}
