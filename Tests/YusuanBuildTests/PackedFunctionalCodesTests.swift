import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `BuildContext.functionalCodes` over packed codes (`packedFunctionalCodes`) held to the same list made from the
/// codes as strings (`stringFunctionalCodes`): the same codes in the same order, for every kind of filter.
@Suite struct PackedFunctionalCodesTests {
    @Test(arguments: [UInt64(5), 17, 29])
    func packedCodesAreTheStringCodes(seed: UInt64) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 3, items: 300, projects: 6)
        let ledger = Ledger(budget.lineItems)
        let books = Books(ledger: ledger, recorder: nil)
        let packed = try #require(books.index.packedFunctional)
        let filters = LeafIndexTests.filters(ledger, projects: budget.projects.map(\.code))
        // Extra codes: 类, 款 and 项 of any length, with leading zeros, ones no leaf has, and none at all.
        let extras: [[String]] = [[], ["2010101"], ["213", "21301", "2130101"], ["999", "0", "00", "007"], [""], ["20801", "2"]]
        for filter in filters {
            for extra in extras {
                let fast = BuildContext.packedFunctionalCodes(packed, books, filter, extra: extra)
                #expect(fast == BuildContext.stringFunctionalCodes(books, filter, extra: extra), "\(filter) \(extra)")
            }
        }
        // An extra code that is not digits leaves the list to the string path.
        #expect(BuildContext.packedFunctionalCodes(packed, books, .all, extra: ["20a"]) == nil)
        #expect(BuildContext.packedFunctionalCodes(packed, books, .all, extra: ["２０１"]) == nil)
    }
}
