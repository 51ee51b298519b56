import YusuanCore

/// PRJ-003: the money 成本指标 of a project form add up to the project's amount.
enum CostIndicatorCheck {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        for form in PerformanceForm.projects(ctx) {
            guard let amount = form.amount else { continue }
            let costs = form.indicators.filter { $0.isEconomicCost && $0.money != nil }
            // A unit price (元/人) is not a share of the amount: such a form cannot be summed.
            guard !costs.isEmpty, costs.allSatisfy({ $0.money?.isTotal == true }) else { continue }
            let parts = costs.compactMap { c in c.value.flatMap { c.money?.figure($0) } }
            guard parts.count == costs.count else { continue }
            applicable = true
            let scale = parts.reduce(amount.value.scale) { max($0, $1.value.scale) }  // the finest printed
            let agreement = FigureComparison.sum(parts.map { at(scale, $0) }, total: at(scale, amount))
            if agreement == .equal { continue }
            let shown = parts.map { IndicatorText.plain($0.value(in: amount.unit)) }
            let total = parts.map { $0.value(in: amount.unit) }.sum()
            let diff = (amount.value - total).magnitude
            let expr = shown.joined(separator: " + ") + " = " + IndicatorText.plain(total)
            let printed = IndicatorText.plain(amount.value)
            let label = form.amountLabel
            let unit = amount.unit
            var zh = "\(form.shortName)的 \(costs.count) 项成本指标之和与\(label)不符：\(expr)，\(label)为 \(printed)（相差 \(IndicatorText.plain(diff)) \(unit.rawValue)）。"
            var en = "The \(costs.count) cost indicators of \(form.shortNameEnglish) do not add up to its amount: \(expr), the form prints \(printed) (off by \(IndicatorText.plain(diff)) \(unit.english))."
            var severity: Severity?
            if agreement == .withinRounding {
                severity = .warning
                zh += "差额在舍入可以解释的范围内。"
                en += " Rounding can explain the difference."
            }
            let firstRow = costs.first?.row
            let location = ctx.location(form.table, row: firstRow, column: form.columns.value)
            findings.append(rule.finding(location, expected: printed, found: IndicatorText.plain(total),
                                         message: zh, english: en, severity: severity))
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no project form prints cost indicators in money")
    }

    /// Forms print figures as a spreadsheet's General format does: "5" beside "6.8" is 5.0, not 5 rounded.
    /// So every figure counts at the finest precision printed among the parts and the amount.
    static func at(_ scale: Int, _ f: Figure) -> Figure {
        Figure(f.value.rescaled(to: max(scale, f.value.scale)) ?? f.value, unit: f.unit)
    }
}
