import YusuanCore

/// A ledger's leaves as integers, for `LeafIndex`: each leaf's 功能 and 经济 code packed (`PackedCodes`: numbered,
/// with the leaves under every listed code prefix), its fund's bit and its nature's bit (人员 1, 公用 2, 项目 4).
/// Exists only when every code is ASCII digits.
struct PackedLeaves {
    /// A filter of prefixes, funds and natures: packed 功能 prefix, packed 经济 prefix, and the fund mask
    /// (bits 0–9), nature mask (bits 10–12) and `never` (bit 63).
    struct Key: Equatable {
        var functional: UInt64
        var economic: UInt64
        var masks: UInt64
    }

    let functionalCodes: PackedCodes
    let economicCodes: PackedCodes
    let funds: [UInt16]
    let natures: [UInt8]
    /// The fund bits and the nature bits some leaf has (each leaf has one of each); all ones when a leaf has none, so
    /// that no mask covers them (`select`'s test that every candidate passes the masks).
    private let fundsHeld: UInt16
    private let naturesHeld: UInt8

    /// Each leaf's packed 功能 code.
    var functional: [UInt64] { functionalCodes.codes }
    /// Each leaf's packed 经济 code.
    var economic: [UInt64] { economicCodes.codes }

    /// The ledger's leaves packed; their codes as the ledger packed them when it did (`Ledger.packedCodes`).
    init?(_ ledger: Ledger) {
        let leaves = ledger.leaves
        var functional: [UInt64] = [], economic: [UInt64] = [], funds: [UInt16] = [], natures: [UInt8] = []
        funds.reserveCapacity(leaves.count); natures.reserveCapacity(leaves.count)
        if let packed = ledger.packedCodes {
            (functional, economic) = packed
        } else {
            functional.reserveCapacity(leaves.count); economic.reserveCapacity(leaves.count)
        }
        let packing = ledger.packedCodes == nil
        // Leaves read in place, field by field (a leaf taken whole is copied, its strings retained).
        let complete = leaves.withUnsafeBufferPointer { leaves in
            for i in leaves.indices {
                if packing {
                    guard let f = DigitCode.pack(leaves[i].functional), let e = DigitCode.pack(leaves[i].economic) else { return false }
                    functional.append(f)
                    economic.append(e)
                }
                funds.append(UInt16(leaves[i].fund.bit))
                natures.append(Self.natureBit(leaves[i].nature))
            }
            return true
        }
        guard complete else { return nil }
        (fundsHeld, naturesHeld) = funds.contains(0) || natures.contains(0)
            ? (.max, .max) : (funds.reduce(0) { $0 | $1 }, natures.reduce(0) { $0 | $1 })
        functionalCodes = PackedCodes(functional)
        economicCodes = PackedCodes(economic)
        self.funds = funds
        self.natures = natures
    }

    static func natureBit(_ nature: SpendingNature) -> UInt8 {
        UInt8(truncatingIfNeeded: LeafFilter.NatureKind(nature).bit)
    }

    /// Prefix lengths listed in `PackedCodes` (the leaves under each such prefix): the catalogs' 类, 款 and 项 (3, 5
    /// and 7 digits), which are what tables and the 情况说明 ask for. A prefix of another length is answered by
    /// scanning the codes (the same leaves, ascending), so a leaf goes into three lists instead of seven.
    static func isListed(_ length: Int) -> Bool { length == 3 || length == 5 || length == 7 }

    /// The packed key of a filter of prefixes, funds and natures only (nil for any other filter, or a
    /// prefix that is not digits).
    static func key(_ filter: LeafFilter) -> Key? {
        guard filter.economicCodes == nil, filter.projects == nil, filter.units == nil else { return nil }
        if filter.never { return Key(functional: 0, economic: 0, masks: 1 << 63) }
        // The prefixes were packed when the filter was made (no prefix: 0, as "" packs).
        guard let f = filter.functionalPrefix.map({ $0.packed }) ?? 0, let e = filter.economicPrefix.map({ $0.packed }) ?? 0 else {
            return nil
        }
        let masks = UInt64(filter.fundMask & 0x3FF) | UInt64(filter.natureMask & 7) << 10
        return Key(functional: f, economic: e, masks: masks)
    }

    /// The leaves (ascending) a packed key selects. They are found into `scratch` (grown to one entry per leaf on
    /// first use), so that the result is allocated at its own size, not at its candidates' (a large block per
    /// selection, which costs more to allocate and free, and is kept by the memo).
    func select(_ key: Key, scratch: inout [Int]) -> [Int] {
        if key.masks >> 63 != 0 { return [] }
        var candidates: ArraySlice<Int>? = nil
        // The prefix the candidates were listed under needs no test (0: none, or the empty prefix).
        var listedFunctional: UInt64 = 0, listedEconomic: UInt64 = 0
        if key.functional != 0 {
            candidates = functionalCodes.leaves(prefixed: key.functional)
            listedFunctional = key.functional
        }
        if key.economic != 0 {
            let byEconomic = economicCodes.leaves(prefixed: key.economic)
            if candidates.map({ byEconomic.count < $0.count }) ?? true {
                candidates = byEconomic
                (listedFunctional, listedEconomic) = (0, key.economic)
            }
        }
        let fundMask = UInt16(key.masks & 0x3FF), natureMask = UInt8((key.masks >> 10) & 7)
        let testFunctional = key.functional != 0 && listedFunctional == 0
        let testEconomic = key.economic != 0 && listedEconomic == 0
        // Every fund and nature the leaves hold is allowed, and the prefixes asked for are those listed: every
        // candidate is selected, as they are (most of a table's keys: a code's row over all funds and natures).
        if fundsHeld & ~fundMask == 0, naturesHeld & ~natureMask == 0, !testFunctional, !testEconomic {
            return candidates.map { Array($0) } ?? Array(0..<funds.count)
        }
        if scratch.count < funds.count { scratch = [Int](repeating: 0, count: funds.count) }
        // Over raw buffers: this runs once per distinct filter, over every candidate leaf.
        return scratch.withUnsafeMutableBufferPointer { found in
            funds.withUnsafeBufferPointer { funds in
                natures.withUnsafeBufferPointer { natures in
                    functional.withUnsafeBufferPointer { functional in
                        economic.withUnsafeBufferPointer { economic in
                            func matches(_ i: Int) -> Bool {
                                funds[i] & fundMask != 0 && natures[i] & natureMask != 0
                                    && (!testFunctional || DigitCode.hasPrefix(functional[i], key.functional))
                                    && (!testEconomic || DigitCode.hasPrefix(economic[i], key.economic))
                            }
                            // Each candidate is a distinct leaf: at most one entry of `found` per leaf is written.
                            func collect(_ count: Int, _ leaf: (Int) -> Int) -> [Int] {
                                var written = 0
                                for k in 0..<count {
                                    let i = leaf(k)
                                    if matches(i) { found[written] = i; written += 1 }
                                }
                                return Array(UnsafeMutableBufferPointer(rebasing: found[0..<written]))
                            }
                            guard let candidates else { return collect(functional.count) { $0 } }
                            return candidates.withUnsafeBufferPointer { list in collect(list.count) { list[$0] } }
                        }
                    }
                }
            }
        }
    }

    /// `select(key)` given the leaves (ascending) of the same key over every nature (`wider`): those of its natures,
    /// found into `scratch` as `select` finds them.
    func select(_ key: Key, among wider: [Int], scratch: inout [Int]) -> [Int] {
        if key.masks >> 63 != 0 { return [] }
        let natureMask = UInt8((key.masks >> 10) & 7)
        if naturesHeld & ~natureMask == 0 { return wider }
        if scratch.count < funds.count { scratch = [Int](repeating: 0, count: funds.count) }
        return scratch.withUnsafeMutableBufferPointer { found in
            natures.withUnsafeBufferPointer { natures in
                wider.withUnsafeBufferPointer { wider in
                    // Each leaf of `wider` is a distinct leaf: at most one entry of `found` per leaf is written.
                    var written = 0
                    for i in wider where natures[i] & natureMask != 0 {
                        found[written] = i
                        written += 1
                    }
                    return Array(UnsafeMutableBufferPointer(rebasing: found[0..<written]))
                }
            }
        }
    }
}

extension PackedLeaves.Key {
    /// A 64-bit hash of the key's integers, multiplied and mixed (no `Hasher`): keys are numbered by it through
    /// `FirstSeenNumbering` (selections in `LeafIndex`, leaves in `Consolidation.Gathering`).
    var hash: UInt64 {
        var h = functional &* 0x9E37_79B9_7F4A_7C15
        h ^= economic &* 0xC2B2_AE3D_27D4_EB4F
        h ^= masks &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }
}

extension FirstSeenNumbering {
    /// The number of packed `key`, `keys` holding each number's key (a new number when it has none yet: the caller
    /// appends the key to `keys`).
    mutating func number(_ key: PackedLeaves.Key, keys: [PackedLeaves.Key]) -> (number: Int, isNew: Bool) {
        number(hash: key.hash) { keys[$0] == key }
    }
}
