import Foundation
import Testing
import YusuanStore
@testable import YusuanStorePostgres
@testable import YusuanStoreSQLite

/// A store made before findings kept their English message (migrations up to `v2-line-items`, with a published
/// version and its findings in it) upgrades: `migrate()` adds the column, the stored findings keep their Chinese
/// message with an empty English one, and new findings keep both.
@Suite("Findings in English: upgrading a v2 store")
struct FindingEnglishUpgradeTests {
    @Test("SQLite file")
    func sqlite() async throws {
        try await StoreLifetimes.sqliteFile { path in
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let (department, published) = try await Self.publishedVersion(store)
            // Back to the v2 schema, as a database created before v3.
            try await store.execute(unsafeSQL: """
                ALTER TABLE findings DROP COLUMN message_en;
                DELETE FROM grdb_migrations WHERE identifier = 'v3-finding-english'
                """, what: "returning to v2")
            try await store.close()

            let reopened = try SQLiteStore(path: path)
            try await Self.upgradeKeepsFindings(reopened, department: department, published: published)
            try await reopened.close()
        }
    }

    @Test("PostgreSQL", .enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.skipReason))
    func postgres() async throws {
        try await StoreLifetimes.postgres { store in
            try await store.migrate()
            let (department, published) = try await Self.publishedVersion(store)
            try await store.execute(unsafeSQL: "ALTER TABLE findings DROP COLUMN message_en", what: "returning to v2")
            try await store.execute(unsafeSQL: "DELETE FROM schema_migrations WHERE identifier = 'v3-finding-english'",
                                    what: "returning to v2")
            try await Self.upgradeKeepsFindings(store, department: department, published: published)
        }
    }

    static func publishedVersion(_ store: any YusuanStore) async throws -> (DepartmentRecord, VersionRecord) {
        let department = try await Fixture.department(store, "tongnan-xinfang")
        let draft = try await store.saveDraft(Fixture.version(department.id, findings: Fixture.findings("SUM-001", "error", count: 2)),
                                              actor: Fixture.officer)
        return (department, try await store.publish(versionID: draft.id, actor: Fixture.officer))
    }

    static func upgradeKeepsFindings(_ store: any YusuanStore, department: DepartmentRecord, published: VersionRecord) async throws {
        try await store.migrate()
        let kept = try await store.findings(versionID: published.id)
        #expect(kept.map(\.message) == ["SUM-001 第0处", "SUM-001 第1处"], "the Chinese messages survive the upgrade")
        #expect(kept.allSatisfy { $0.messageEnglish.isEmpty })
        #expect(try await store.version(id: published.id) == published)
        let findings = Fixture.findings("NAR-001", "warning", count: 1)
        let draft = try await store.saveDraft(Fixture.version(department.id, year: 2025, findings: findings), actor: Fixture.officer)
        #expect(try await store.findings(versionID: draft.id) == findings)
        #expect(findings.first?.messageEnglish == "NAR-001 no. 0")
    }
}
