import Foundation

/// The PostgreSQL database that tests may create schemas in: YUSUAN_TEST_POSTGRES_URL
/// (`scripts/postgres-test-server start DIR` prints one; `scripts/test` starts one and sets it).
public enum TestPostgres {
    public static let variable = "YUSUAN_TEST_POSTGRES_URL"

    /// The URL, or nil when the variable is unset or empty (the PostgreSQL tests are then skipped).
    public static var url: String? {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else { return nil }
        return value
    }

    /// The test URL with a schema of its own, named `prefix` and a random suffix: each test creates,
    /// uses and drops its own schema, so tests run in parallel and never see each other's tables.
    /// Nil when there is no test database.
    public static func urlWithFreshSchema(prefix: String = "yusuan_test_") -> (url: String, schema: String)? {
        guard let base = url else { return nil }
        let schema = prefix + UUID().uuidString.lowercased().filter { $0 != "-" }
        return (base + (base.contains("?") ? "&" : "?") + "schema=" + schema, schema)
    }
}
