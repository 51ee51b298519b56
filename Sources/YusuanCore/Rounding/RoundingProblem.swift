/// Exact leaf amounts, the printed unit, and the sets of leaves whose sums get printed: the input
/// of controlled rounding.
///
/// A leaf is a finest cell of every cross-classification, with an exact amount in 分. Every printed
/// figure is the sum over a set of leaves (an aggregate). When each leaf is rounded to whole printed
/// units and each aggregate is printed as the sum of its leaves' units, every printed parent equals
/// the sum of its printed children and a quantity prints alike wherever it appears. What is left to
/// choose is which leaves go up and which go down, so that every aggregate also stays within one
/// unit of its exact value: `ControlledRounding.solve(_:)` makes that choice.
///
/// ```swift
/// // Four items in 分, printed in 万元 with two decimals (one printed unit = 10,000 分).
/// let p = RoundingProblem(leaves: [827_234_500, 64_632_100, 32_631_000, 27_312_400], unit: 10_000,
///                         aggregates: [[0, 1, 2, 3]])
/// let s = ControlledRounding.solve(p)   // s.aggregateUnits == [95181]: 951.81, and the parts add up
/// ```
public struct RoundingProblem: Sendable, Hashable {
    /// Exact amounts in 分 (any Int64; a negative amount rounds by the same rule, to floor or ceiling).
    public let leaves: [Int64]
    /// How many 分 one printed unit holds: 10,000 for 万元 with two decimals. Clamped to 1...2^60.
    public let unit: Int64
    /// The leaf indices of each aggregate, sorted and without duplicates; out-of-range indices are dropped.
    public let aggregates: [[Int]]

    /// The largest printed unit accepted, so that two remainders never overflow when added.
    public static let maximumUnit: Int64 = 1 << 60

    /// - Parameters:
    ///   - leaves: exact amounts in 分, one per leaf.
    ///   - unit: 分 per printed unit (10,000 for 万元 with two decimals, 100 for 元 with none).
    ///   - aggregates: for every printed figure, the indices of the leaves it sums. Order is free;
    ///     duplicates and out-of-range indices are ignored; an empty aggregate prints zero.
    public init(leaves: [Int64], unit: Int64, aggregates: [[Int]]) {
        self.leaves = leaves
        self.unit = min(max(unit, 1), RoundingProblem.maximumUnit)
        let count = leaves.count
        self.aggregates = aggregates.map { RoundingProblem.normalized($0, leafCount: count) }
    }

    /// A problem whose aggregates are already sorted, duplicate-free and in range, taken as they are:
    /// for builders that produce them so by construction (`MergedLeaves` lists each aggregate's groups
    /// ascending, once each, all below the group count), where `normalized` would only re-check them.
    /// The raw-buffer walks downstream rely on that invariant, so only such builders may call this.
    init(leaves: [Int64], unit: Int64, normalizedAggregates aggregates: [[Int]]) {
        self.leaves = leaves
        self.unit = min(max(unit, 1), RoundingProblem.maximumUnit)
        self.aggregates = aggregates
    }

    /// `amount = whole × unit + remainder` with `0 ≤ remainder < unit`: the floor in printed units and what is left in 分.
    public func split(leaf index: Int) -> (whole: Int64, remainder: Int64) {
        RoundingMath.split(leaves[index], unit: unit)
    }

    /// The exact value of an aggregate as whole printed units plus a remainder in 分 (`0 ≤ remainder < unit`).
    ///
    /// The whole part saturates at the ends of Int64 instead of trapping; the remainder is always exact.
    public func exactValue(of aggregate: [Int]) -> (whole: Int64, remainder: Int64) {
        var whole: Int64 = 0
        var remainder: Int64 = 0
        for leaf in RoundingProblem.normalized(aggregate, leafCount: leaves.count) {
            let (w, r) = split(leaf: leaf)
            whole = RoundingMath.adding(whole, w)
            remainder += r
            if remainder >= unit {
                remainder -= unit
                whole = RoundingMath.adding(whole, 1)
            }
        }
        return (whole, remainder)
    }

    /// Sorted, duplicate-free, in range.
    static func normalized(_ indices: [Int], leafCount: Int) -> [Int] {
        var sortedUnique = true
        var previous = -1
        for i in indices {
            if i <= previous || i >= leafCount { sortedUnique = false; break }
            previous = i
        }
        if sortedUnique { return indices }
        var out = indices.filter { $0 >= 0 && $0 < leafCount }
        out.sort()
        var write = 0
        for i in out.indices where write == 0 || out[i] != out[write - 1] {
            out[write] = out[i]
            write += 1
        }
        out.removeLast(out.count - write)
        return out
    }
}

/// Integer helpers for rounding: floor division and saturating sums.
enum RoundingMath {
    /// Floor division with a non-negative remainder; `unit` is at least 1.
    static func split(_ amount: Int64, unit: Int64) -> (whole: Int64, remainder: Int64) {
        var whole = amount / unit
        var remainder = amount % unit
        if remainder < 0 {
            whole -= 1
            remainder += unit
        }
        return (whole, remainder)
    }

    /// `a + b`, clamped to Int64's range instead of trapping.
    static func adding(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if !overflow { return sum }
        return b > 0 ? .max : .min
    }

    /// Whether `remainder / unit` is at least one half (ties round up).
    static func roundsUp(_ remainder: Int64, unit: Int64) -> Bool {
        remainder >= unit - remainder
    }
}
