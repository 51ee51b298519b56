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

    /// Rounds the leaves so that each of `aggregates` (sets of leaf indices) prints within one unit of its exact sum.
    public mutating func round(aggregates: [[Int]]) {
        units = LeafRounding.round(leaves.map(\.exact.fen), unit: fenPerUnit, aggregates: aggregates)
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

/// Rounding of leaves to printed units. Until controlled rounding is available it rounds each leaf to
/// the nearest unit and repairs aggregates that drift a whole unit or more, one leaf at a time.
enum LeafRounding {
    static func round(_ fen: [Int64], unit: Int64, aggregates: [[Int]]) -> [Int64] {
        var units = fen.map { Ledger.nearest($0, unit) }
        // Repair: an aggregate whose rounded sum is a unit or more from exact moves the leaf whose
        // rounding error points the same way the most, within the bounds floor/ceil of that leaf.
        for _ in 0..<4 {
            var changed = false
            for agg in aggregates where !agg.isEmpty {
                let exact = agg.reduce(Int64(0)) { $0 + fen[$1] }
                let printed = agg.reduce(Int64(0)) { $0 + units[$1] } * unit
                let diff = printed - exact
                if diff.magnitude < UInt64(unit) { continue }
                let down = diff > 0
                let candidates = agg.filter { i in
                    let err = units[i] * unit - fen[i]
                    return down ? err > 0 : err < 0
                }
                guard let pick = candidates.max(by: { (units[$0] * unit - fen[$0]).magnitude < (units[$1] * unit - fen[$1]).magnitude }) else { continue }
                units[pick] += down ? -1 : 1
                changed = true
            }
            if !changed { break }
        }
        return units
    }
}
