import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `PackedLeaves.select` hands out a listed prefix's leaves untested when the filter allows every fund and nature
/// the leaves hold, and `LeafIndex` selects a key narrowed by nature among the leaves of the same key over every
/// nature when it selected those before. Held to the scan with `LeafFilter.matches` on 20,000 random filters (prefixes
/// of every length, subsets of funds and natures, alone and together), a hundred on each index, over random ledgers
/// whose leaves hold only a few funds and natures, so that masks often cover all of them, and sometimes only nearly.
@Suite struct PackedSelectAllPassTests {
    @Test func selectionsAreTheScan() {
        var rng = SeededRandom(seed: 61)
        let funds = RevenueSource.allCases
        let natures: [SpendingNature] = [.personnel, .publicCost, .project("P1"), .project("P2")]
        var checked = 0
        for _ in 0..<200 {
            // A few funds and natures per ledger, few codes, so that prefixes are shared and masks cover the leaves.
            let heldFunds = Array(funds.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
            let heldNatures = Array(natures.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
            let items = (0..<Int.random(in: 1...40, using: &rng)).map { _ in
                LineItem(unit: "001", functional: "20\(Int.random(in: 1...2, using: &rng))0\(Int.random(in: 1...3, using: &rng))0\(Int.random(in: 1...2, using: &rng))",
                         economic: "30\(Int.random(in: 1...2, using: &rng))0\(Int.random(in: 1...3, using: &rng))",
                         nature: heldNatures.randomElement(using: &rng) ?? .personnel,
                         fund: heldFunds.randomElement(using: &rng) ?? .generalBudget, amount: Amount(fen: 100))
            }
            let ledger = Ledger(items)
            let index = LeafIndex(ledger)
            for _ in 0..<100 {
                let leaf = ledger.leaves.randomElement(using: &rng) ?? ledger.leaves[0]
                var filter = LeafFilter.all
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: filter = .functional(String(leaf.functional.prefix(Int.random(in: 1...7, using: &rng))))
                case 1: filter = .economic(String(leaf.economic.prefix(Int.random(in: 1...5, using: &rng))))
                case 2: filter = LeafFilter.functional(String(leaf.functional.prefix(Int.random(in: 1...7, using: &rng))))
                    .and(.economic(String(leaf.economic.prefix(Int.random(in: 1...5, using: &rng)))))
                default: break
                }
                // Masks of the funds and natures held, one more or one fewer, or none.
                if Bool.random(using: &rng) {
                    var bits = heldFunds.reduce(0) { $0 | $1.bit }
                    if Bool.random(using: &rng) { bits ^= (funds.randomElement(using: &rng) ?? .govFund).bit }
                    filter = filter.and(LeafFilter(fundBits: bits))
                }
                if Bool.random(using: &rng) {
                    var bits = heldNatures.reduce(0) { $0 | LeafFilter.NatureKind($1).bit }
                    if Bool.random(using: &rng) { bits ^= 1 << Int.random(in: 0..<3, using: &rng) }
                    filter = filter.and(LeafFilter(natureBits: bits))
                }
                #expect(index.select(filter) == ledger.select(filter.matches), "\(filter)")
                checked += 1
            }
        }
        #expect(checked == 20_000)
    }
}
