import YusuanCore

/// PRJ-005: a 数量指标 measured in money (a misfiled cost or a wrong unit); a 成本指标 not measured in money.
enum IndicatorUnitCheck {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        // Joined lazily: `+` made an array of both, copying every form (its table, rows and indicators retained).
        for form in [PerformanceForm.projects(ctx), PerformanceForm.overall(ctx)].joined() {
            for ind in form.indicators where !ind.unit.isEmpty && (ind.isQuantity || ind.isEconomicCost) {
                applicable = true
                let moneyQuantity = ind.isQuantity && ind.money != nil
                guard moneyQuantity || (ind.isEconomicCost && ind.money == nil) else { continue }
                // The finding's place and words, made only for an indicator that has one (most have none).
                let location = ctx.location(form.table, row: ind.row, column: form.columns.unit)
                let name = IndicatorText.quoted(ind.name)
                let value = ind.valueText.isEmpty ? "" : "（指标值 \(ind.valueText)）"
                let valueEn = ind.valueText.isEmpty ? "" : " (target \(ind.valueText))"
                if moneyQuantity {
                    findings.append(rule.finding(
                        location, expected: "数量单位（件、人次、次 …）", found: ind.unit,
                        message: "\(form.shortName)的数量指标\(name)以金额“\(ind.unit)”计量\(value)：数量不应以金额计，要么是成本指标放错了类别，要么单位填错。",
                        english: "\(form.shortNameEnglish): the quantity indicator “\(ind.name)” is measured in money, \(ind.unit)\(valueEn): either a cost indicator filed under quantity, or a wrong unit."))
                } else {
                    findings.append(rule.finding(
                        location, expected: "金额单位（元、万元）", found: ind.unit,
                        message: "\(form.shortName)的成本指标\(name)以“\(ind.unit)”计量\(value)，不是金额：成本指标应以元或万元计。",
                        english: "\(form.shortNameEnglish): the cost indicator “\(ind.name)” is measured in \(ind.unit)\(valueEn), not money; costs are measured in yuan or 10k yuan.",
                        severity: .notice))
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no quantity or cost indicators with a unit")
    }
}
