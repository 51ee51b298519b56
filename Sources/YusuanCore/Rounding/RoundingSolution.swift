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

    /// `saturatedFigures` when no sum can saturate: the magnitudes of all units, of all floors plus one carry
    /// per leaf, and of all exact amounts each add up within Int64, so every partial sum of any aggregate does
    /// too and plain sums are the saturating ones. Then an aggregate's exact value is the split of its leaves'
    /// summed amounts (`unit × Σ floors + Σ remainders`, the remainders at least 0: the same whole and
    /// remainder as carrying them one leaf at a time), and one walk per aggregate over raw buffers (its leaves
    /// are in range: `RoundingProblem.normalized`) sums two figures per leaf. Nil otherwise.
    static func unsaturatedFigures(_ problem: RoundingProblem, units: [Int64]) -> (printed: [Int64], violations: [Int])? {
        let count = problem.leaves.count
        guard units.count == count else { return nil }
        let unit = problem.unit
        var unitMagnitudes: UInt64 = 0
        var wholeMagnitudes = UInt64(count)
        var amountMagnitudes: UInt64 = 0
        for leaf in 0..<count {
            let amount = problem.leaves[leaf]
            let whole = RoundingMath.split(amount, unit: unit).whole
            let (u, overflowU) = unitMagnitudes.addingReportingOverflow(units[leaf].magnitude)
            let (w, overflowW) = wholeMagnitudes.addingReportingOverflow(whole.magnitude)
            let (a, overflowA) = amountMagnitudes.addingReportingOverflow(amount.magnitude)
            if overflowU || overflowW || overflowA { return nil }
            (unitMagnitudes, wholeMagnitudes, amountMagnitudes) = (u, w, a)
        }
        let limit = UInt64(Int64.max)
        guard unitMagnitudes <= limit, wholeMagnitudes <= limit, amountMagnitudes <= limit else { return nil }
        var printed = [Int64](repeating: 0, count: problem.aggregates.count)
        var violations: [Int] = []
        units.withUnsafeBufferPointer { units in
        problem.leaves.withUnsafeBufferPointer { amounts in
        printed.withUnsafeMutableBufferPointer { printed in
            for (i, aggregate) in problem.aggregates.enumerated() {
                var sum: Int64 = 0, exact: Int64 = 0
                aggregate.withUnsafeBufferPointer { leaves in
                    for leaf in leaves {
                        sum &+= units[leaf]
                        exact &+= amounts[leaf]
                    }
                }
                printed[i] = sum
                let (whole, remainder) = RoundingMath.split(exact, unit: unit)
                if !inRange(sum, whole: whole, remainder: remainder) { violations.append(i) }
            }
        }}}
        return (printed, violations)
    }
}
