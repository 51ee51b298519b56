import Testing
@testable import YusuanBuild
import YusuanTestSupport

/// `LeafUnits.sum` adds a set's units four at a time without overflow checks when the set is too small to overflow,
/// and in order with the checks otherwise. Held to the checked sum in order (`reference`) on random units — small as
/// printed figures are, and near `Int64`'s bounds so that large sets take the checked path — and random sets of
/// every length (each remainder of four), wherever the checked sum does not overflow.
@Suite struct LeafUnitsTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func sumIsTheCheckedSumInOrder(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for bound in [Int64(0), 1, 1_000_000, Int64.max / 64, Int64.max] {
            let units = (0..<200).map { _ in bound == 0 ? 0 : Int64.random(in: -bound...bound, using: &rng) }
            let leaves = LeafUnits(units)
            for length in 0..<70 {
                let set = (0..<length).map { _ in Int.random(in: 0..<units.count, using: &rng) }
                var sum: Int64 = 0, overflows = false
                for i in set {
                    let (next, overflow) = sum.addingReportingOverflow(units[i])
                    (sum, overflows) = (next, overflows || overflow)
                }
                guard !overflows else { continue }
                #expect(leaves.sum(set) == sum, "bound \(bound), \(set.count) leaves")
                #expect(leaves.reference(set) == sum)
            }
        }
    }
}
