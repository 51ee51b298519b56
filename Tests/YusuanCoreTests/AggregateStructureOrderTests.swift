import Testing
@testable import YusuanCore

/// `AggregateStructure` numbers its distinct sets largest first, equal sizes in the order first met (a counting
/// sort by size). Held to an oracle that reduces each aggregate to its fractional leaves, keeps the first of
/// each distinct set, and sorts stably by size, on random problems with many sets of equal size.
@Suite struct AggregateStructureOrderTests {
    static func oracle(_ p: RoundingProblem) -> (members: [[Int]], setOfAggregate: [Int]) {
        var position = [Int](repeating: -1, count: p.leaves.count)
        var fractional = 0
        for (leaf, amount) in p.leaves.enumerated() where RoundingMath.split(amount, unit: p.unit).remainder > 0 {
            position[leaf] = fractional
            fractional += 1
        }
        var distinct: [[Int]] = []
        var idOf: [[Int]: Int] = [:]
        var firstSeen: [Int] = []
        for aggregate in p.aggregates {
            let reduced = aggregate.compactMap { position[$0] >= 0 ? position[$0] : nil }
            guard reduced.count >= 2 else { firstSeen.append(-1); continue }
            if let id = idOf[reduced] {
                firstSeen.append(id)
            } else {
                idOf[reduced] = distinct.count
                firstSeen.append(distinct.count)
                distinct.append(reduced)
            }
        }
        // A stable sort by decreasing size (insertion, so that no library sort's stability is assumed).
        var order: [Int] = []
        for id in distinct.indices {
            var at = order.count
            while at > 0 && distinct[order[at - 1]].count < distinct[id].count { at -= 1 }
            order.insert(id, at: at)
        }
        var rank = [Int](repeating: 0, count: distinct.count)
        for (r, id) in order.enumerated() { rank[id] = r }
        return (order.map { distinct[$0] }, firstSeen.map { $0 < 0 ? -1 : rank[$0] })
    }

    @Test(arguments: [(12, 30), (40, 120), (300, 400)])
    func setsAreNumberedLargestFirstInFirstSeenOrder(leaves: Int, aggregates: Int) {
        for seed: UInt64 in 1...20 {
            let problem = MergedLeavesGroupSetsTests.randomProblem(seed: seed, leaves: leaves, aggregates: aggregates)
            let s = AggregateStructure(problem)
            let expected = Self.oracle(problem)
            #expect(s.members == expected.members, "seed \(seed)")
            #expect(s.setOfAggregate == expected.setOfAggregate, "seed \(seed)")
        }
    }

    /// Both ways of reducing the aggregates held to the oracle: every leaf fractional (each aggregate is its own
    /// set, kept without a copy) and every fifth leaf whole (reduced through the fractional positions).
    @Test(arguments: [false, true])
    func setsAreTheOraclesWithAndWithoutWholeLeaves(someWhole: Bool) {
        for seed: UInt64 in 1...30 {
            let random = MergedLeavesGroupSetsTests.randomProblem(seed: seed, leaves: 40, aggregates: 120)
            let leaves = random.leaves.enumerated().map { leaf, amount in
                amount / 10_000 * 10_000 + (someWhole && leaf % 5 == 0 ? 0 : 1 + amount % 9_999)
            }
            let problem = RoundingProblem(leaves: leaves, unit: random.unit, aggregates: random.aggregates)
            let s = AggregateStructure(problem)
            #expect((s.fractionalLeaves.count == leaves.count) == !someWhole)
            let expected = Self.oracle(problem)
            #expect(s.members == expected.members, "seed \(seed)")
            #expect(s.setOfAggregate == expected.setOfAggregate, "seed \(seed)")
        }
    }

    /// `deepest(in:)` (a backward scan of each leaf's holders) held to a plain search: per leaf, the last set of
    /// the family, in set order, holding it; every family, and one past the last (no set: -1 everywhere).
    @Test func deepestSetsAreTheLastOfTheirFamilyHoldingTheLeaf() {
        for seed: UInt64 in 1...20 {
            let problem = MergedLeavesGroupSetsTests.randomProblem(seed: seed, leaves: 60, aggregates: 150)
            let s = AggregateStructure(problem)
            #expect(s.familyCount >= 2, "seed \(seed)")
            for f in 0...s.familyCount {
                let plain = s.fractionalLeaves.indices.map { leaf in
                    s.members.indices.last { s.family[$0] == f && s.members[$0].contains(leaf) } ?? -1
                }
                #expect(s.deepest(in: f) == plain, "seed \(seed), family \(f)")
            }
        }
    }
}
