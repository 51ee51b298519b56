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
        // collision would still print sums that add up; the solution's violations are checked on
        // the original aggregates.
        var first = [UInt64](repeating: 0, count: count)
        var second = [UInt64](repeating: 0, count: count)
        var memberships = [Int](repeating: 0, count: count)
        var random = SplitMix64(seed: 0x5EED_1E55)
        for aggregate in problem.aggregates {
            let a = random.next(), b = random.next()
            for leaf in aggregate {
                first[leaf] &+= a
                second[leaf] &+= b
                memberships[leaf] += 1
            }
        }
        struct Signature: Hashable { let first: UInt64, second: UInt64, memberships: Int }
        var groupOf: [Signature: Int] = [:]
        var groupOfLeaf = [Int](repeating: 0, count: count)
        var sums: [Int64] = []
        for leaf in 0..<count {
            let key = Signature(first: first[leaf], second: second[leaf], memberships: memberships[leaf])
            if let g = groupOf[key] {
                let (sum, overflow) = sums[g].addingReportingOverflow(problem.leaves[leaf])
                if overflow { return nil }
                sums[g] = sum
                groupOfLeaf[leaf] = g
            } else {
                groupOf[key] = sums.count
                groupOfLeaf[leaf] = sums.count
                sums.append(problem.leaves[leaf])
            }
        }
        guard sums.count < count else { return nil }
        let aggregates = problem.aggregates.map { aggregate in
            var groups = aggregate.map { groupOfLeaf[$0] }
            // Groups are numbered in leaf order, so an aggregate's groups are often in order already.
            if groups.indices.dropFirst().contains(where: { groups[$0] < groups[$0 - 1] }) { groups.sort() }
            var write = 0
            for i in groups.indices where write == 0 || groups[i] != groups[write - 1] {
                groups[write] = groups[i]
                write += 1
            }
            groups.removeLast(groups.count - write)
            return groups
        }
        self.problem = RoundingProblem(leaves: sums, unit: problem.unit, aggregates: aggregates)
        self.groupOfLeaf = groupOfLeaf
        self.original = problem
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
        for group in 0..<groupUnits.count where left[group] > 0 && start[group + 1] > start[group] {
            let leaves = fractional[start[group]..<start[group + 1]]
            let take = Int(min(left[group], Int64(leaves.count)))
            if take == leaves.count {
                for leaf in leaves { units[leaf] = RoundingMath.adding(units[leaf], 1) }
                continue
            }
            let ordered = leaves.sorted { a, b in
                remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
            }
            for leaf in ordered.prefix(take) {
                units[leaf] = RoundingMath.adding(units[leaf], 1)
            }
        }
        return units
    }
}
