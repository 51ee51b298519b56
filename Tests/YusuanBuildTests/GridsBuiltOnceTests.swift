import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// Grids are built once, before rounding, with their figures held as selections (`Grid.Value`); the tables whose
/// text depends on their figures and the narrative hold theirs as `PendingFigure`s. What they print after rounding must
/// be what is built again from the rounded books, as the compiler's second pass did.
@Suite struct GridsBuiltOnceTests {
    /// Every table of the profile, built from the rounded ledger's books after rounding (the reference).
    static func rebuilt(_ budget: Budget, _ ledger: Ledger, _ profile: Profile) -> [DisclosureTable] {
        let c = DisclosureCompiler.context(budget, profile: profile, books: Books(ledger: ledger, recorder: nil), shared: .init())
        return profile.tables.flatMap { spec in
            let printing = c.printing(spec)
            let tables = DisclosureCompiler.grids(spec, printing).map { $0.map { $0.table(printing.books) } }
                ?? DisclosureCompiler.tables(spec, printing)(RoundedBooks(printing.books))
            return tables.map { table in
                var t = table
                t.unit = profile.unit(of: spec)
                t.unitDeclared = true
                return t
            }
        }
    }

    @Test(arguments: [(UInt64(3), "chongqing-district-2022"), (4, "national-143"), (5, "shanghai-district-2024"),
                      (6, "chongqing-district-2022")])
    func gridsPrintAsTablesBuiltAfterRounding(seed: UInt64, profileID: String) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 3, items: 160, projects: 4, profile: profileID)
        let profile = try #require(ProfileLibrary.profile(id: profileID))
        let (disclosure, ledger) = DisclosureCompiler.compileKeepingLedger(budget)
        let rebuilt = Self.rebuilt(budget, ledger, profile)
        #expect(disclosure.tables == rebuilt)
        #expect(rebuilt.contains { !$0.rows.isEmpty })
    }

    /// The 情况说明 written from the rounded ledger's books, its figures asked for after rounding (the reference).
    static func rewritten(_ budget: Budget, _ ledger: Ledger, _ profile: Profile) -> [String] {
        let c = DisclosureCompiler.context(budget, profile: profile, books: Books(ledger: ledger, recorder: nil), shared: .init())
        let writer = NarrativeWriter(c)
        return writer.write(writer.sectionBodies()(RoundedBooks(c.books)))
    }

    @Test(arguments: [(UInt64(3), "chongqing-district-2022"), (4, "national-143"), (5, "shanghai-district-2024"),
                      (8, "shanghai-district-2024")])
    func narrativePrintsAsWrittenAfterRounding(seed: UInt64, profileID: String) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 3, items: 160, projects: 4, profile: profileID)
        let profile = try #require(ProfileLibrary.profile(id: profileID))
        let (disclosure, ledger) = DisclosureCompiler.compileKeepingLedger(budget)
        #expect(disclosure.narrative.map(\.text) == Self.rewritten(budget, ledger, profile))
        // The unrounded books print other figures: the test can tell them apart.
        let unrounded = Self.rewritten(budget, Ledger(budget.lineItems), profile)
        #expect(disclosure.narrative.map(\.text) != unrounded)
    }

    @Test func consolidationGridsPrintAsTablesBuiltAfterRounding() {
        let budgets = (1...3).map { BudgetGenerator.make(seed: UInt64(70 + $0), units: 2, items: 80, projects: 3) }
        let consolidation = Consolidation(budgets.flatMap(\.lineItems), name: "示例市", year: 2022)
        let budget = Budget(department: "示例市", year: 2022, profile: "", units: [])
        let books = Books(ledger: consolidation.ledger, recorder: nil)
        #expect(consolidation.tables == Consolidation.grids(budget, books).map { $0.table(books) })
        #expect(consolidation.tables.allSatisfy { !$0.rows.isEmpty })
    }
}
