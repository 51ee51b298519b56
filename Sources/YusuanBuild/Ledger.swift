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
    /// Each leaf's 功能 and 经济 code packed (`DigitCode`), when they were packed as the leaves were gathered (every
    /// code digits): `PackedLeaves` takes them instead of packing every code again.
    let packedCodes: (functional: [UInt64], economic: [UInt64])?
    /// Printed units of each leaf, by print scale; a scale not rounded yet rounds each leaf to nearest.
    private var rounded: [PrintScale: [Int64]] = [:]

    public init(_ items: [LineItem]) {
        // Leaves numbered in the order first seen by a hash of their two codes; a probe with an equal hash compares
        // every field of the leaf in place, so no key is built, copied or hashed through `Hasher`.
        var numbering = FirstSeenNumbering(expectedKeys: items.count)
        // At most a leaf per item: room made once, not grown (each growth copied every leaf and retained its strings).
        var leaves: [Leaf] = []
        leaves.reserveCapacity(items.count)
        var functional: [UInt64]? = [], economic: [UInt64]? = []
        functional?.reserveCapacity(items.count)
        economic?.reserveCapacity(items.count)
        // Items read in place (`for item in items` copied each, retaining its strings).
        items.withUnsafeBufferPointer { items in
            for i in items.indices {
                let f = DigitCode.pack(items[i].functional), e = DigitCode.pack(items[i].economic)
                let found = numbering.number(hash: Self.leafHash(items[i].functional, items[i].economic, f, e)) { n in
                    leaves[n].functional == items[i].functional && leaves[n].economic == items[i].economic
                        && leaves[n].unit == items[i].unit && leaves[n].nature == items[i].nature && leaves[n].fund == items[i].fund
                }
                if found.isNew {
                    leaves.append(Leaf(unit: items[i].unit, functional: items[i].functional, economic: items[i].economic,
                                       nature: items[i].nature, fund: items[i].fund, exact: items[i].amount))
                    if let f, let e {
                        functional?.append(f)
                        economic?.append(e)
                    } else {
                        (functional, economic) = (nil, nil)
                    }
                } else {
                    leaves[found.number].exact = leaves[found.number].exact + items[i].amount
                }
            }
        }
        self.leaves = leaves
        packedCodes = functional.flatMap { f in economic.map { (f, $0) } }
    }

    /// A line item's leaf hash: its two codes only (unit, nature and fund are compared, not hashed: few leaves share
    /// both codes). Codes of digits (every catalog code) are hashed as their packed integers (`f`, `e`), others
    /// through `Hasher`; an equal hash is only a candidate, every field is compared.
    private static func leafHash(_ functional: String, _ economic: String, _ f: UInt64?, _ e: UInt64?) -> UInt64 {
        if let f, let e { return (f &* 0xC2B2_AE3D_27D4_EB4F) ^ e }
        var hasher = Hasher()
        hasher.combine(functional)
        hasher.combine(economic)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }

    /// A ledger of leaves already gathered, each of its own identity (no two with the same unit, codes,
    /// nature and fund), in the order given; `packedCodes`, when given, are the leaves' codes packed.
    init(leaves: [Leaf], packedCodes: (functional: [UInt64], economic: [UInt64])? = nil) {
        self.leaves = leaves
        self.packedCodes = packedCodes
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
