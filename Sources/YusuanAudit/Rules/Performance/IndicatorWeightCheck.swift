import YusuanCore

/// PRJ-004: the indicator weights of a form add up to the total the template sets.
enum IndicatorWeightCheck {
    /// Totals a form's weights may add up to, and the template that sets them (nil: the usual totals).
    static func expected(_ form: PerformanceForm, profile: Profile?) -> (totals: [Int], template: String?) {
        if let p = profile {
            let total = form.isOverall ? (p.overallWeightTotal ?? p.performanceWeightTotal) : p.performanceWeightTotal
            if let total { return ([total], p.id) }
        }
        return form.isOverall ? ([100], nil) : ([100, 90], nil)
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let lastTable = ctx.disclosure.tables.last
        // Joined lazily: `+` made an array of both, copying every form (its table, rows and indicators retained).
        for form in [PerformanceForm.overall(ctx), PerformanceForm.projects(ctx)].joined() {
            // The weights summed where they stand (in order, as `sum()` adds them): the weighted indicators are
            // gathered, and the finding's words made, only for a form whose weights are off.
            var sum = Fixed.zero, anyWeight = false
            for ind in form.indicators { if let w = ind.weight { sum = sum + w; anyWeight = true } }
            guard anyWeight else { continue }
            applicable = true
            let exp = expected(form, profile: ctx.profile)
            if exp.totals.contains(where: { Fixed($0) == sum }) { continue }
            let weighted = form.indicators.filter { $0.weight != nil }
            let terms = weighted.compactMap(\.weight).map(IndicatorText.plain).joined(separator: " + ")
            let want = exp.totals.map(String.init).joined(separator: " 或 ")
            let wantEn = exp.totals.map(String.init).joined(separator: " or ")
            let printed = IndicatorText.plain(sum)
            let location = ctx.location(form.table, row: weighted.last?.row, column: form.columns.weight)
            // Rows lost to a cut-off can make the weights fall short, never exceed.
            let cut = (form.table.truncated || ctx.disclosure.truncated && lastTable == form.table)
                && exp.totals.allSatisfy { sum < Fixed($0) }
            if cut {
                findings.append(rule.finding(
                    location, expected: want, found: printed,
                    message: "\(form.shortName)的指标权重合计为 \(terms) = \(printed)，少于 \(want)；该表似乎被截断（或是文档的最后一张表而文档似乎在此中止），可能缺少指标行。",
                    english: "The weights of \(form.shortNameEnglish) add up to \(terms) = \(printed), less than \(wantEn); the table seems cut off (or is the last table of a document that seems to stop there), so indicator lines may be missing.",
                    severity: .notice))
                continue
            }
            findings.append(rule.finding(
                location, expected: want, found: printed,
                message: "\(form.shortName)的指标权重合计：\(terms) = \(printed)，应为 \(want)（\(exp.template.map { "模板 \($0)" } ?? "通常")）。",
                english: "The indicator weights of \(form.shortNameEnglish) add up to \(terms) = \(printed); expected \(wantEn) (\(exp.template.map { "template \($0)" } ?? "usual"))."))
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no performance form prints indicator weights")
    }
}
