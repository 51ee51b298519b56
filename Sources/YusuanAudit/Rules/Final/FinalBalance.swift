import YusuanCore

/// FIN-001: 年初结转和结余 + 本年收入 + 使用结余 = 本年支出 + 结余分配 + 年末结转和结余.
/// In a 收入支出决算总表 / 财政拨款收入支出决算总表 the terms are rows of the 收入 and 支出 sides (first
/// figure column of each); in a fund's 收入支出决算表 they are columns, and every row balances.
/// Terms not printed count as zero; a table that prints no carried or used balance is left to SUM-006.
enum FinalBalance {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        for income in ctx.disclosure.tables where income.side == .income {
            guard let exp = ctx.disclosure.tables.first(where: {
                $0.side == .expenditure && $0.title == income.title && $0.attachment == income.attachment
            }), let entries = summaryEntries(income: income, expenditure: exp, ctx: ctx) else { continue }
            applicable = true
            let at = entries.first { $0.term == .closing }?.location ?? entries.last?.location ?? ctx.location(exp)
            if let f = compare(entries, where: exp.title, at: at, ctx: ctx, rule: rule) { findings.append(f) }
        }
        for table in ctx.grids where table.side == .whole {
            guard let cols = columnTerms(table) else { continue }
            applicable = true
            for row in table.rows where row.kind != .ofWhich {
                var entries: [FinalBalanceEntry] = []
                for (term, col) in cols {
                    guard let f = table.figure(row, col) else { continue }
                    entries.append(FinalBalanceEntry(term: term, label: col.header, figure: f, location: ctx.location(table, row: row, column: col)))
                }
                guard entries.count == cols.count, entries.contains(where: { !$0.figure.value.isZero }) else { continue }
                let name = row.label.isEmpty ? table.title : "\(table.title)「\(row.label)」"
                let at = entries.first { $0.term == .closing }?.location ?? ctx.location(table, row: row)
                if let f = compare(entries, where: name, at: at, ctx: ctx, rule: rule) { findings.append(f) }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table prints 年初/年末结转和结余 beside 本年收入 and 本年支出")
    }

    /// The terms printed on the two sides of a summary table; nil unless both 本年 totals and a balance line are printed.
    static func summaryEntries(income: DisclosureTable, expenditure: DisclosureTable, ctx: AuditContext) -> [FinalBalanceEntry]? {
        guard let ic = income.additiveColumns.first, let ec = expenditure.additiveColumns.first else { return nil }
        var entries: [FinalBalanceEntry] = []
        for (table, col, sources) in [(income, ic, true), (expenditure, ec, false)] {
            var seen = Set<FinalBalanceTerm>()
            for row in table.rows where row.kind != .ofWhich && row.kind != .grandTotal {
                guard let term = FinalBalanceTerm.of(row.name, totalLine: row.kind == .subtotal), term.isSource == sources,
                      seen.insert(term).inserted || term == .useOfBalances, let f = table.figure(row, col) else { continue }
                entries.append(FinalBalanceEntry(term: term, label: row.name, figure: f, location: ctx.location(table, row: row, column: col)))
            }
        }
        let terms = Set(entries.map(\.term))
        guard terms.contains(.income), terms.contains(.expenditure),
              !terms.isDisjoint(with: [.opening, .closing, .useOfBalances, .distribution]) else { return nil }
        return entries
    }

    /// The balance terms a fund table prints as columns (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余).
    static func columnTerms(_ table: DisclosureTable) -> [(FinalBalanceTerm, Column)]? {
        var out: [(FinalBalanceTerm, Column)] = []
        for col in table.additiveColumns where col.measure != .change {
            let head = col.headerPath.joined()
            let totalLeaf = ["小计", "合计", "总计"].contains(col.leaf)
            let underSpending = col.headerPath.dropLast().contains { TextNormalization.key($0).containsText("本年支出") }
            if underSpending && !totalLeaf { continue }
            guard let term = FinalBalanceTerm.of(head, totalLine: totalLeaf), !out.contains(where: { $0.0 == term }) else { continue }
            out.append((term, col))
        }
        let terms = Set(out.map(\.0))
        guard terms.contains(.income), terms.contains(.expenditure), terms.contains(.opening) || terms.contains(.closing) else { return nil }
        return out
    }

    /// The two sides' sums; a finding when they differ, a warning when rounding the printed figures can explain it.
    static func compare(_ entries: [FinalBalanceEntry], where name: String, at location: FindingLocation,
                        ctx: AuditContext, rule: Rule) -> Finding? {
        guard let unit = entries.first?.figure.unit else { return nil }
        let scale = FigureComparison.displayScale(entries.map(\.figure))
        func side(_ sources: Bool) -> (text: String, sum: Fixed, fen: Int64?) {
            let own = entries.filter { $0.term.isSource == sources }
            let order = FinalBalanceTerm.allCases.filter { $0.isSource == sources }
            var parts: [String] = []
            var fen: Int64? = 0
            for term in order {
                let es = own.filter { $0.term == term }
                if es.isEmpty { continue }
                for e in es {
                    parts.append("\(e.label) \(e.figure.value(in: unit).formatted(digits: scale))")
                    fen = fen.flatMap { a in e.figure.amount.map { a + $0.fen } }
                }
            }
            let sum = own.map { $0.figure.value(in: unit) }.sum()
            return (parts.joined(separator: " + "), sum, fen)
        }
        let l = side(true), r = side(false)
        guard let lf = l.fen, let rf = r.fen else { return nil }
        let diff = (lf - rf).magnitude
        if diff == 0 { return nil }
        let tolerance = entries.map(\.figure.halfResolutionFen).reduce(0, +)
        let within = diff <= UInt64(max(0, tolerance))
        let gap = (l.sum - r.sum).magnitude.formatted(digits: scale)
        var zh = "\(name)：\(l.text) = \(l.sum.formatted(digits: scale))，而 \(r.text) = \(r.sum.formatted(digits: scale))，两边相差 \(gap) \(unit.rawValue)（未列出的项按 0 计）。"
        var en = "\(name): \(l.text) = \(l.sum.formatted(digits: scale)), but \(r.text) = \(r.sum.formatted(digits: scale)); the sides differ by \(gap) \(unit.english) (terms not printed count as zero)."
        var severity: Severity = .error
        if within && ctx.exactTotals {
            zh += SumCheck.declaredZH
            en += SumCheck.declaredEN
        } else if within {
            severity = .warning
            zh += "差额在各数按所印精度分别舍入可以解释的范围内，但印出的数字仍应平衡。"
            en += " Rounding each figure separately can explain the difference, but the printed figures should still balance."
        }
        return rule.finding(location, expected: l.sum.formatted(digits: scale), found: r.sum.formatted(digits: scale),
                            message: zh, english: en, severity: severity)
    }
}
