import Testing
import YusuanAudit
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// The key invariant: what build produces, audit finds nothing wrong with.
@Suite struct BuildAuditTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func compiledDisclosureAuditsClean(seed: UInt64) {
        let budget = BudgetGenerator.make(seed: seed)
        let d = DisclosureCompiler.compile(budget)
        let report = Auditor.audit(d, profileID: budget.profile)
        let text = report.findings.map { "\($0.rule) \($0.location.table ?? "") \($0.location.row ?? "") \($0.message)" }.joined(separator: "\n")
        #expect(report.findings.filter { $0.severity != .notice }.isEmpty, "\(text)")
    }
}

import YusuanSource

@Suite struct ExampleSourceBuildTests {
    @Test func theExampleSourceBuildsAndAuditsClean() throws {
        let budget = try BudgetSource.read(path: Fixtures.path("Tests/Fixtures/budget/example.yaml"))
        var ledger = Ledger(budget.lineItems)
        #expect(ledger.leaves.count > 0)
        let d = DisclosureCompiler.compile(budget)
        #expect(d.tables.count >= 9)
        let report = Auditor.audit(d, profileID: budget.profile)
        let text = report.findings.map { "\($0.rule) \($0.location.table ?? "") \($0.location.row ?? "") \($0.message)" }.joined(separator: "\n")
        #expect(report.findings.filter { $0.severity != .notice }.isEmpty, "\(text)")
        ledger.round(aggregates: [])
        #expect(ledger.uncontrolled == 0)
    }
}

/// Every 预算 profile builds: its tables, its narrative sections in its order with its titles, and
/// the result audits clean against that profile.
@Suite struct ProfileBuildTests {
    static let budgetProfiles = ProfileLibrary.all().filter { $0.phase == .budget }.map(\.id)

    @Test(arguments: budgetProfiles)
    func theExampleBuildsForEveryBudgetProfile(profileID: String) throws {
        var budget = try BudgetSource.read(path: Fixtures.path("Tests/Fixtures/budget/example.yaml"))
        budget.profile = profileID
        let profile = try #require(ProfileLibrary.profile(id: profileID))
        let d = DisclosureCompiler.compile(budget)
        #expect(Set(d.tables.map(\.kind)).isSuperset(of: Set(profile.tables.filter(\.required).map(\.kind))))
        // Top-level sections are headed 一、二、… with the template's titles, in its order.
        let headings = d.narrative.map(\.text).filter { $0.contains("、") && $0.count <= 30 }
        let topTitles = profile.narrativeSections.filter { $0.parent == nil }.map(\.title)
        for (i, title) in topTitles.enumerated() {
            #expect(headings.contains { $0.hasSuffix("、" + title) }, "\(profileID): section \(i + 1) \(title)")
        }
        // Each table prints in its profile's unit, and says so (单位：元 / 单位：万元; TableUnitTests reads it back).
        for t in d.tables {
            #expect(t.unit == profile.unit(of: t.kind) && t.unitDeclared, "\(profileID) \(t.displayName): \(t.unit.rawValue)")
        }
        let report = Auditor.audit(d, profileID: profileID)
        let text = report.findings.map { "\($0.rule) \($0.location.table ?? "") \($0.message)" }.joined(separator: "\n")
        #expect(report.findings.filter { $0.severity != .notice }.isEmpty, "\(profileID): \(text)")
    }
}
