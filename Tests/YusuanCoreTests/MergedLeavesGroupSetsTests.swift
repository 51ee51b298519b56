import Testing
@testable import YusuanCore

/// `MergedLeaves` builds each merged aggregate from the first leaves of its groups (no sort): held to an oracle that groups the
/// leaves by their exact list of aggregates (numbered by first leaf) and maps, sorts and deduplicates each
/// aggregate's groups, on random problems of few leaves (many merge) and of many.
@Suite struct MergedLeavesGroupSetsTests {
    static func randomProblem(seed: UInt64, leaves: Int, aggregates: Int) -> RoundingProblem {
        var random = SplitMix64(seed: seed)
        let amounts = (0..<leaves).map { _ in Int64(random.next() % 5_000_000) }
        var sets: [[Int]] = []
        for _ in 0..<aggregates {
            // Runs of neighbouring leaves, shuffled, some twice: the problem sorts and deduplicates them.
            let from = Int(random.next() % UInt64(leaves))
            let length = 1 + Int(random.next() % UInt64(max(1, leaves / 3)))
            var set = Array(from..<min(leaves, from + length))
            if random.next() % 4 == 0, let first = set.first { set.append(first) }
            set.shuffle(using: &random)
            sets.append(set)
        }
        return RoundingProblem(leaves: amounts, unit: 10_000, aggregates: sets)
    }

    /// Groups by exact membership, numbered in leaf order; each aggregate's groups mapped, sorted, deduplicated.
    static func oracle(_ p: RoundingProblem) -> (sums: [Int64], aggregates: [[Int]]) {
        var memberships = [[Int]](repeating: [], count: p.leaves.count)
        for (a, set) in p.aggregates.enumerated() { for leaf in set { memberships[leaf].append(a) } }
        var groupOf: [[Int]: Int] = [:]
        var sums: [Int64] = []
        var groupOfLeaf: [Int] = []
        for (leaf, m) in memberships.enumerated() {
            if let g = groupOf[m] {
                sums[g] += p.leaves[leaf]
                groupOfLeaf.append(g)
            } else {
                groupOf[m] = sums.count
                groupOfLeaf.append(sums.count)
                sums.append(p.leaves[leaf])
            }
        }
        return (sums, p.aggregates.map { Array(Set($0.map { groupOfLeaf[$0] })).sorted() })
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func mergedAggregatesEqualTheSortedGroups(seed: UInt64) throws {
        let leaves = seed % 2 == 0 ? 12 : 300
        let p = Self.randomProblem(seed: seed, leaves: Int(leaves), aggregates: Int(5 + seed % 30))
        let expected = Self.oracle(p)
        guard let merged = MergedLeaves(p) else {
            // No two leaves share their aggregates: the oracle has one group per leaf.
            #expect(expected.sums.count == p.leaves.count)
            return
        }
        #expect(merged.problem.leaves == expected.sums)
        #expect(merged.problem.aggregates == expected.aggregates)
        // The merged problem takes its aggregates unchecked: they must already be what `normalized` returns.
        let count = merged.problem.leaves.count
        #expect(merged.problem.aggregates.allSatisfy { RoundingProblem.normalized($0, leafCount: count) == $0 })
        let solution = ControlledRounding.solve(p)
        #expect(solution.units.count == p.leaves.count)
    }

    /// The merged path's solution is the one solving the merged problem and sharing its units out.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func theSolutionSharesOutTheMergedProblemsUnits(seed: UInt64) throws {
        let p = Self.randomProblem(seed: seed * 7, leaves: 60, aggregates: 20)
        let merged = try #require(MergedLeaves(p))
        let inner = ControlledRounding.solveLeaves(merged.problem, workLimit: ControlledRounding.defaultWorkLimit)
        let solution = ControlledRounding.solve(p)
        #expect(solution.units == merged.distribute(inner.units))
        #expect(solution.familyCount == inner.familyCount)
    }
}
