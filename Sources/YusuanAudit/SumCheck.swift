import YusuanCore

/// Checks "printed total = Σ printed parts" and words the finding, with the arithmetic shown.
/// A difference that rounding each printed figure can explain is a warning that says so; a larger one an error.
struct SumCheck {
    let rule: Rule
    let context: AuditContext

    /// Returns a finding when the total does not equal the sum; nil when it does.
    /// The message parts are only worked out when there is a finding (most checks pass).
    /// The parts are the printed figures themselves, handed on as they are (no array made for each check).
    func check(total: Figure, parts: [Figure], what: @autoclosure () -> String, whatEnglish: @autoclosure () -> String,
               location: @autoclosure () -> FindingLocation) -> Finding? {
        let agreement = FigureComparison.sum(parts, total: total)
        if agreement == .equal { return nil }
        let declared = context.exactTotals && agreement == .withinRounding
        let (expr, sum) = FigureComparison.expression(parts, total: total)
        let scale = max(total.value.scale, FigureComparison.displayScale(parts))
        let printed = total.value.formatted(digits: scale)
        let diff = (total.value - sum).magnitude.formatted(digits: scale)
        let unit = total.unit
        var zh = "\(what())：\(expr)，表中为 \(printed)（相差 \(diff) \(unit.rawValue)）。"
        var en = "\(whatEnglish()): \(expr); the table prints \(printed) (off by \(diff) \(unit.english))."
        var severity: Severity = .error
        if declared {
            zh += Self.declaredZH
            en += Self.declaredEN
        } else if agreement == .withinRounding {
            severity = .warning
            zh += "差额在各数按所印精度分别舍入可以解释的范围内，但印出的合计仍应与分项之和一致。"
            en += " Rounding each figure separately can explain the difference, but a printed total should still equal its printed parts."
        }
        return rule.finding(location(), expected: sum.formatted(digits: scale), found: printed,
                            message: zh, english: en, severity: severity)
    }

    static let declaredZH = "本公开声明各合计数均等于其分项之和（受控舍入），舍入不能解释这一差额。"
    static let declaredEN = " The document states that every total equals its parts (controlled rounding), so rounding cannot explain the difference."

    /// Two printings of one quantity. When neither is `derived` (a total or a parent line summed from
    /// rounded parts), both are roundings of one exact value at their precision and must print alike:
    /// any difference is an error.
    func same(_ a: Figure, _ b: Figure, what: @autoclosure () -> String, whatEnglish: @autoclosure () -> String,
              aWhere: @autoclosure () -> String, bWhere: @autoclosure () -> String,
              location: @autoclosure () -> FindingLocation, derived: Bool = true) -> Finding? {
        var agreement = FigureComparison.same(a, b)
        if !derived && agreement == .withinRounding && a.value.scale == b.value.scale && a.unit == b.unit { agreement = .different }
        if agreement == .equal { return nil }
        let declared = context.exactTotals && agreement == .withinRounding
        let scale = max(a.value.scale, b.value.scale)
        let av = a.value(in: b.unit).formatted(digits: scale)
        let bv = b.value.formatted(digits: scale)
        let diff = (a.value(in: b.unit) - b.value).magnitude.formatted(digits: scale)
        var zh = "\(what())：\(aWhere())为 \(av)，\(bWhere())为 \(bv)（相差 \(diff) \(b.unit.rawValue)）。"
        var en = "\(whatEnglish()): \(aWhere()) prints \(av), \(bWhere()) prints \(bv) (off by \(diff) \(b.unit.english))."
        var severity: Severity = .error
        if declared {
            zh += Self.declaredZH
            en += Self.declaredEN
        } else if agreement == .withinRounding {
            severity = .warning
            zh += "差额在舍入可以解释的范围内，但同一数字在各处应印得一样。"
            en += " Rounding can explain the difference, but one quantity should print the same everywhere."
        }
        return rule.finding(location(), expected: av, found: bv, message: zh, english: en, severity: severity)
    }
}
