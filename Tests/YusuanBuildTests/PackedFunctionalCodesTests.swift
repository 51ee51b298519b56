import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `BuildContext.functionalCodes` and `economicCodes` over packed codes held to the same lists made from the codes
/// as strings (`stringFunctionalCodes`, `stringEconomicCodes`): the same codes in the same order, for every kind of filter.
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

    @Test(arguments: [UInt64(5), 17, 29])
    func packedEconomicCodesAreTheStringCodes(seed: UInt64) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 3, items: 300, projects: 6)
        let books = Books(ledger: Ledger(budget.lineItems), recorder: nil)
        #expect(books.index.packedEconomic != nil)
        let c = BuildContext(budget: budget, books: books, functional: nil, economic: nil, profile: nil)
        for filter in LeafIndexTests.filters(books.ledger, projects: budget.projects.map(\.code)) {
            #expect(c.economicCodes(filter) == BuildContext.stringEconomicCodes(books, filter), "\(filter)")
        }
    }

    @Test func spelledCodesAreInStringOrder() throws {
        let strings = ["301", "30101", "3010", "0", "00", "007", "0070", "30", "2", "21301", "2130101", "99999"]
        let packed = Set(try strings.map { try #require(DigitCode.pack($0)) })
        var expected = Set(strings)
        for s in strings { expected.insert(String(s.prefix(3))); expected.insert(String(s.prefix(5))) }
        #expect(DigitCode.spelled(packed, withPrefixes: [3, 5]) == expected.sorted())
    }

    /// The sort by precomputed keys held to the strings' order on random codes of every length up to
    /// `DigitCode.maxLength`, leading zeros and shared prefixes included.
    @Test(arguments: [UInt64(3), 11, 42])
    func spelledRandomCodesAreInStringOrder(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        var strings: [String] = []
        for _ in 0..<400 {
            let length = Int.random(in: 0...DigitCode.maxLength, using: &random)
            // Few digits make equal prefixes and codes that differ only by trailing zeros common.
            let digits = Int.random(in: 0...1, using: &random) == 0 ? "0123456789" : "019"
            strings.append(String((0..<length).map { _ in digits.randomElement(using: &random) ?? "0" }))
        }
        let packed = Set(try strings.map { try #require(DigitCode.pack($0)) })
        for lengths in [[3], [3, 5], [1, 2, 17]] {
            var expected = Set(strings)
            for s in strings { for n in lengths { expected.insert(String(s.prefix(n))) } }
            #expect(DigitCode.spelled(packed, withPrefixes: lengths) == expected.sorted(), "\(lengths)")
        }
    }
}
