import YusuanCore

/// PRJ-006: an overall (部门整体) count target smaller than the same target of one of its projects.
///
/// Only clear contradictions: the same count unit, names equal or one containing the other,
/// both targets "=" or "≥", and the department's figure below the largest project's.
enum OverallTargetCheck {
    static let atLeast: Set<String> = ["=", "≥", ">"]

    static func names(_ a: String, _ b: String) -> Bool {
        if a == b { return !a.isEmpty }
        return min(a.count, b.count) >= 4 && (a.contains(b) || b.contains(a))
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let overall = PerformanceForm.overall(ctx)
        let projects = PerformanceForm.projects(ctx)
        guard !overall.isEmpty, !projects.isEmpty else {
            return .notApplicable(reason: "needs a department performance table and project performance forms")
        }
        var findings: [Finding] = []
        for form in overall {
            for target in form.indicators {
                let unit = TextNormalization.key(target.unit)
                guard let value = target.value, IndicatorText.countUnits.contains(unit),
                      atLeast.contains(target.op ?? "=") else { continue }
                var matches: [(PerformanceForm, PerformanceIndicator, Fixed)] = []
                for p in projects {
                    for ind in p.indicators where TextNormalization.key(ind.unit) == unit && names(ind.key, target.key) {
                        guard let v = ind.value, atLeast.contains(ind.op ?? "=") else { continue }
                        matches.append((p, ind, v))
                    }
                }
                guard let top = matches.max(by: { $0.2 < $1.2 }), value < top.2 else { continue }
                let (p, ind, v) = top
                let location = ctx.location(form.table, row: target.row, column: form.columns.value)
                findings.append(rule.finding(
                    location, expected: "≥ \(IndicatorText.plain(v)) \(target.unit)", found: "\(IndicatorText.plain(value)) \(target.unit)",
                    message: "\(form.shortName)的整体指标“\(target.name)”为 \(IndicatorText.plain(value)) \(target.unit)，小于\(p.shortName)项目指标“\(ind.name)”的 \(IndicatorText.plain(v)) \(ind.unit)：部门整体目标应涵盖其下项目的目标。",
                    english: "The department target “\(target.name)” in \(form.shortNameEnglish) is \(IndicatorText.plain(value)) \(target.unit), less than the \(IndicatorText.plain(v)) \(ind.unit) of the project target “\(ind.name)” in \(p.shortNameEnglish); a department's target should cover its projects'."))
            }
        }
        return .ran(findings)
    }
}
