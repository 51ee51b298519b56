import YusuanCore

/// Every figure of every table, keyed by the quantity it prints, so that rules can ask
/// "where else is 201 一般公共服务支出's total printed?" without knowing table layouts.
public struct FactIndex: Sendable {
    public private(set) var all: [Fact] = []
    /// Quantities as numbers (subject and facet interned once per audit), so that the index hashes integers.
    private var interner = QuantityInterner()
    /// Each quantity printed, numbered in order of first printing, and the indices of `all` that print it.
    private var byQuantity = FlatGroups<QuantityKey>()
    /// Each subject, measure and year (any scope and phase), numbered likewise, and the indices that print it.
    private var bySubject = FlatGroups<SubjectMeasureKey>()
    /// True when the department has no funds but the general public budget, so that the
    /// 部门 (all funds), 财政拨款 and 一般公共预算 scopes print the same figures.
    public private(set) var scopesCoincide = false

    /// The indices of `all` by quantity, scopes merged where they coincide (`byQuantity` when they do not).
    private var merged = FlatGroups<QuantityKey>()

    /// Facts that print the same quantity (scopes merged where they coincide), in order of first printing,
    /// read in place from `all` (no array of facts per group).
    public var groups: FactGroups { FactGroups(all: all, groups: merged) }

    public init(disclosure: Disclosure) {
        self.init(disclosure: disclosure, overallForms: PerformanceForm.overall(in: disclosure))
    }

    /// The index of `disclosure` whose 整体绩效目标表 forms (`overallForms`, in document order) are already read:
    /// `AuditContext` reads them once for the rules and the index.
    init(disclosure: Disclosure, overallForms: [PerformanceForm]) {
        let builder = FactIndexBuilder(disclosure: disclosure, overallForms: overallForms)
        all = builder.facts
        interner = builder.interner
        scopesCoincide = builder.scopesCoincide
        let keys = builder.keys
        byQuantity = FlatGroups(keys)
        merged = Self.grouped(keys: keys, byQuantity: byQuantity, scopesCoincide: scopesCoincide, interner: &interner)
        let measureYear = interner.measureYearOfFacet
        bySubject = FlatGroups(keys.map { SubjectMeasureKey(subject: $0.subject, measureYear: measureYear[$0.facet]) })
    }

    public func facts(_ q: Quantity) -> [Fact] {
        guard let k = interner.key(q), let n = byQuantity.group(of: k) else { return [] }
        return byQuantity[n].map { all[$0] }
    }

    /// Facts of a subject and measure for a year, in any scope that counts as the same here.
    public func facts(_ subject: Subject, _ measure: Measure, year: Int?, scope: FundScope? = nil) -> [Fact] {
        guard let k = interner.key(subject, measure, year: year), let n = bySubject.group(of: k) else { return [] }
        return bySubject[n].compactMap { i in
            scope == nil || sameScope(all[i].quantity.scope, scope ?? .all) ? all[i] : nil
        }
    }

    public func sameScope(_ a: FundScope, _ b: FundScope) -> Bool {
        if a == b { return true }
        return scopesCoincide && Self.isGeneralish(a) && Self.isGeneralish(b)
    }

    /// The scopes that print the same figures when `scopesCoincide`: 部门, 财政拨款 and 一般公共预算.
    private static func isGeneralish(_ s: FundScope) -> Bool {
        switch s {
        case .all, .fiscal, .general: true
        case .govFund, .stateCapital: false
        }
    }

    /// Groups of the indices of facts that print one quantity (scopes merged when they coincide), in order of first
    /// printing, each in order. Without merging they are the index by quantity; merged, a quantity is its subject and merged facet.
    private static func grouped(keys: [QuantityKey], byQuantity: FlatGroups<QuantityKey>, scopesCoincide: Bool,
                                interner: inout QuantityInterner) -> FlatGroups<QuantityKey> {
        var merged = byQuantity
        if scopesCoincide {
            // Each facet's number once its scope is merged (.fiscal and .general read as .all).
            var mergedFacet: [Int] = []
            let printed = interner.facets
            mergedFacet.reserveCapacity(printed.count)
            for var f in printed {
                if isGeneralish(f.scope) { f.scope = .all }
                mergedFacet.append(interner.intern(f))
            }
            merged = FlatGroups(keys.map { QuantityKey(subject: $0.subject, facet: mergedFacet[$0.facet]) })
        }
        return merged
    }
}

/// Facts grouped by the quantity they print (`FactIndex.groups`): each group reads its facts from the index's
/// array through the group's indices.
public struct FactGroups: RandomAccessCollection, Sendable {
    let all: [Fact]
    let groups: FlatGroups<QuantityKey>
    public var startIndex: Int { 0 }
    public var endIndex: Int { groups.count }
    public subscript(group: Int) -> FactGroup { FactGroup(all: all, members: groups[group]) }
}

/// The facts of one group of `FactGroups`, in order of printing.
public struct FactGroup: RandomAccessCollection, Sendable {
    let all: [Fact]
    let members: ArraySlice<Int>
    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Fact { all[members[position]] }
}

/// Indices grouped by key in one flat array: groups numbered in order of their first index, each group's
/// indices in increasing order (`members[start[g]..<start[g + 1]]`). One array for all groups, where a
/// dictionary of arrays allocates one per key. Keys are numbered by a hash of their two numbers
/// (`NumberedKey`, `FirstSeenNumbering`), not by Swift's `Hasher`: the keys are small integers, and equal
/// hashes are compared in full, so a hash collision costs a probe, never a wrong group.
struct FlatGroups<Key: NumberedKey>: Sendable {
    private var start: [Int] = [0]
    private var members: [Int] = []
    /// Each group's key.
    private var groupKeys: [Key] = []
    private var numbering = FirstSeenNumbering(expectedKeys: 0)

    init() {}

    /// Groups the indices of `keys` by equal key.
    init(_ keys: [Key]) {
        numbering = FirstSeenNumbering(expectedKeys: keys.count)
        var group: [Int] = []
        group.reserveCapacity(keys.count)
        var sizes: [Int] = []
        for k in keys {
            let (g, isNew) = numbering.number(hash: Self.hash(k)) { groupKeys[$0] == k }
            if isNew {
                groupKeys.append(k)
                sizes.append(0)
            }
            group.append(g)
            sizes[g] += 1
        }
        // Counting sort, stable: each group's indices stay in increasing order.
        start = [Int](repeating: 0, count: sizes.count + 1)
        for g in sizes.indices { start[g + 1] = start[g] + sizes[g] }
        var next = Array(start.dropLast())
        members = [Int](repeating: 0, count: keys.count)
        for (i, g) in group.enumerated() {
            members[next[g]] = i
            next[g] += 1
        }
    }

    private static func hash(_ key: Key) -> UInt64 {
        let (a, b) = key.numbers
        return UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: b) &* 0xC2B2_AE3D_27D4_EB4F
    }

    /// The number of `key`'s group, nil when no index has that key.
    func group(of key: Key) -> Int? {
        numbering.find(hash: Self.hash(key)) { groupKeys[$0] == key }
    }

    /// The number of groups.
    var count: Int { start.count - 1 }
    var isEmpty: Bool { members.isEmpty }

    subscript(group: Int) -> ArraySlice<Int> { members[start[group]..<start[group + 1]] }
}

/// A key made of two integers, compared in full (`FlatGroups` hashes the two numbers itself).
protocol NumberedKey: Equatable, Sendable {
    var numbers: (Int, Int) { get }
}

extension QuantityKey: NumberedKey {
    var numbers: (Int, Int) { (subject, facet) }
}

extension SubjectMeasureKey: NumberedKey {
    var numbers: (Int, Int) { (subject, measureYear) }
}
