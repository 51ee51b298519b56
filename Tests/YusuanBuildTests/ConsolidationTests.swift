import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// The consolidated 汇总 of many departments (bench/run's build at scale): departments' leaves merged
/// through `Ledger`, rounded once, printed by 功能 and by 经济 科目.
@Suite struct ConsolidationTests {
    static let budgets = (1...4).map { BudgetGenerator.make(seed: UInt64(40 + $0), units: 2, items: 60, projects: 3) }

    static func consolidation(grouped: Bool) -> Consolidation {
        let shares = budgets.map { Consolidation.share(of: DisclosureCompiler.compileKeepingLedger($0).ledger) }
        // Merged per department pair first, then together (as the workers do), or all at once.
        let items = grouped ? Consolidation.merge([Consolidation.merge(Array(shares[0..<2])), Consolidation.merge(Array(shares[2...]))])
                            : Consolidation.merge(shares)
        return Consolidation(items, name: "示例市", year: 2022)
    }

    @Test func exactTotalsAreTheDepartmentsLineItems() {
        let c = Self.consolidation(grouped: true)
        let items = Self.budgets.flatMap(\.lineItems)
        #expect(c.exact().fen == items.reduce(0) { $0 + $1.amount.fen })
        #expect(c.exact(basic: true).fen == items.filter { $0.nature.isBasic }.reduce(0) { $0 + $1.amount.fen })
        #expect(c.exact(functional: "201").fen == items.filter { $0.functional.hasPrefix("201") }.reduce(0) { $0 + $1.amount.fen })
        #expect(c.exact(economic: "301").fen == items.filter { $0.economic.hasPrefix("301") }.reduce(0) { $0 + $1.amount.fen })
        // Leaves are 功能 × 经济 × nature × fund: no unit, no project.
        #expect(c.ledger.leaves.allSatisfy { $0.unit.isEmpty && ($0.nature.isBasic || $0.nature == .project("")) })
    }

    @Test func mergingInGroupsGivesTheSameLeaves() {
        let a = Self.consolidation(grouped: true), b = Self.consolidation(grouped: false)
        let key: (Ledger.Leaf) -> String = { "\($0.functional)|\($0.economic)|\($0.nature)|\($0.fund.rawValue)|\($0.exact.fen)" }
        #expect(a.ledger.leaves.map(key).sorted() == b.ledger.leaves.map(key).sorted())
    }

    @Test func tablesAddUpAndStayWithinAUnitOfExact() throws {
        let c = Self.consolidation(grouped: true)
        #expect(c.tables.count == 2)
        for table in c.tables {
            let total = try #require(table.rows.first)
            #expect(total.name == "合计")
            // 合计 = the sum of the 类 rows, in every money column; 合计 within one unit (0.01 万元) of exact.
            let classes = table.rows.filter { ($0.code?.digits.count ?? 0) == 3 }
            #expect(!classes.isEmpty)
            for column in 2..<total.cells.count {
                let sum = classes.reduce(Int64(0)) { $0 + Self.units($1.cells[column].text) }
                #expect(sum == Self.units(total.cells[column].text))
            }
            let exactUnits = Double(c.exact().fen) / 10_000
            #expect(abs(Double(Self.units(total.cells[2].text)) - exactUnits) < 1)
        }
    }

    /// "1,234.56" → 123456 (0.01 万元); blank → 0.
    static func units(_ text: String) -> Int64 {
        let digits = text.filter { $0 != "," }
        guard !digits.isEmpty else { return 0 }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts.first ?? "0") ?? 0
        let cents = parts.count > 1 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return whole * 100 + (whole < 0 ? -cents : cents)
    }
}
