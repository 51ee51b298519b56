import YusuanCore

/// Every figure of every table, keyed by the quantity it prints, so that rules can ask
/// "where else is 201 一般公共服务支出's total printed?" without knowing table layouts.
public struct FactIndex: Sendable {
    public private(set) var all: [Fact] = []
    private var byQuantity: [Quantity: [Int]] = [:]
    /// True when the department has no funds but the general public budget, so that the
    /// 部门 (all funds), 财政拨款 and 一般公共预算 scopes print the same figures.
    public private(set) var scopesCoincide = false

    /// Facts that print the same quantity (scopes merged where they coincide), in order of first printing.
    public private(set) var groups: [[Fact]] = []

    public init(disclosure: Disclosure) {
        let builder = FactIndexBuilder(disclosure: disclosure)
        all = builder.facts
        scopesCoincide = builder.scopesCoincide
        for (i, f) in all.enumerated() { byQuantity[f.quantity, default: []].append(i) }
        groups = Self.grouped(all, scopesCoincide: scopesCoincide)
    }

    public func facts(_ q: Quantity) -> [Fact] { (byQuantity[q] ?? []).map { all[$0] } }

    /// Facts of a subject and measure for a year, in any scope that counts as the same here.
    public func facts(_ subject: Subject, _ measure: Measure, year: Int?, scope: FundScope? = nil) -> [Fact] {
        all.filter { f in
            f.quantity.subject == subject && f.quantity.measure == measure && f.quantity.year == year
                && (scope == nil || sameScope(f.quantity.scope, scope ?? .all))
        }
    }

    public func sameScope(_ a: FundScope, _ b: FundScope) -> Bool {
        if a == b { return true }
        let generalish: Set<FundScope> = [.all, .fiscal, .general]
        return scopesCoincide && generalish.contains(a) && generalish.contains(b)
    }

    /// Groups of facts that print one quantity (scopes merged when they coincide).
    private static func grouped(_ all: [Fact], scopesCoincide: Bool) -> [[Fact]] {
        var keyed: [Quantity: [Fact]] = [:]
        var order: [Quantity] = []
        for f in all {
            var q = f.quantity
            if scopesCoincide && [.all, .fiscal, .general].contains(q.scope) { q.scope = .all }
            if keyed[q] == nil { order.append(q) }
            keyed[q, default: []].append(f)
        }
        return order.compactMap { keyed[$0] }
    }
}
