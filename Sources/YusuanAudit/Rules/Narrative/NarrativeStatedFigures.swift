import YusuanCore

/// NAR-001: a figure the narrative states against the table figure of the same quantity.
enum NarrativeStatedFigures {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let look = NarrativeLookup(ctx)
        let cmp = SumCheck(rule: rule, context: ctx)
        var findings: [Finding] = []
        var applicable = false
        // "预算执行数" is last year's outturn, which no table column of a 预算 prints; "收入总计" includes
        // the carry-over that the tables' 本年收入合计 leaves out.
        let procurement = ProcurementTable.figures(ctx)
        let carryover = look.hasCarryover
        for s in look.statements where s.kind == .level && !s.words.contains("执行")
            && !(carryover && s.words.contains("总计") && s.topic != .grandTotal) {
            guard let stated = s.figure else { continue }
            if case .procurement(let part) = s.topic, s.scope == .all, s.year == ctx.year, let t = procurement[part] {
                applicable = true
                if agrees(stated, t.figure) { continue }
                let name = look.name(s)
                if let f = cmp.same(t.figure, stated, what: "情况说明所述\(name.zh)与政府采购表不一致",
                                    whatEnglish: "The narrative's \(name.en) differs from the procurement table",
                                    aWhere: t.zh, bWhere: "情况说明\(s.quoted)", location: look.location(s)) {
                    findings.append(f)
                }
                continue
            }
            let facts = look.facts(s.topic, scope: s.scope, year: s.year, phase: s.phase)
            guard !facts.isEmpty else { continue }
            applicable = true
            // A table printed empty is NAR-006's matter.
            let printed = facts.filter { !($0.blank && $0.table.hasNoData) }
            guard let reference = printed.first, !printed.contains(where: { agrees(stated, $0.figure) }) else { continue }
            let name = look.name(s)
            let when = look.when(s.year, s.phase)
            let col = reference.column.header.isEmpty ? "" : "「\(reference.column.header)」"
            if let f = cmp.same(reference.figure, stated,
                                what: "情况说明所述\(name.zh)（\(when.zh)）与表中数字不一致",
                                whatEnglish: "The narrative's \(name.en) (\(when.en)) differs from the table",
                                aWhere: reference.table.displayName + col, bWhere: "情况说明\(s.quoted)",
                                location: look.location(s)) {
                findings.append(f)
            }
        }
        if findings.isEmpty && !applicable {
            return .notApplicable(reason: "the narrative states no figure that a table prints")
        }
        return .ran(findings)
    }

    /// Equal, or the narrative gives the table figure rounded to fewer digits ("约 32.6 万元" for 32.63).
    static func agrees(_ stated: Figure, _ table: Figure) -> Bool {
        if FigureComparison.same(stated, table) == .equal { return true }
        let inStatedUnit = table.value(in: stated.unit)
        return stated.value.scale < inStatedUnit.scale && inStatedUnit.rounded(to: stated.value.scale) == stated.value
    }
}
