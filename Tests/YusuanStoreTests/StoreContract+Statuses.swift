import Foundation
import Testing
import YusuanStore

extension StoreContract {
    static func statusesAndTallies(_ store: any YusuanStore) async throws {
        let a = try await Fixture.department(store, "a")
        let b = try await Fixture.department(store, "b")
        let c = try await Fixture.department(store, "c")
        let a1 = try await store.saveDraft(
            Fixture.version(a.id, findings: Fixture.findings("r1", "error", count: 5)), actor: Fixture.officer)
        let a1Published = try await store.publish(versionID: a1.id, actor: .system)
        let a2 = try await store.saveDraft(
            Fixture.version(a.id, year: 2023, findings: Fixture.findings("r2", "warning", count: 1)
                            + Fixture.findings("r1", "error", count: 1)),
            actor: Fixture.officer)
        let b1 = try await store.saveDraft(
            Fixture.version(b.id, phase: .finalAccounts, findings: Fixture.findings("r1", "error", count: 3)
                            + Fixture.findings("r0", "notice", count: 1)),
            actor: Fixture.officer)

        let statuses = try await store.departmentStatuses()
        #expect(statuses.map(\.department) == [a, b, c], "ordered by code")
        #expect(statuses.first?.latest == a2, "the newest version, whatever its year")
        #expect(statuses.first?.latestPublished == a1Published)
        #expect(statuses.dropFirst().first?.latest == b1)
        #expect(statuses.dropFirst().first?.latestPublished == nil)
        #expect(statuses.last?.latest == nil && statuses.last?.latestPublished == nil)

        // Over the newest version of each department: a2 (r2 ×1, r1 ×1) and b1 (r1 ×3, r0 ×1); a1's five
        // r1 findings are not counted.
        #expect(try await store.ruleTallies() == [
            RuleTally(ruleID: "r1", severity: "error", findings: 4, departments: 2),
            RuleTally(ruleID: "r0", severity: "notice", findings: 1, departments: 1),
            RuleTally(ruleID: "r2", severity: "warning", findings: 1, departments: 1),
        ], "most findings first, then by rule id")
    }
}
