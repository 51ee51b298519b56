/// Leaves that lie in exactly the same aggregates, merged into one: no printed figure can tell them
/// apart, so the rounding only has to decide their sum.
///
/// A consolidated 汇总 prints by 功能 and 经济 科目 and 基本/项目 only, so the leaves of one such cell
/// that differ by fund or by personnel/public cost fall together; so do a department's leaves that no
/// table separates. The merged problem is smaller (fewer leaves, each a group), is rounded as usual,
/// and each group's printed units are then shared out among its leaves by largest remainder: the
/// group's rounded sum lies between the sum of its leaves' floors and the sum of their ceilings, so
/// every leaf still gets its floor or its ceiling, and every aggregate (a union of whole groups) prints
/// what the merged problem printed for it.
struct MergedLeaves {
    /// The merged problem: one leaf per group, the aggregates over groups.
    let problem: RoundingProblem
    /// The group of each original leaf.
    private let groupOfLeaf: [Int]
    private let original: RoundingProblem

    /// Merges the leaves of `problem` by the aggregates that hold them; nil when no two leaves share
    /// all their aggregates, or when a group's sum would overflow.
    init?(_ problem: RoundingProblem) {
        let count = problem.leaves.count
        guard count > 1, !problem.aggregates.isEmpty else { return nil }
        // A leaf's membership as two independent 64-bit sums of a random key per aggregate (and the
        // number of aggregates): equal memberships give equal signatures. Two leaves merged by a
        // collision would still print sums that add up (a merged aggregate takes a group by its first
        // leaf, `groupSets`); the solution's violations are checked on the original aggregates.
        var first = [UInt64](repeating: 0, count: count)
        var second = [UInt64](repeating: 0, count: count)
        var memberships = [Int](repeating: 0, count: count)
        var random = SplitMix64(seed: 0x5EED_1E55)
        // Over raw buffers: a problem's aggregates hold only indices of its leaves (`RoundingProblem.normalized`).
        first.withUnsafeMutableBufferPointer { first in
        second.withUnsafeMutableBufferPointer { second in
        memberships.withUnsafeMutableBufferPointer { memberships in
            for aggregate in problem.aggregates {
                let a = random.next(), b = random.next()
                for leaf in aggregate {
                    first[leaf] &+= a
                    second[leaf] &+= b
                    memberships[leaf] &+= 1
                }
            }
        }}}
        // Groups numbered in order of their first leaf, found by signature (the sums are already random,
        // so they serve as the hash as they are).
        var numbering = FirstSeenNumbering(expectedKeys: count)
        var firstLeafOfGroup: [Int] = []
        var groupOfLeaf = [Int](repeating: 0, count: count)
        var sums: [Int64] = []
        for leaf in 0..<count {
            let (g, isNew) = numbering.number(hash: first[leaf]) { g in
                let other = firstLeafOfGroup[g]
                return second[other] == second[leaf] && memberships[other] == memberships[leaf]
            }
            groupOfLeaf[leaf] = g
            if isNew {
                firstLeafOfGroup.append(leaf)
                sums.append(problem.leaves[leaf])
            } else {
                let (sum, overflow) = sums[g].addingReportingOverflow(problem.leaves[leaf])
                if overflow { return nil }
                sums[g] = sum
            }
        }
        guard sums.count < count else { return nil }
        // `groupSets` lists each aggregate's groups ascending and once each, all below `sums.count`.
        let groupSets = Self.groupSets(problem.aggregates, leafCount: count, firstLeafOfGroup: firstLeafOfGroup)
        self.problem = RoundingProblem(leaves: sums, unit: problem.unit, normalizedAggregates: groupSets)
        self.groupOfLeaf = groupOfLeaf
        self.original = problem
    }

    /// Each aggregate as the groups of its leaves, ascending and without duplicates. A group's leaves lie in
    /// the same aggregates, so an aggregate holds a group exactly when it holds the group's first leaf; and
    /// groups are numbered in order of their first leaf, so an aggregate's first leaves, read in its (sorted)
    /// order, give its groups ascending and once each: one pass per aggregate, no sort and no dedup.
    private static func groupSets(_ aggregates: [[Int]], leafCount: Int, firstLeafOfGroup: [Int]) -> [[Int]] {
        // The group a leaf starts, or -1 when an earlier leaf started its group.
        var startedGroup = [Int](repeating: -1, count: leafCount)
        for (g, leaf) in firstLeafOfGroup.enumerated() { startedGroup[leaf] = g }
        // Over raw buffers: aggregates hold only the problem's leaves (`RoundingProblem.normalized`). Each list
        // gets the aggregate's size as capacity (it has no more groups than leaves) and is filled from the start.
        return startedGroup.withUnsafeBufferPointer { startedGroup in
            aggregates.map { aggregate in
                [Int](unsafeUninitializedCapacity: aggregate.count) { groups, initialized in
                    var n = 0
                    aggregate.withUnsafeBufferPointer { leaves in
                        for leaf in leaves {
                            let g = startedGroup[leaf]
                            guard g >= 0 else { continue }
                            groups.initializeElement(at: n, to: g)
                            n &+= 1
                        }
                    }
                    initialized = n
                }
            }
        }
    }

    /// Printed units per original leaf, given the printed units of each group: each leaf its floor,
    /// and the group's remaining units to the leaves of largest remainder (ties: the earlier leaf).
    func distribute(_ groupUnits: [Int64]) -> [Int64] {
        let unit = original.unit
        let count = original.leaves.count
        var units = [Int64](repeating: 0, count: count)
        var remainders = [Int64](repeating: 0, count: count)
        var left = groupUnits
        // The fractional leaves of each group, in leaf order (CSR: counted, then filled), so that no
        // group allocates a list of its own.
        var start = [Int](repeating: 0, count: groupUnits.count + 1)
        for (leaf, amount) in original.leaves.enumerated() {
            let (whole, remainder) = RoundingMath.split(amount, unit: unit)
            units[leaf] = whole
            remainders[leaf] = remainder
            left[groupOfLeaf[leaf]] = RoundingMath.adding(left[groupOfLeaf[leaf]], -whole)
            if remainder > 0 { start[groupOfLeaf[leaf] + 1] += 1 }
        }
        for g in 0..<groupUnits.count { start[g + 1] += start[g] }
        var fractional = [Int](repeating: 0, count: start[groupUnits.count])
        var fill = start
        for leaf in 0..<count where remainders[leaf] > 0 {
            fractional[fill[groupOfLeaf[leaf]]] = leaf
            fill[groupOfLeaf[leaf]] += 1
        }
        // A group's leaves are read in place and ordered in one reused buffer (no list per group).
        var ordered: [Int] = []
        fractional.withUnsafeBufferPointer { fractional in
            for group in 0..<groupUnits.count where left[group] > 0 && start[group + 1] > start[group] {
                let leaves = UnsafeBufferPointer(rebasing: fractional[start[group]..<start[group + 1]])
                let take = Int(min(left[group], Int64(leaves.count)))
                if take == leaves.count {
                    for leaf in leaves { units[leaf] = RoundingMath.adding(units[leaf], 1) }
                    continue
                }
                ordered.removeAll(keepingCapacity: true)
                ordered.append(contentsOf: leaves)
                ordered.sort { a, b in
                    remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
                }
                for leaf in ordered.prefix(take) {
                    units[leaf] = RoundingMath.adding(units[leaf], 1)
                }
            }
        }
        return units
    }
}
