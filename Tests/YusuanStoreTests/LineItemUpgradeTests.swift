import Foundation
import Testing
import YusuanStore
@testable import YusuanStorePostgres
@testable import YusuanStoreSQLite

/// A store made before line items existed (only `v1-schema` applied, with data in it) upgrades: `migrate()`
/// adds the line-item tables, keeps what was there, and imports work.
@Suite("Line items: upgrading a v1 store")
struct LineItemUpgradeTests {
    @Test("SQLite file")
    func sqlite() async throws {
        try await StoreLifetimes.sqliteFile(Self.upgradeFromV1)
    }

    static func upgradeFromV1(_ path: String) async throws {
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        // Back to the released v1 schema, as a database created before v2.
        try await store.execute(unsafeSQL: """
            DROP TABLE line_items; DROP TABLE line_item_batches;
            DELETE FROM grdb_migrations WHERE identifier = 'v2-line-items'
            """, what: "returning to v1")
        await expectStoreError(.backend, "no line-item tables at v1") { _ = try await store.lineItemBatches() }
        let department = try await Fixture.department(store, "tongnan-xinfang")
        try await store.close()

        let reopened = try SQLiteStore(path: path)
        try await Self.upgradeKeepsDataAndImports(reopened, department: department)
        try await reopened.close()
    }

    @Test("PostgreSQL", .enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.skipReason))
    func postgres() async throws {
        try await StoreLifetimes.postgres { store in
            try await store.migrate()
            try await store.execute(unsafeSQL: "DROP TABLE line_items, line_item_batches", what: "returning to v1")
            try await store.execute(unsafeSQL: "DELETE FROM schema_migrations WHERE identifier = 'v2-line-items'",
                                    what: "returning to v1")
            let department = try await Fixture.department(store, "tongnan-xinfang")
            try await Self.upgradeKeepsDataAndImports(store, department: department)
        }
    }

    static func upgradeKeepsDataAndImports(_ store: any YusuanStore, department: DepartmentRecord) async throws {
        try await store.migrate()
        #expect(try await store.departments() == [department], "the v1 data survives the upgrade")
        #expect(try await store.lineItemBatches() == [])
        let batch = try await store.importLineItems(try LineItemContract.reader(LineItemContract.sample), year: 2025,
                                                    fileName: "city.csv", actor: .system)
        #expect(batch.rowCount == 4)
        #expect(try await store.lineItemTotals(batchID: batch.id).map(\.department) == ["101001", "202002"])
        try await store.migrate()
        #expect(try await store.lineItemBatches() == [batch], "migrating again changes nothing")
    }
}
