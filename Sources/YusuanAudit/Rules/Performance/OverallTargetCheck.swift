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
        // The project targets a department target may be compared with, their unit and name keyed once (not again
        // for every department target), in the order of the forms and their lines; made at the first department
        // count target.
        var candidates: [Candidate]?
        for form in overall {
            for target in form.indicators {
                let unit = TextNormalization.key(target.unit)
                guard let value = target.value, IndicatorText.countUnits.contains(unit),
                      atLeast.contains(target.op ?? "=") else { continue }
                let all = candidates ?? Self.candidates(projects)
                candidates = all
                let name = target.key
                // The largest matching project figure, the first of equal ones (as `max(by:)` keeps it).
                var top: Candidate?
                for c in all where c.unit == unit && names(c.name, name) && top.map({ $0.value < c.value }) ?? true { top = c }
                guard let top, value < top.value else { continue }
                let p = projects[top.form], ind = p.indicators[top.indicator], v = top.value
                let location = ctx.location(form.table, row: target.row, column: form.columns.value)
                findings.append(rule.finding(
                    location, expected: "≥ \(IndicatorText.plain(v)) \(target.unit)", found: "\(IndicatorText.plain(value)) \(target.unit)",
                    message: "\(form.shortName)的整体指标“\(target.name)”为 \(IndicatorText.plain(value)) \(target.unit)，小于\(p.shortName)项目指标“\(ind.name)”的 \(IndicatorText.plain(v)) \(ind.unit)：部门整体目标应涵盖其下项目的目标。",
                    english: "The department target “\(target.name)” in \(form.shortNameEnglish) is \(IndicatorText.plain(value)) \(target.unit), less than the \(IndicatorText.plain(v)) \(ind.unit) of the project target “\(ind.name)” in \(p.shortNameEnglish); a department's target should cover its projects'."))
            }
        }
        return .ran(findings)
    }

    /// A project target that may cover a department target: its form's and its line's index, its unit and name
    /// keyed, its figure.
    struct Candidate {
        let form: Int, indicator: Int
        let unit: String, name: String
        let value: Fixed
    }

    /// The project targets with a count unit, a figure and "=" or "≥" (or none), in order.
    static func candidates(_ projects: [PerformanceForm]) -> [Candidate] {
        var out: [Candidate] = []
        for (f, p) in projects.enumerated() {
            for (i, ind) in p.indicators.enumerated() {
                guard let v = ind.value, atLeast.contains(ind.op ?? "=") else { continue }
                let unit = TextNormalization.key(ind.unit)
                guard IndicatorText.countUnits.contains(unit) else { continue }
                out.append(Candidate(form: f, indicator: i, unit: unit, name: ind.key, value: v))
            }
        }
        return out
    }
}
