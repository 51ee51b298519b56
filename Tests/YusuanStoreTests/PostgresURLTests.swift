import Testing
import YusuanStore
@testable import YusuanStorePostgres

/// Parsing the PostgreSQL connection URL; needs no server.
@Suite("PostgreSQL URL")
struct PostgresURLTests {
    @Test("a full URL")
    func full() throws {
        let url = try PostgresURL(
            "postgres://yusuan:s%40cret@db.example:6543/budgets?schema=portal&sslmode=require&connect_timeout=3")
        #expect(url.host == "db.example" && url.port == 6543 && url.connectTimeoutSeconds == 3)
        #expect(url.username == "yusuan" && url.password == "s@cret" && url.database == "budgets")
        #expect(url.schema == "portal" && url.tls == .require)
    }

    @Test("defaults: port 5432, database named after the user, no TLS, no schema")
    func defaults() throws {
        let url = try PostgresURL("postgresql://postgres@127.0.0.1")
        #expect(url.port == 5432 && url.database == "postgres" && url.password == nil)
        #expect(url.schema == nil && url.tls == .disable && url.connectTimeoutSeconds == 10)
    }

    @Test("a malformed URL is refused as .invalid, and the password is not repeated", arguments: [
        "", "not a url", "http://u@h/db", "postgres://h/db", "postgres://u@/db", "postgres://u@h:99999/db",
        "postgres://u:topsecret@h/db?schema=Robert'); DROP", "postgres://u:topsecret@h/db?sslmode=sometimes",
        "postgres://u:topsecret@h/db?colour=blue", "postgres://u@h/db/extra", "postgres://u@h/db?connect_timeout=soon",
    ])
    func malformed(_ text: String) {
        do {
            _ = try PostgresStore(url: text)
            Issue.record("accepted \(text)")
        } catch let error as StoreError {
            guard case .invalid(let message) = error else {
                Issue.record("expected .invalid for \(text), got \(error)")
                return
            }
            #expect(!message.contains("topsecret"), "the password is redacted: \(message)")
        } catch {
            Issue.record("expected a StoreError for \(text), got \(error)")
        }
    }

    @Test("a store on a well-formed URL starts and closes without connecting")
    func startsAndCloses() async throws {
        let store = try PostgresStore(url: "postgres://nobody@127.0.0.1:1/none")
        try await store.close()
    }

    @Test("an unreachable server is a .backend error that names the work, not a hang", .timeLimit(.minutes(5)))
    func unreachable() async throws {
        let store = try PostgresStore(url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=1")
        // The time limit above is what "not a hang" means here; no duration is asserted (the suite runs
        // on loaded machines, and speed is a benchmark's business).
        do {
            _ = try await store.departments()
            Issue.record("listed departments with no server")
        } catch let error as StoreError {
            guard case .backend(let message) = error else {
                Issue.record("expected .backend, got \(error)")
                return
            }
            #expect(message.contains("listing departments") && message.contains("127.0.0.1:1"), "\(message)")
        }
        try await store.close()
    }
}
