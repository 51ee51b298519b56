import Foundation
import Testing
import YusuanStore
@testable import YusuanStorePostgres
@testable import YusuanStoreSQLite
import struct YusuanCore.PrintedFigure

/// The schema itself refuses to change a published version: raw SQL that bypasses the store's own
/// status checks still fails, and the version, its figures and findings stay as they were.
@Suite("Published versions are immutable in the schema")
struct PublishedTriggerTests {
    /// Each statement names the published version as `$V`.
    static let statements = [
        "UPDATE versions SET source_name = 'changed' WHERE id = $V",
        "UPDATE versions SET status = 'draft', published_at = NULL WHERE id = $V",
        "DELETE FROM versions WHERE id = $V",
        "UPDATE figures SET fen = 0 WHERE version_id = $V",
        "DELETE FROM figures WHERE version_id = $V",
        "INSERT INTO figures (version_id, seq, table_name, row_label, column_label, fen) VALUES ($V, 99, 't', 'r', 'c', 1)",
        "UPDATE findings SET message = 'changed' WHERE version_id = $V",
        "DELETE FROM findings WHERE version_id = $V",
        "INSERT INTO findings (version_id, seq, rule_id, severity, message, location) VALUES ($V, 99, 'r', 'error', 'm', 'l')",
    ]

    @Test("SQLite triggers")
    func sqlite() async throws {
        let store = try SQLiteStore.inMemory()
        try await store.migrate()
        let published = try await Self.publishedVersion(store)
        for statement in Self.statements {
            let sql = statement.replacingOccurrences(of: "$V", with: String(published.version.id))
            await expectStoreError(.immutable, "SQLite: \(sql)") {
                try await store.execute(unsafeSQL: sql, what: "a raw write to a published version")
            }
        }
        try await Self.expectUnchanged(store, published)
        try await store.close()
    }

    @Test("PostgreSQL triggers", .enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.skipReason))
    func postgres() async throws {
        try await StoreLifetimes.postgres { store in
            try await store.migrate()
            let published = try await Self.publishedVersion(store)
            for statement in Self.statements {
                let sql = statement.replacingOccurrences(of: "$V", with: String(published.version.id))
                await expectStoreError(.immutable, "PostgreSQL: \(sql)") {
                    try await store.execute(unsafeSQL: sql, what: "a raw write to a published version")
                }
            }
            try await Self.expectUnchanged(store, published)
        }
    }

    struct Published {
        var version: VersionRecord
        var figures: [PrintedFigure]
        var findings: [FindingRecord]
    }

    static func publishedVersion(_ store: any YusuanStore) async throws -> Published {
        let department = try await Fixture.department(store, "a")
        let figures = [PrintedFigure(table: "t", row: "r", column: "c", fen: 42)]
        let findings = [Fixture.finding("rule", "warning")]
        let draft = try await store.saveDraft(Fixture.version(department.id, figures: figures, findings: findings),
                                              actor: .system)
        let version = try await store.publish(versionID: draft.id, actor: .system)
        return Published(version: version, figures: figures, findings: findings)
    }

    static func expectUnchanged(_ store: any YusuanStore, _ published: Published) async throws {
        #expect(try await store.version(id: published.version.id) == published.version)
        #expect(try await store.figures(versionID: published.version.id) == published.figures)
        #expect(try await store.findings(versionID: published.version.id) == published.findings)
    }
}
