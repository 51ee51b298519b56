import YusuanCore

/// Every figure of every table, keyed by the quantity it prints, so that rules can ask
/// "where else is 201 一般公共服务支出's total printed?" without knowing table layouts.
public struct FactIndex: Sendable {
    public private(set) var all: [Fact] = []
    /// Quantities as numbers (subject and facet interned once per audit), so that the index hashes integers.
    private var interner = QuantityInterner()
    private var byQuantity: [QuantityKey: [Int]] = [:]
    /// Indices of `all` by subject, measure and year (any scope and phase), in order.
    private var bySubject: [SubjectMeasureKey: [Int]] = [:]
    /// True when the department has no funds but the general public budget, so that the
    /// 部门 (all funds), 财政拨款 and 一般公共预算 scopes print the same figures.
    public private(set) var scopesCoincide = false

    /// Facts that print the same quantity (scopes merged where they coincide), in order of first printing.
    public private(set) var groups: [[Fact]] = []

    public init(disclosure: Disclosure) {
        let builder = FactIndexBuilder(disclosure: disclosure)
        all = builder.facts
        interner = builder.interner
        scopesCoincide = builder.scopesCoincide
        byQuantity.reserveCapacity(all.count)
        for (i, k) in builder.keys.enumerated() { byQuantity[k, default: []].append(i) }
        groups = Self.grouped(all, byQuantity: byQuantity, scopesCoincide: scopesCoincide, interner: &interner)
        for (k, indices) in byQuantity {
            bySubject[SubjectMeasureKey(subject: k.subject, measureYear: interner.measureYearOfFacet[k.facet]), default: []]
                .append(contentsOf: indices)
        }
        for k in bySubject.keys { bySubject[k]?.sort() }
    }

    public func facts(_ q: Quantity) -> [Fact] {
        guard let k = interner.key(q) else { return [] }
        return (byQuantity[k] ?? []).map { all[$0] }
    }

    /// Facts of a subject and measure for a year, in any scope that counts as the same here.
    public func facts(_ subject: Subject, _ measure: Measure, year: Int?, scope: FundScope? = nil) -> [Fact] {
        guard let k = interner.key(subject, measure, year: year) else { return [] }
        return (bySubject[k] ?? []).compactMap { i in
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

    /// Groups of facts that print one quantity (scopes merged when they coincide), in order of first printing.
    /// Built from the index by quantity, keyed by numbers: a merged quantity is its subject and merged facet.
    private static func grouped(_ all: [Fact], byQuantity: [QuantityKey: [Int]], scopesCoincide: Bool,
                                interner: inout QuantityInterner) -> [[Fact]] {
        var merged: [[Int]]
        if scopesCoincide {
            // Each facet's number once its scope is merged (.fiscal and .general read as .all).
            var mergedFacet: [Int] = []
            let printed = interner.facets
            mergedFacet.reserveCapacity(printed.count)
            for var f in printed {
                if isGeneralish(f.scope) { f.scope = .all }
                mergedFacet.append(interner.intern(f))
            }
            var keyed: [QuantityKey: [Int]] = [:]
            keyed.reserveCapacity(byQuantity.count)
            for (k, indices) in byQuantity {
                keyed[QuantityKey(subject: k.subject, facet: mergedFacet[k.facet]), default: []].append(contentsOf: indices)
            }
            merged = keyed.values.map { $0.count > 1 ? $0.sorted() : $0 }
        } else {
            merged = Array(byQuantity.values)
        }
        merged.sort { ($0.first ?? 0) < ($1.first ?? 0) }
        return merged.map { $0.map { all[$0] } }
    }
}
