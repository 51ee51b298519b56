import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `PackedLeaves` lists leaves only under prefixes of 3, 5 and 7 digits and scans for other lengths: every
/// prefix of every leaf's codes, at every length, alone and with a fund or a nature, selects what the scan
/// with `LeafFilter.matches` selects.
@Suite struct PackedPrefixLengthsTests {
    @Test(arguments: [UInt64(31), 32])
    func everyPrefixLengthSelectsTheScan(seed: UInt64) {
        let budget = BudgetGenerator.make(seed: seed, units: 2, items: 200, projects: 4)
        let ledger = Ledger(budget.lineItems)
        let index = LeafIndex(ledger)
        var filters: [LeafFilter] = []
        for leaf in ledger.leaves {
            for n in 1...leaf.functional.count { filters.append(.functional(String(leaf.functional.prefix(n)))) }
            for n in 1...leaf.economic.count { filters.append(.economic(String(leaf.economic.prefix(n)))) }
        }
        // Prefixes no leaf has, of listed and unlisted lengths.
        filters += [.functional("9"), .functional("99"), .functional("999"), .functional("9999"), .economic("9999"), .economic("99999")]
        var seen = Set<LeafFilter>()
        for filter in filters where seen.insert(filter).inserted {
            for f in [filter, filter.and(.basic), filter.and(.fund(.generalBudget)), filter.and(.economic("3"))] {
                #expect(index.select(f) == ledger.select(f.matches), "\(f)")
            }
        }
    }
}
