/// Whole printed units for every leaf, the printed value of every aggregate, and the aggregates
/// (if any) that ended up a full unit or more from their exact value.
///
/// Print every figure from here — `aggregateUnits`, or `sum(_:)` for a set of leaves — never by
/// rounding an exact total on its own: then parents equal the sums of their children and one
/// quantity prints alike everywhere, whatever `violations` says.
public struct RoundingSolution: Sendable, Hashable {
    /// Printed units per leaf: the floor or the ceiling of the leaf's exact value.
    public let units: [Int64]
    /// The printed value of each aggregate of the problem, in printed units (the sum of its leaves' units).
    public let aggregateUnits: [Int64]
    /// Indices of the aggregates whose printed value is neither the floor nor the ceiling of their exact
    /// value. Empty when the rounding is controlled — always so when `familyCount` ≤ 2.
    public let violations: [Int]
    /// How many laminar families (sets nested or disjoint) the aggregates split into, after leaves
    /// already whole are set aside. With at most two, a controlled rounding is proven to exist and is found.
    public let familyCount: Int

    /// Whether every aggregate prints the floor or the ceiling of its exact value.
    public var isControlled: Bool { violations.isEmpty }

    /// The printed value of any set of leaves (duplicates and out-of-range indices ignored); saturates
    /// at the ends of Int64.
    public func sum(_ aggregate: [Int]) -> Int64 {
        RoundingProblem.normalized(aggregate, leafCount: units.count).reduce(0) { RoundingMath.adding($0, units[$1]) }
    }

    init(problem: RoundingProblem, structure s: AggregateStructure, roundsUp up: [Bool]) {
        let units = Self.units(problem, structure: s, roundsUp: up)
        self.units = units
        aggregateUnits = problem.aggregates.map { $0.reduce(0) { RoundingMath.adding($0, units[$1]) } }
        var violations: [Int] = []
        for (index, set) in s.setOfAggregate.enumerated() where set >= 0 {
            let ups = s.members[set].reduce(0) { $0 + (up[$1] ? 1 : 0) }
            let (low, high) = s.bounds(of: set)
            if ups < low || ups > high { violations.append(index) }
        }
        self.violations = violations
        familyCount = s.familyCount
    }

    /// Printed units per leaf: each leaf's floor, plus one for the fractional leaves that round up.
    static func units(_ problem: RoundingProblem, structure s: AggregateStructure, roundsUp up: [Bool]) -> [Int64] {
        var units: [Int64] = problem.leaves.map { RoundingMath.split($0, unit: problem.unit).whole }
        for (position, leaf) in s.fractionalLeaves.enumerated() where up[position] {
            units[leaf] = RoundingMath.adding(units[leaf], 1)
        }
        return units
    }

    /// A solution given its printed units per leaf (each the floor or the ceiling of the leaf), with the
    /// violations found against the problem's aggregates: a merged problem's solution shared out among
    /// the original leaves (`MergedLeaves`).
    init(problem: RoundingProblem, units: [Int64], familyCount: Int) {
        self.units = units
        // One walk per aggregate: its printed sum and `problem.exactValue(of:)`, with each leaf split once.
        let parts = problem.leaves.map { RoundingMath.split($0, unit: problem.unit) }
        var printed: [Int64] = []
        printed.reserveCapacity(problem.aggregates.count)
        var violations: [Int] = []
        for (i, aggregate) in problem.aggregates.enumerated() {
            var sum: Int64 = 0, whole: Int64 = 0, remainder: Int64 = 0
            for leaf in aggregate {
                sum = RoundingMath.adding(sum, units[leaf])
                whole = RoundingMath.adding(whole, parts[leaf].whole)
                remainder += parts[leaf].remainder
                if remainder >= problem.unit {
                    remainder -= problem.unit
                    whole = RoundingMath.adding(whole, 1)
                }
            }
            printed.append(sum)
            if !(sum == whole || (remainder > 0 && sum == RoundingMath.adding(whole, 1))) { violations.append(i) }
        }
        aggregateUnits = printed
        self.violations = violations
        self.familyCount = familyCount
    }
}
