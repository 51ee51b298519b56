import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// Figures are answered from an index of the leaves (`LeafIndex`) instead of scanning every leaf with
/// a closure; these tests hold the index to the scan it replaces.
@Suite struct LeafIndexTests {
    static func filters(_ ledger: Ledger, projects: [String]) -> [LeafFilter] {
        var out: [LeafFilter] = [.all, .basic, .project, .personnel, .publicCost]
        out += RevenueSource.allCases.map { LeafFilter.fund($0) }
        out.append(.funds([.generalBudget, .govFund, .stateCapital]))
        out.append(.funds(Set(RevenueSource.allCases.filter { $0 != .carryover })))
        var functional = Set<String>(), economic = Set<String>()
        for leaf in ledger.leaves {
            for n in [1, 3, 5, 7] { functional.insert(String(leaf.functional.prefix(n))) }
            for n in [3, 5] { economic.insert(String(leaf.economic.prefix(n))) }
        }
        functional.insert("999")
        for code in functional.sorted() {
            out += [.functional(code), LeafFilter.functional(code).and(.basic), LeafFilter.fund(.generalBudget).and(.functional(code)).and(.project)]
        }
        for code in economic.sorted() {
            out += [LeafFilter.fund(.generalBudget).and(.basic).and(.economic(code)).and(.personnel), .economic(code)]
        }
        out.append(LeafFilter.fund(.generalBudget).and(.economicCodes(Set(economic.filter { $0.count == 5 }.prefix(4)))))
        out.append(.economicCodes([]))
        out.append(LeafFilter.fund(.generalBudget).and(.publicCost).and(.units(["001", "003"])))
        out += projects.map { LeafFilter.projects([$0]) }
        out.append(.projects(Set(projects)))
        out.append(LeafFilter.projects(Set(projects)).and(.personnel))
        // Sets with prefixes, and a unit alone: the packed part of the filter narrows its candidates.
        out.append(.units(["001"]))
        out.append(LeafFilter.functional("20x").and(.projects(Set(projects))))
        out.append(LeafFilter.economic("302").and(.economicCodes(["30201", "30101", "302"])).and(.fund(.generalBudget)))
        out.append(LeafFilter.functional("2").and(.units(["001", "002"])).and(.project))
        // Contradictory and nested prefixes.
        out.append(LeafFilter.functional("201").and(.functional("208")))
        out.append(LeafFilter.functional("201").and(.functional("20101")))
        out.append(LeafFilter.fund(.govFund).and(.fund(.generalBudget)))
        return out
    }

    @Test(arguments: [UInt64(3), 11])
    func indexSelectsWhatAScanSelects(seed: UInt64) {
        let budget = BudgetGenerator.make(seed: seed, units: 4, items: 300, projects: 6)
        let ledger = Ledger(budget.lineItems)
        let index = LeafIndex(ledger)
        for filter in Self.filters(ledger, projects: budget.projects.map(\.code)) {
            let scanned = ledger.select(filter.matches)
            #expect(index.select(filter) == scanned, "\(filter)")
            #expect(index.select(filter) == scanned, "memoized \(filter)")
        }
    }

    @Test func filtersMeanWhatTheClosuresMeant() {
        let budget = BudgetGenerator.make(seed: 5, units: 3, items: 200, projects: 5)
        let ledger = Ledger(budget.lineItems)
        let books = Books(ledger: ledger, recorder: nil)
        let code = budget.lineItems[0].functional
        let project = budget.projects[0].code
        let cases: [(LeafFilter, (Ledger.Leaf) -> Bool)] = [
            (.all, { _ in true }),
            (LeafFilter.fund(.generalBudget).and(.basic), { $0.fund == .generalBudget && $0.nature.isBasic }),
            (LeafFilter.fund(.generalBudget).and(.project), { $0.fund == .generalBudget && !$0.nature.isBasic }),
            (LeafFilter.functional(String(code.prefix(3))).and(.project), { $0.functional.hasPrefix(String(code.prefix(3))) && !$0.nature.isBasic }),
            (.projects([project]), { $0.nature.projectCode == project }),
            (LeafFilter.fund(.generalBudget).and(.publicCost).and(.units(["001"])),
             { $0.fund == .generalBudget && $0.nature.isPublicCost && $0.unit == "001" }),
            (.funds(Set(RevenueSource.allCases.filter { $0 != .carryover })), { $0.fund != .carryover }),
        ]
        for (filter, predicate) in cases {
            #expect(books.select(filter) == ledger.select(predicate), "\(filter)")
            #expect(books.figure(filter) == ledger.figure(predicate), "\(filter)")
        }
    }

    @Test func codesOutsideASCIIFallBackToTheScan() {
        let items = [
            LineItem(unit: "001", functional: "2010101", economic: "30101", nature: .personnel, fund: .generalBudget, amount: Amount(fen: 123_456)),
            LineItem(unit: "001", functional: "e\u{301}01", economic: "30201", nature: .publicCost, fund: .generalBudget, amount: Amount(fen: 7_891)),
            LineItem(unit: "002", functional: "\u{e9}0102", economic: "30201", nature: .publicCost, fund: .govFund, amount: Amount(fen: 5_000)),
        ]
        let ledger = Ledger(items)
        let index = LeafIndex(ledger)
        for prefix in ["", "2", "201", "\u{e9}", "e\u{301}", "e", "\u{e9}01"] {
            let filter = LeafFilter.functional(prefix)
            #expect(index.select(filter) == ledger.select(filter.matches), "\(prefix)")
        }
    }

    @Test func recordingByFilterNotesEachSetOnce() {
        let budget = BudgetGenerator.make(seed: 8, units: 3, items: 120, projects: 4)
        let ledger = Ledger(budget.lineItems)
        let recorder = Recorder()
        let books = Books(ledger: ledger, recorder: recorder)
        _ = books.figure(.all)
        _ = books.figure(.all)
        _ = books.figure(.fund(.generalBudget))  // the same leaves as .all here
        _ = books.figure(.basic)
        #expect(recorder.aggregates == [ledger.select { _ in true }, ledger.select { $0.nature.isBasic }].filter { $0.count > 1 }
            .reduce(into: [[Int]]()) { if !$0.contains($1) { $0.append($1) } })
    }

    @Test func aLargerBudgetCompilesAndAddsUp() {
        let budget = BudgetGenerator.make(seed: 99, units: 8, items: 1_500, projects: 10)
        let d = DisclosureCompiler.compile(budget)
        func texts(_ d: Disclosure) -> [String] {
            d.tables.flatMap { t in t.rows.map { r in r.cells.map(\.text).joined(separator: "|") } + t.fields.map(\.value) }
                + d.narrative.map(\.text)
        }
        #expect(texts(d) == texts(DisclosureCompiler.compile(budget)))
        let total = Ledger(budget.lineItems).leaves.reduce(Int64(0)) { $0 + $1.exact.fen }
        let printed = d.tables.first { $0.kind == .revenueSummary }?.rows.first?.cells[2].text
        #expect(printed == Fixed(mantissa: Ledger.nearest(total, 10_000), scale: 2).formatted(digits: 2))
    }
}
