import YusuanCore

/// A ledger's leaves as integers, for `LeafIndex`: each leaf's 功能 and 经济 code packed (`DigitCode`), its
/// fund's bit and its nature's bit (人员 1, 公用 2, 项目 4), and the leaves under every code prefix.
/// Exists only when every code is ASCII digits.
struct PackedLeaves {
    /// A filter of prefixes, funds and natures: packed 功能 prefix, packed 经济 prefix, and the fund mask
    /// (bits 0–9), nature mask (bits 10–12) and `never` (bit 63).
    struct Key: Equatable {
        var functional: UInt64
        var economic: UInt64
        var masks: UInt64
    }

    let functional: [UInt64]
    let economic: [UInt64]
    let funds: [UInt16]
    let natures: [UInt8]
    /// Leaves (ascending) by every prefix of their packed code of a listed length (`isListed`).
    let byFunctionalPrefix: [UInt64: [Int]]
    let byEconomicPrefix: [UInt64: [Int]]

    init?(_ leaves: [Ledger.Leaf]) {
        var functional: [UInt64] = [], economic: [UInt64] = [], funds: [UInt16] = [], natures: [UInt8] = []
        functional.reserveCapacity(leaves.count); economic.reserveCapacity(leaves.count)
        funds.reserveCapacity(leaves.count); natures.reserveCapacity(leaves.count)
        for leaf in leaves {
            guard let f = DigitCode.pack(leaf.functional), let e = DigitCode.pack(leaf.economic) else { return nil }
            functional.append(f)
            economic.append(e)
            funds.append(UInt16(leaf.fund.bit))
            natures.append(Self.natureBit(leaf.nature))
        }
        self.functional = functional
        self.economic = economic
        self.funds = funds
        self.natures = natures
        byFunctionalPrefix = Self.byPrefix(functional)
        byEconomicPrefix = Self.byPrefix(economic)
    }

    static func natureBit(_ nature: SpendingNature) -> UInt8 {
        UInt8(truncatingIfNeeded: LeafFilter.NatureKind(nature).bit)
    }

    /// Prefix lengths listed in `byFunctionalPrefix` and `byEconomicPrefix`: the catalogs' 类, 款 and 项 (3, 5
    /// and 7 digits), which are what tables and the 情况说明 ask for. A prefix of another length is answered by
    /// scanning the codes (the same leaves, ascending), so a leaf goes into three lists instead of seven.
    static func isListed(_ length: Int) -> Bool { length == 3 || length == 5 || length == 7 }

    /// The leaves (ascending) under every listed prefix of their packed code. Prefixes are worked out
    /// once per distinct code (a few hundred), not per leaf, and each leaf is appended to its prefixes'
    /// lists by number: one hash per leaf.
    static func byPrefix(_ codes: [UInt64]) -> [UInt64: [Int]] {
        var codeNumber: [UInt64: Int] = [:]
        var prefixNumber: [UInt64: Int] = [:]
        // The listed prefixes of code number k: `prefixOfCode[firstPrefix[k]..<firstPrefix[k + 1]]` (flat: no array
        // per code to retain and release per leaf).
        var prefixOfCode: [Int] = [], firstPrefix: [Int] = [0]
        var prefixes: [UInt64] = []
        var numbers = [Int](repeating: 0, count: codes.count)
        var previous: (code: UInt64, number: Int)?
        for (i, code) in codes.enumerated() {
            if let p = previous, p.code == code { numbers[i] = p.number; continue }
            let number: Int
            if let known = codeNumber[code] {
                number = known
            } else {
                number = firstPrefix.count - 1
                codeNumber[code] = number
                let length = DigitCode.length(code)
                if length > 0 {
                    for n in 1...length where isListed(n) {
                        let prefix = DigitCode.prefix(code, n)
                        if let known = prefixNumber[prefix] {
                            prefixOfCode.append(known)
                        } else {
                            prefixNumber[prefix] = prefixes.count
                            prefixOfCode.append(prefixes.count)
                            prefixes.append(prefix)
                        }
                    }
                }
                firstPrefix.append(prefixOfCode.count)
            }
            numbers[i] = number
            previous = (code, number)
        }
        // The lists laid out one after another in one array (each prefix's size counted first), then copied out.
        var start = [Int](repeating: 0, count: prefixes.count + 1)
        for number in numbers {
            for k in firstPrefix[number]..<firstPrefix[number + 1] { start[prefixOfCode[k] + 1] += 1 }
        }
        for p in prefixes.indices { start[p + 1] += start[p] }
        var next = start
        var flat = [Int](repeating: 0, count: start[prefixes.count])
        for (i, number) in numbers.enumerated() {
            for k in firstPrefix[number]..<firstPrefix[number + 1] {
                let p = prefixOfCode[k]
                flat[next[p]] = i
                next[p] += 1
            }
        }
        var map: [UInt64: [Int]] = [:]
        map.reserveCapacity(prefixes.count)
        for (p, prefix) in prefixes.enumerated() { map[prefix] = Array(flat[start[p]..<start[p + 1]]) }
        return map
    }

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

    /// The leaves whose 功能 code starts with `prefix` (nil: every leaf, for ""); none for a prefix that
    /// is not digits, since every code is.
    func functionalPrefixed(_ prefix: String) -> [Int]? {
        prefixed(prefix, in: byFunctionalPrefix, codes: functional)
    }

    func economicPrefixed(_ prefix: String) -> [Int]? {
        prefixed(prefix, in: byEconomicPrefix, codes: economic)
    }

    private func prefixed(_ prefix: String, in map: [UInt64: [Int]], codes: [UInt64]) -> [Int]? {
        guard let p = DigitCode.pack(prefix) else { return [] }
        return p == 0 ? nil : Self.leaves(prefixed: p, in: map, codes: codes)
    }

    /// The leaves (ascending) whose packed code starts with the non-empty packed `prefix`: its list when its
    /// length is listed (none: no code has it), else a scan of the codes.
    static func leaves(prefixed prefix: UInt64, in map: [UInt64: [Int]], codes: [UInt64]) -> [Int] {
        if isListed(DigitCode.length(prefix)) { return map[prefix] ?? [] }
        return codes.indices.filter { DigitCode.hasPrefix(codes[$0], prefix) }
    }

    /// The leaves (ascending) a packed key selects.
    func select(_ key: Key) -> [Int] {
        if key.masks >> 63 != 0 { return [] }
        var candidates: [Int]? = nil
        // The prefix the candidates were listed under needs no test (0: none, or the empty prefix).
        var listedFunctional: UInt64 = 0, listedEconomic: UInt64 = 0
        if key.functional != 0 {
            candidates = Self.leaves(prefixed: key.functional, in: byFunctionalPrefix, codes: functional)
            listedFunctional = key.functional
        }
        if key.economic != 0 {
            let byEconomic = Self.leaves(prefixed: key.economic, in: byEconomicPrefix, codes: economic)
            if candidates.map({ byEconomic.count < $0.count }) ?? true {
                candidates = byEconomic
                (listedFunctional, listedEconomic) = (0, key.economic)
            }
        }
        let fundMask = UInt16(key.masks & 0x3FF), natureMask = UInt8((key.masks >> 10) & 7)
        let testFunctional = key.functional != 0 && listedFunctional == 0
        let testEconomic = key.economic != 0 && listedEconomic == 0
        // Over raw buffers: this runs once per distinct filter, over every candidate leaf.
        return funds.withUnsafeBufferPointer { funds in
            natures.withUnsafeBufferPointer { natures in
                functional.withUnsafeBufferPointer { functional in
                    economic.withUnsafeBufferPointer { economic in
                        func matches(_ i: Int) -> Bool {
                            funds[i] & fundMask != 0 && natures[i] & natureMask != 0
                                && (!testFunctional || DigitCode.hasPrefix(functional[i], key.functional))
                                && (!testEconomic || DigitCode.hasPrefix(economic[i], key.economic))
                        }
                        // Written into an array of the candidates' size (`filter` grows its result as it goes).
                        func collect(_ count: Int, _ leaf: (Int) -> Int) -> [Int] {
                            [Int](unsafeUninitializedCapacity: count) { buffer, written in
                                written = 0
                                for k in 0..<count {
                                    let i = leaf(k)
                                    if matches(i) { buffer[written] = i; written += 1 }
                                }
                            }
                        }
                        guard let candidates else { return collect(functional.count) { $0 } }
                        return candidates.withUnsafeBufferPointer { list in collect(list.count) { list[$0] } }
                    }
                }
            }
        }
    }
}

/// Numbers by packed key (selection numbers in `LeafIndex`, leaf numbers in `Consolidation.Gathering`): open
/// addressing with linear probing over flat arrays, hashed by multiplying the key's integers (no `Hasher`, no
/// allocation per lookup).
struct PackedSelectionTable {
    private var keys: [PackedLeaves.Key] = []
    private var ids: [Int32] = []
    private var count = 0
    private var mask = 0

    func find(_ key: PackedLeaves.Key) -> Int? {
        guard count > 0 else { return nil }
        var slot = Self.hash(key) & mask
        while true {
            let id = ids[slot]
            if id < 0 { return nil }
            if keys[slot] == key { return Int(id) }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ key: PackedLeaves.Key, _ id: Int) {
        if (count + 1) * 2 > ids.count { grow() }
        var slot = Self.hash(key) & mask
        while ids[slot] >= 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        ids[slot] = Int32(truncatingIfNeeded: id)
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, ids).filter { $0.1 >= 0 }
        // A department makes several hundred selections: start at a size that holds them without regrowing.
        let capacity = max(2048, ids.count * 2)
        keys = Array(repeating: PackedLeaves.Key(functional: 0, economic: 0, masks: 0), count: capacity)
        ids = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        count = 0
        for (key, id) in old { insert(key, Int(id)) }
    }

    private static func hash(_ key: PackedLeaves.Key) -> Int {
        var h = key.functional &* 0x9E37_79B9_7F4A_7C15
        h ^= key.economic &* 0xC2B2_AE3D_27D4_EB4F
        h ^= key.masks &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h & 0x7FFF_FFFF_FFFF_FFFF)
    }
}
