import YusuanCore

/// A figure found for a topic, and where it was printed.
struct FoundFigure: Sendable {
    var figure: Figure
    var zh: String
    var en: String
}

/// Figures for narrative topics: what the narrative states and what the tables print.
struct NarrativeLookup: Sendable {
    let ctx: AuditContext
    let statements: [NarrativeStatement]

    init(_ ctx: AuditContext) {
        self.ctx = ctx
        statements = NarrativeParser.statements(ctx)
    }

    /// The table facts of a topic in a year and phase, in a fund scope that fits.
    /// 三公 tables and income rows carry their own fund; the others must match the sentence's fund.
    func facts(_ topic: NarrativeTopic?, scope: FundScope, year: Int?, phase: Phase) -> [Fact] {
        guard case .fact(let subject, let measure) = topic else { return [] }
        var anyScope = topic?.isThreePublic == true
        if case .income = subject { anyScope = true }
        return ctx.facts.facts(subject, measure, year: year, scope: anyScope ? nil : scope).filter { $0.quantity.phase == phase }
    }

    static let carryoverIdeograph: IdeographSet = ["结"]

    /// Whether a table prints a carry-over (上年结转, 结转下年): then 收入总计 / 支出总计 are not the year's totals.
    var hasCarryover: Bool {
        ctx.disclosure.tables.contains { t in
            // Rows read in place by index (`contains` hands its test a copy of each row).
            t.rows.indices.contains { i in
                // Keying never writes an ideograph: a name that cannot hold 结 is not keyed (most are not).
                TextNormalization.mayHoldIdeograph(t.rows[i].name, Self.carryoverIdeograph) && TextNormalization.key(t.rows[i].name).contains("结转")
                    && t.moneyColumns.contains { !(t.rows[i].number($0.index) ?? .zero).isZero }
            }
        }
    }

    /// Whether two statements' funds are the same here (三公 has one fund; the general funds coincide
    /// when the department has no other).
    func sameScope(_ a: FundScope, _ b: FundScope) -> Bool { ctx.facts.sameScope(a, b) }

    /// A figure for a topic: stated in the same block, else printed in a table, else stated elsewhere.
    /// `variant`: only budget figures that may stand for it (`BudgetVariant.accepts`), by the narrative's
    /// words or the column's heading.
    func value(_ topic: NarrativeTopic?, scope: FundScope, year: Int?, phase: Phase, block: Int,
               variant: BudgetVariant? = nil, exact: Bool = false) -> FoundFigure? {
        guard let topic else { return nil }
        // Statements read in place (`filter` hands its test a copy of each, strings and lists retained), and the
        // ones kept kept by position: none is copied.
        var stated: [Int] = []
        var i = 0
        statements.forEachInPlace { s in
            if (s.kind == .level || s.kind == .none) && s.topic == topic && s.year == year && s.phase == phase
                && s.figure != nil && (topic.isThreePublic || sameScope(s.scope, scope))
                && (variant?.accepts(s.words, exact: exact) ?? true) { stated.append(i) }
            i += 1
        }
        func said(_ i: Int) -> FoundFigure? {
            statements[i].figure.map { FoundFigure(figure: $0, zh: "情况说明\(statements[i].quoted)", en: "the narrative (\(statements[i].clause))") }
        }
        if let i = stated.first(where: { statements[$0].block == block }) { return said(i) }
        if let f = facts(topic, scope: scope, year: year, phase: phase).first(where: { variant?.accepts($0.column.header, exact: exact) ?? true }) {
            let col = f.column.header.isEmpty ? "" : "「\(f.column.header)」"
            return FoundFigure(figure: f.figure, zh: f.table.displayName + col, en: f.table.displayName + " (\(f.column.header))")
        }
        // Stated only in another paragraph: used when the narrative gives one value throughout.
        let values = Set(stated.compactMap { statements[$0].figure?.amount })
        return values.count == 1 ? stated.first.flatMap(said) : nil
    }

    /// This year's and the compared year's figure for a change statement, when both are known.
    func changeEnds(_ s: NarrativeStatement) -> (now: FoundFigure, then: FoundFigure)? {
        guard let b = s.base, b.year != s.year || b.phase != s.phase,
              let now = value(s.topic, scope: s.scope, year: s.year, phase: s.phase, block: s.block),
              let then = value(s.topic, scope: s.scope, year: b.year, phase: b.phase, block: s.block) else { return nil }
        return (now, then)
    }

    /// The topic's name for messages.
    func name(_ s: NarrativeStatement) -> (zh: String, en: String) {
        guard let t = s.topic else { return (s.label, s.label) }
        return t.name(catalog: ctx.functionalCatalog)
    }

    /// Where a finding about a statement points: the narrative, the label, the line.
    func location(_ s: NarrativeStatement) -> FindingLocation {
        FindingLocation(table: "情况说明", row: s.label.isEmpty ? nil : s.label, source: s.location)
    }

    /// "2022 年预算", "2020 年决算" for messages.
    func when(_ year: Int?, _ phase: Phase) -> (zh: String, en: String) {
        let y = year.map { "\($0) 年" } ?? ""
        return (y + phase.rawValue, "\(phase == .budget ? "budget" : "outturn")\(year.map { " \($0)" } ?? "")")
    }
}

/// Signed arithmetic on printed figures, in the unit of the first.
enum FigureMath {
    static func minus(_ a: Figure, _ b: Figure) -> Figure {
        Figure(a.value - value(b, in: a.unit), unit: a.unit)
    }

    /// The figure's value in `unit`, keeping its printed digits when the unit is already that.
    static func value(_ f: Figure, in unit: MoneyUnit) -> Fixed {
        f.unit == unit ? f.value : f.value(in: unit)
    }

    static func negated(_ a: Figure) -> Figure { Figure(-a.value, unit: a.unit) }

    static func sign(_ f: Figure) -> Int { f.value.isZero ? 0 : (f.value.isNegative ? -1 : 1) }

    /// The figure as printed, at the precision of the figures it is shown with.
    static func show(_ f: Figure, with others: [Figure] = []) -> String {
        f.value.formatted(digits: FigureComparison.displayScale([f] + others))
    }
}
