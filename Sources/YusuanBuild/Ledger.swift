import YusuanCore

/// The budget's line items gathered into leaves — one per unit × 功能科目 × 经济科目 × nature × fund —
/// each rounded once to printed units. Every printed figure is the sum of the rounded leaves it covers,
/// so a parent always equals its printed children and a quantity prints the same everywhere.
public struct Ledger: Sendable {
    /// One leaf of the cross-classification.
    public struct Leaf: Sendable, Hashable {
        public var unit: String
        public var functional: String
        public var economic: String
        public var nature: SpendingNature
        public var fund: RevenueSource
        public var exact: Amount
    }

    public let leaves: [Leaf]
    /// Printed units (0.01 万元) of each leaf.
    public private(set) var units: [Int64]
    /// 分 per printed unit.
    public let fenPerUnit: Int64 = 10_000
    public let printedUnit: MoneyUnit = .wanYuan

    public init(_ items: [LineItem]) {
        var index: [String: Int] = [:]
        var leaves: [Leaf] = []
        for item in items {
            let key = "\(item.unit)|\(item.functional)|\(item.economic)|\(item.nature)|\(item.fund.rawValue)"
            if let i = index[key] {
                leaves[i].exact = leaves[i].exact + item.amount
            } else {
                index[key] = leaves.count
                leaves.append(Leaf(unit: item.unit, functional: item.functional, economic: item.economic,
                                   nature: item.nature, fund: item.fund, exact: item.amount))
            }
        }
        self.leaves = leaves
        self.units = leaves.map { Ledger.nearest($0.exact.fen, 10_000) }
    }

    /// Aggregates that controlled rounding could not keep within one printed unit of exact (the
    /// disclosure still adds up; such a figure is at most one more unit off).
    public private(set) var uncontrolled: Int = 0

    /// Rounds the leaves so that each of `aggregates` (sets of leaf indices) prints within one unit of its exact sum.
    public mutating func round(aggregates: [[Int]]) {
        let solution = ControlledRounding.solve(RoundingProblem(leaves: leaves.map(\.exact.fen), unit: fenPerUnit, aggregates: aggregates))
        units = solution.units
        uncontrolled = solution.violations.count
    }

    static func nearest(_ fen: Int64, _ unit: Int64) -> Int64 {
        let q = fen / unit, r = fen % unit
        return r * 2 >= unit ? q + 1 : q
    }

    /// Indices of the leaves that match.
    public func select(_ predicate: (Leaf) -> Bool) -> [Int] {
        leaves.indices.filter { predicate(leaves[$0]) }
    }

    /// The printed figure (万元, two decimals) of the leaves that match.
    public func figure(_ predicate: (Leaf) -> Bool) -> Fixed {
        Fixed(mantissa: select(predicate).reduce(0) { $0 + units[$1] }, scale: 2)
    }

    /// The exact amount of the leaves that match.
    public func exact(_ predicate: (Leaf) -> Bool) -> Amount {
        select(predicate).reduce(Amount.zero) { $0 + leaves[$1].exact }
    }
}

/// Rounding of leaves to printed units through controlled rounding (docs/rounding.md).
enum LeafRounding {
    static func round(_ fen: [Int64], unit: Int64, aggregates: [[Int]]) -> [Int64] {
        ControlledRounding.solve(RoundingProblem(leaves: fen, unit: unit, aggregates: aggregates)).units
    }
}
