import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `LeafIndex` tests a filter's candidates in place (`LeafFilter.Probe`): 经济 codes by packed number when every code
/// is digits, and a unit once per run of leaves of one unit. Held to scanning every leaf with `matches` on random
/// leaves whose units come in runs and scattered (small and heap strings), with leaves packed and not.
@Suite struct LeafProbeTests {
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func probedSelectionsAreTheScan(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }
        let units = ["001", "002", "", "a-unit-code-longer-than-fifteen-bytes", "a-unit-code-longer-than-fifteen-bytez"]
        let economic = ["30101", "30201", "30211", "0301", "301", ""]
        for packed in [true, false] {
            var leaves: [Ledger.Leaf] = []
            while leaves.count < 400 {
                // A run of one to five leaves of one unit.
                let unit = pick(units)
                for _ in 0..<Int(1 + rng.next() % 5) {
                    let code = packed || rng.next() % 8 != 0 ? pick(economic) : "30x"
                    leaves.append(Ledger.Leaf(unit: unit, functional: pick(["2010101", "2050201"]), economic: code,
                                              nature: pick([.personnel, .publicCost, .project("P1")]),
                                              fund: pick([.generalBudget, .govFund]), exact: Amount(fen: 1)))
                }
            }
            let ledger = Ledger(leaves: leaves)
            let index = LeafIndex(ledger)
            #expect((index.packedEconomic != nil) == packed)
            for _ in 0..<40 {
                let unitSet = Set(units.filter { _ in rng.next() % 2 == 0 })
                let codeSet = Set((economic + ["30x", "３０１"]).filter { _ in rng.next() % 3 == 0 })
                let plain = pick([LeafFilter.all, .basic, .publicCost, .fund(.generalBudget), .functional("201")])
                for filter in [plain.and(.units(unitSet)), plain.and(.economicCodes(codeSet)),
                               plain.and(.units(unitSet)).and(.economicCodes(codeSet)), LeafFilter.economicCodes(codeSet)] {
                    #expect(index.select(filter) == leaves.indices.filter { filter.matches(leaves[$0]) }, "\(filter)")
                }
            }
        }
    }
}
