import Testing
import YusuanTestSupport
@testable import YusuanAudit

/// `SameQuantity.majorityIndex` counts the printings pairwise (round 20); it must pick the printing the dictionary of
/// counts picked: the first one whose value most printings hold.
@Suite struct SameQuantityMajorityTests {
    /// `majority` as written before round 20, over the printings' values.
    static func reference(_ fen: [Int64]) -> Int {
        var counts: [Int64: Int] = [:]
        for f in fen { counts[f, default: 0] += 1 }
        let best = counts.values.max() ?? 0
        return fen.firstIndex { counts[$0] == best } ?? 0
    }

    @Test func picksAsTheDictionaryOfCounts() {
        var rng = SeededRandom(seed: 20)
        for _ in 0..<5_000 {
            let values = Int.random(in: 1...5, using: &rng)
            let fen = (0..<Int.random(in: 1...12, using: &rng)).map { _ in Int64(Int.random(in: 0..<values, using: &rng)) * 1_000 - 1_500 }
            #expect(SameQuantity.majorityIndex(fen) == Self.reference(fen), "\(fen)")
        }
    }
}
