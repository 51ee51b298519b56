import Foundation
import Testing
import YusuanStore
import YusuanStorePostgres

/// What only PostgreSQL shows: several processes migrating one database at once.
@Suite("PostgreSQL store", .enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.skipReason))
struct PostgresStoreTests {
    @Test("stores migrating one schema at once all succeed, and the schema is migrated once")
    func concurrentMigrations() async throws {
        let url = try PostgresTestDatabase.urlWithFreshSchema().url
        let stores = try (0..<4).map { _ in try PostgresStore(url: url) }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for store in stores {
                    group.addTask { try await store.migrate() }
                }
                try await group.waitForAll()
            }
            let department = try await Fixture.department(stores[0], "a")
            #expect(try await stores[3].departments() == [department], "one schema, seen by every store")
        } catch {
            try? await stores[0].dropSchema()
            for store in stores { try? await store.close() }
            throw error
        }
        try await stores[0].dropSchema()
        for store in stores { try await store.close() }
    }
}
