import YusuanCore

/// The budget's line items gathered into leaves — one per unit × 功能科目 × 经济科目 × nature × fund —
/// each rounded once per print scale (0.01 万元, 0.01 元 …). Every printed figure is the sum of the
/// rounded leaves it covers at its table's scale, so a parent always equals its printed children and a
/// quantity prints the same in every table of the same unit. At 0.01 元 the leaves print exactly.
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
    /// Printed units of each leaf, by print scale; a scale not rounded yet rounds each leaf to nearest.
    private var rounded: [PrintScale: [Int64]] = [:]

    public init(_ items: [LineItem]) {
        var index: [LeafKey: Int] = [:]
        var leaves: [Leaf] = []
        // At most one leaf per item: reserved once instead of regrown (and rehashed) as leaves come.
        index.reserveCapacity(items.count)
        for item in items {
            let key = LeafKey(item)
            if let i = index[key] {
                leaves[i].exact = leaves[i].exact + item.amount
            } else {
                index[key] = leaves.count
                leaves.append(Leaf(unit: item.unit, functional: item.functional, economic: item.economic,
                                   nature: item.nature, fund: item.fund, exact: item.amount))
            }
        }
        self.leaves = leaves
    }

    /// A ledger of leaves already gathered, each of its own identity (no two with the same unit, codes,
    /// nature and fund), in the order given.
    init(leaves: [Leaf]) {
        self.leaves = leaves
    }

    /// The printed units (0.01 万元) of each leaf.
    public var units: [Int64] { units(.wanYuan) }

    /// The printed units of each leaf at `scale`: exact 分 at 0.01 元, controlled rounding once `round` ran.
    public func units(_ scale: PrintScale) -> [Int64] {
        if let known = rounded[scale] { return known }
        return leaves.map { Ledger.nearest($0.exact.fen, scale.fen) }
    }

    /// Aggregates that controlled rounding could not keep within one printed unit of exact (the
    /// disclosure still adds up; such a figure is at most one more unit off).
    public private(set) var uncontrolled: Int = 0

    /// Rounds the leaves at 0.01 万元 so that each of `aggregates` (sets of leaf indices) prints within one unit of its exact sum.
    public mutating func round(aggregates: [[Int]]) {
        round([.wanYuan: aggregates])
    }

    /// Rounds the leaves once per print scale so that each aggregate of that scale prints within one unit
    /// of its exact sum. A scale of 1 分 (0.01 元) needs no rounding: its leaves print exactly.
    public mutating func round(_ aggregates: [PrintScale: [[Int]]], workLimit: Int = ControlledRounding.defaultWorkLimit) {
        uncontrolled = 0
        let fen = leaves.map(\.exact.fen)
        for (scale, sets) in aggregates {
            if scale.isExact {
                rounded[scale] = fen
                continue
            }
            let solution = ControlledRounding.solve(RoundingProblem(leaves: fen, unit: scale.fen, aggregates: sets),
                                                    workLimit: workLimit)
            rounded[scale] = solution.units
            uncontrolled += solution.violations.count
        }
    }

    /// Rounds half up to whole units of `unit` 分 (a negative amount, which sources do not allow, toward zero).
    static func nearest(_ fen: Int64, _ unit: Int64) -> Int64 {
        guard unit > 1 else { return fen }
        let q = fen / unit, r = fen % unit
        return r * 2 >= unit ? q + 1 : q
    }

    /// Indices of the leaves that match.
    public func select(_ predicate: (Leaf) -> Bool) -> [Int] {
        leaves.indices.filter { predicate(leaves[$0]) }
    }

    /// The printed figure (two decimals, 万元 unless another scale is given) of the leaves that match.
    public func figure(_ predicate: (Leaf) -> Bool, at scale: PrintScale = .wanYuan) -> Fixed {
        let units = self.units(scale)
        return scale.figure(units: select(predicate).reduce(0) { $0 + units[$1] })
    }

    /// The exact amount of the leaves that match.
    public func exact(_ predicate: (Leaf) -> Bool) -> Amount {
        select(predicate).reduce(Amount.zero) { $0 + leaves[$1].exact }
    }
}

/// Rounding of leaves to printed units through controlled rounding (docs/rounding.md).
enum LeafRounding {
    static func round(_ fen: [Int64], unit: Int64, aggregates: [[Int]]) -> [Int64] {
        guard unit > 1 else { return fen }
        return ControlledRounding.solve(RoundingProblem(leaves: fen, unit: unit, aggregates: aggregates)).units
    }
}

/// A leaf's identity (unit, 功能, 经济, nature, fund) as a dictionary key. Only the two codes are hashed (short
/// ASCII strings that hash fast); unit, nature (a project's code) and fund are compared by `==` only: the fund
/// because a raw-value enum hashes its Chinese name, which is slow, and all three because few leaves share both
/// codes, so hashing them cost more than the comparisons they would save.
private struct LeafKey: Hashable {
    let unit: String
    let functional: String
    let economic: String
    let nature: SpendingNature
    let fund: RevenueSource

    init(_ item: LineItem) {
        unit = item.unit
        functional = item.functional
        economic = item.economic
        nature = item.nature
        fund = item.fund
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(functional)
        hasher.combine(economic)
    }
}
