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
