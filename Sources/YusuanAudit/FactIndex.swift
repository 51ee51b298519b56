import YusuanCore

/// Every figure of every table, keyed by the quantity it prints, so that rules can ask
/// "where else is 201 一般公共服务支出's total printed?" without knowing table layouts.
public struct FactIndex: Sendable {
    public private(set) var all: [Fact] = []
    private var byQuantity: [Quantity: [Int]] = [:]
    /// Indices of `all` by subject, measure and year (any scope and phase), in order.
    private var bySubject: [SubjectKey: [Int]] = [:]

    private struct SubjectKey: Hashable {
        var subject: Subject
        var measure: Measure
        var year: Int?
    }
    /// True when the department has no funds but the general public budget, so that the
    /// 部门 (all funds), 财政拨款 and 一般公共预算 scopes print the same figures.
    public private(set) var scopesCoincide = false

    /// Facts that print the same quantity (scopes merged where they coincide), in order of first printing.
    public private(set) var groups: [[Fact]] = []

    public init(disclosure: Disclosure) {
        let builder = FactIndexBuilder(disclosure: disclosure)
        all = builder.facts
        scopesCoincide = builder.scopesCoincide
        byQuantity.reserveCapacity(all.count)
        for (i, f) in all.enumerated() { byQuantity[f.quantity, default: []].append(i) }
        groups = Self.grouped(all, byQuantity: byQuantity, scopesCoincide: scopesCoincide)
        for (q, indices) in byQuantity {
            bySubject[SubjectKey(subject: q.subject, measure: q.measure, year: q.year), default: []].append(contentsOf: indices)
        }
        for k in bySubject.keys { bySubject[k]?.sort() }
    }

    public func facts(_ q: Quantity) -> [Fact] { (byQuantity[q] ?? []).map { all[$0] } }

    /// Facts of a subject and measure for a year, in any scope that counts as the same here.
    public func facts(_ subject: Subject, _ measure: Measure, year: Int?, scope: FundScope? = nil) -> [Fact] {
        (bySubject[SubjectKey(subject: subject, measure: measure, year: year)] ?? []).compactMap { i in
            scope == nil || sameScope(all[i].quantity.scope, scope ?? .all) ? all[i] : nil
        }
    }

    public func sameScope(_ a: FundScope, _ b: FundScope) -> Bool {
        if a == b { return true }
        let generalish: Set<FundScope> = [.all, .fiscal, .general]
        return scopesCoincide && generalish.contains(a) && generalish.contains(b)
    }

    /// Groups of facts that print one quantity (scopes merged when they coincide), in order of first printing.
    /// Built from the index by quantity, so that each fact's quantity is hashed once.
    private static func grouped(_ all: [Fact], byQuantity: [Quantity: [Int]], scopesCoincide: Bool) -> [[Fact]] {
        var merged: [[Int]]
        if scopesCoincide {
            var keyed: [Quantity: [Int]] = [:]
            keyed.reserveCapacity(byQuantity.count)
            for (q, indices) in byQuantity {
                var m = q
                if [.all, .fiscal, .general].contains(m.scope) { m.scope = .all }
                keyed[m, default: []].append(contentsOf: indices)
            }
            merged = keyed.values.map { $0.count > 1 ? $0.sorted() : $0 }
        } else {
            merged = Array(byQuantity.values)
        }
        merged.sort { ($0.first ?? 0) < ($1.first ?? 0) }
        return merged.map { $0.map { all[$0] } }
    }
}
