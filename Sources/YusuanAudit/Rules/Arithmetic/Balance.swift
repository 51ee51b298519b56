import YusuanCore

/// 收入 side against 支出 side of a summary table: 总计 against 总计, 本年合计 against 本年合计.
enum Balance {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let sum = SumCheck(rule: rule, context: ctx)
        let incomes = ctx.disclosure.tables.filter { $0.side == .income }
        for income in incomes {
            guard let exp = ctx.disclosure.tables.first(where: { $0.side == .expenditure && $0.title == income.title && $0.attachment == income.attachment }),
                  let ic = income.additiveColumns.first, let ec = exp.additiveColumns.first else { continue }
            // This year's totals balance only when nothing is carried in or out.
            // Each side's rows searched in turn: the two joined copied every row.
            func isCarry(_ r: Row) -> Bool {
                let k = TextNormalization.key(r.name)
                return (k.containsText("结转") || k.containsText("结余")) && r.kind == .item
                    && !((r.number(ic.index) ?? .zero).isZero && (r.number(ec.index) ?? .zero).isZero)
            }
            let carried = income.rows.contains(where: isCarry) || exp.rows.contains(where: isCarry)
            var pairs: [(RowKind, String, String)] = [(.grandTotal, "收入总计与支出总计", "total income and total expenditure")]
            if !carried { pairs.append((.subtotal, "本年收入合计与本年支出合计", "this year's income and expenditure totals")) }
            for (kind, zh, en) in pairs {
                guard let ir = income.rows.first(where: { $0.kind == kind }), let er = exp.rows.first(where: { $0.kind == kind }),
                      let a = income.figure(ir, ic), let b = exp.figure(er, ec) else { continue }
                applicable = true
                if let f = sum.same(a, b, what: "\(zh)应相等", whatEnglish: "\(en) should be equal",
                                    aWhere: "\(ir.name)", bWhere: "\(er.name)", location: ctx.location(exp, row: er, column: ec)) {
                    findings.append(f)
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no 收入 | 支出 summary table")
    }
}
