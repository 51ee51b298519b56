import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// The 汇总 built from departments' line items gathered as they come (`Consolidation.Gathering`, on a task
/// of its own in bench/run's build at scale) is the 汇总 built from the departments' compiled ledgers,
/// whatever order the departments come in.
@Suite struct ConsolidationGatheringTests {
    static let budgets = (1...5).map { BudgetGenerator.make(seed: UInt64(60 + $0), units: 2, items: 70, projects: 3) }

    static func gathered(_ budgets: [Budget]) -> Consolidation {
        var gathering = Consolidation.Gathering()
        for budget in budgets { gathering.add(budget.lineItems) }
        return Consolidation(gathering.items, name: "示例市", year: 2022)
    }

    static func cells(_ c: Consolidation) -> [[String]] {
        c.tables.flatMap { $0.rows.map { $0.cells.map(\.text) } }
    }

    @Test func gatheringLineItemsIsMergingCompiledLedgers() {
        let shares = Self.budgets.map { Consolidation.share(of: DisclosureCompiler.compileKeepingLedger($0).ledger) }
        let merged = Consolidation(Consolidation.merge(shares), name: "示例市", year: 2022)
        let gathered = Self.gathered(Self.budgets)
        #expect(gathered.ledger.leaves == merged.ledger.leaves)
        #expect(gathered.ledger.units == merged.ledger.units)
        #expect(Self.cells(gathered) == Self.cells(merged))
        #expect(!Self.cells(gathered).isEmpty)
    }

    @Test func theOrderOfDepartmentsDoesNotMatter() {
        let forward = Self.gathered(Self.budgets)
        let backward = Self.gathered(Self.budgets.reversed())
        let shuffled = Self.gathered([2, 0, 4, 1, 3].map { Self.budgets[$0] })
        #expect(Self.cells(forward) == Self.cells(backward))
        #expect(Self.cells(forward) == Self.cells(shuffled))
        #expect(forward.ledger.units == shuffled.ledger.units)
    }

    @Test func gatheredLeavesHaveNoUnitNorProject() {
        var gathering = Consolidation.Gathering()
        for budget in Self.budgets { gathering.add(budget.lineItems) }
        let items = Self.budgets.flatMap(\.lineItems)
        #expect(gathering.items.allSatisfy { $0.unit.isEmpty && ($0.nature.isBasic || $0.nature == .project("")) })
        #expect(gathering.items.reduce(0) { $0 + $1.amount.fen } == items.reduce(0) { $0 + $1.amount.fen })
        #expect(gathering.items.count < items.count)
    }
}
