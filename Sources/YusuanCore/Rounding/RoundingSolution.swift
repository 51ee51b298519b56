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
        let found = Self.unsaturatedFigures(problem, units: units)
            ?? Self.saturatedFigures(problem, units: units)
        aggregateUnits = found.printed
        violations = found.violations
        self.familyCount = familyCount
    }

    /// Whether an aggregate printing `sum` units with exact value `whole` units + `remainder` 分 is in range.
    private static func inRange(_ sum: Int64, whole: Int64, remainder: Int64) -> Bool {
        sum == whole || (remainder > 0 && sum == RoundingMath.adding(whole, 1))
    }

    /// Each aggregate's printed sum and whether it is in range, as `sum(_:)` and
    /// `RoundingProblem.exactValue(of:)` work them out (sums saturating at the ends of Int64).
    static func saturatedFigures(_ problem: RoundingProblem, units: [Int64]) -> (printed: [Int64], violations: [Int]) {
        var printed: [Int64] = []
        printed.reserveCapacity(problem.aggregates.count)
        var violations: [Int] = []
        for (i, aggregate) in problem.aggregates.enumerated() {
            let sum = aggregate.reduce(0) { RoundingMath.adding($0, units[$1]) }
            let (whole, remainder) = problem.exactValue(of: aggregate)
            printed.append(sum)
            if !inRange(sum, whole: whole, remainder: remainder) { violations.append(i) }
        }
        return (printed, violations)
    }

    /// `saturatedFigures` when no sum can saturate: the magnitudes of all units, and of all floors plus
    /// one carry per leaf, each add up within Int64, so every partial sum of any aggregate does too and
    /// plain sums are the saturating ones. Then one walk per aggregate over raw buffers (its leaves are
    /// in range: `RoundingProblem.normalized`), with each leaf split once. Nil otherwise.
    static func unsaturatedFigures(_ problem: RoundingProblem, units: [Int64]) -> (printed: [Int64], violations: [Int])? {
        let count = problem.leaves.count
        guard units.count == count else { return nil }
        let unit = problem.unit
        var wholes = [Int64](repeating: 0, count: count)
        var remainders = [Int64](repeating: 0, count: count)
        var unitMagnitudes: UInt64 = 0
        var wholeMagnitudes = UInt64(count)
        for leaf in 0..<count {
            let (whole, remainder) = RoundingMath.split(problem.leaves[leaf], unit: unit)
            wholes[leaf] = whole
            remainders[leaf] = remainder
            let (u, overflowU) = unitMagnitudes.addingReportingOverflow(units[leaf].magnitude)
            let (w, overflowW) = wholeMagnitudes.addingReportingOverflow(whole.magnitude)
            if overflowU || overflowW { return nil }
            (unitMagnitudes, wholeMagnitudes) = (u, w)
        }
        guard unitMagnitudes <= UInt64(Int64.max), wholeMagnitudes <= UInt64(Int64.max) else { return nil }
        var printed = [Int64](repeating: 0, count: problem.aggregates.count)
        var violations: [Int] = []
        units.withUnsafeBufferPointer { units in
        wholes.withUnsafeBufferPointer { wholes in
        remainders.withUnsafeBufferPointer { remainders in
        printed.withUnsafeMutableBufferPointer { printed in
            for (i, aggregate) in problem.aggregates.enumerated() {
                var sum: Int64 = 0, whole: Int64 = 0, remainder: Int64 = 0
                aggregate.withUnsafeBufferPointer { leaves in
                    for leaf in leaves {
                        sum &+= units[leaf]
                        whole &+= wholes[leaf]
                        // Two remainders below `unit` (at most 2^60) add up within Int64.
                        remainder &+= remainders[leaf]
                        if remainder >= unit {
                            remainder &-= unit
                            whole &+= 1
                        }
                    }
                }
                printed[i] = sum
                if !inRange(sum, whole: whole, remainder: remainder) { violations.append(i) }
            }
        }}}}
        return (printed, violations)
    }
}
