import YusuanCore

/// NAR-002: stated changes recomputed — from the two years' figures, from the listed reasons,
/// and as the sum of the changes of basic and project expenditure.
enum NarrativeChanges {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let look = NarrativeLookup(ctx)
        var findings: [Finding] = []
        var applicable = false
        for s in look.statements where s.kind == .change {
            guard let change = s.signedChange, s.direction != .flat else { continue }
            if let (now, then) = look.changeEnds(s) {
                applicable = true
                if let f = recomputed(s, change: change, now: now, then: then, look: look, rule: rule) { findings.append(f) }
            }
            let parts = s.components.compactMap(\.signed)
            if !parts.isEmpty && parts.count == s.components.count {
                applicable = true
                if let f = reasons(s, change: change, parts: parts, look: look, rule: rule) { findings.append(f) }
            }
        }
        let split = basicAndProject(look, rule: rule)
        applicable = applicable || split.applicable
        findings += split.findings
        if findings.isEmpty && !applicable {
            return .notApplicable(reason: "the narrative states no change that can be recomputed")
        }
        return .ran(findings)
    }

    /// (a) "比上年增加 X" = this year − last year.
    static func recomputed(_ s: NarrativeStatement, change: Figure, now: FoundFigure, then: FoundFigure,
                           look: NarrativeLookup, rule: Rule) -> Finding? {
        let d = FigureMath.minus(now.figure, then.figure)
        let terms = [now.figure, FigureMath.negated(then.figure)]
        let agreement = NarrativeArithmetic.compare(stated: change, computed: d, from: terms)
        if agreement == .equal { return nil }
        // The right size with the wrong word is NAR-003's finding.
        if NarrativeArithmetic.compare(stated: FigureMath.negated(change), computed: d, from: terms) == .equal { return nil }
        let all = [now.figure, then.figure, change]
        let name = look.name(s)
        let y1 = look.when(s.year, s.phase), y0 = look.when(s.base?.year, s.base?.phase ?? s.phase)
        let dz = describe(d, all), cz = describe(change, all)
        var zh = "情况说明\(s.quoted)：\(name.zh)\(y1.zh) \(FigureMath.show(now.figure, with: all))（\(now.zh)）"
            + "− \(y0.zh) \(FigureMath.show(then.figure, with: all))（\(then.zh)）= \(dz.zh)，说明写\(cz.zh)。"
        var en = "\(s.clause): \(name.en) \(y1.en) \(FigureMath.show(now.figure, with: all)) − \(y0.en) "
            + "\(FigureMath.show(then.figure, with: all)) = \(dz.en), but the narrative says \(cz.en)."
        var severity: Severity?
        if agreement == .withinRounding {
            severity = .warning
            zh += "差额在舍入可以解释的范围内。"
            en += " Rounding can explain the difference."
        }
        return rule.finding(look.location(s), expected: dz.zh, found: cz.zh, message: zh, english: en, severity: severity)
    }

    /// (b) the signed reasons add up to the change.
    static func reasons(_ s: NarrativeStatement, change: Figure, parts: [Figure], look: NarrativeLookup, rule: Rule) -> Finding? {
        guard let sum = NarrativeArithmetic.sum(parts) else { return nil }
        let agreement = NarrativeArithmetic.compare(stated: change, computed: sum, from: parts)
        if agreement == .equal { return nil }
        let all = parts + [change]
        let expr = parts.enumerated().map { (i, p) in
            (p.value.isNegative ? (i == 0 ? "−" : "− ") : (i == 0 ? "" : "+ ")) + FigureMath.show(Figure(p.value.magnitude, unit: p.unit), with: all)
        }.joined(separator: " ")
        let sz = describe(sum, all), cz = describe(change, all)
        var zh = "情况说明所列变动原因之和 \(expr) = \(sz.zh)，与所说的\(cz.zh)不符（\(s.quoted)）。"
        var en = "The reasons listed for the change add up to \(expr) = \(sz.en), not \(cz.en) as stated (\(s.clause))."
        var severity: Severity?
        let partial = parts.count == 1 && FigureMath.sign(sum) == FigureMath.sign(change)
            && FigureMath.value(sum, in: change.unit).magnitude < change.value.magnitude
        if agreement == .withinRounding {
            severity = .warning
            zh += "差额在舍入可以解释的范围内。"
            en += " Rounding can explain the difference."
        } else if partial {
            severity = .notice
            zh += "只列出一项“主要原因”，可能并未说明全部变动。"
            en += " Only one “main reason” is listed; it may not be meant to explain the whole change."
        }
        return rule.finding(look.location(s), expected: cz.zh, found: sz.zh, message: zh, english: en, severity: severity)
    }

    /// (c) the change of total expenditure = the change of 基本支出 + the change of 项目支出, when all three are stated.
    static func basicAndProject(_ look: NarrativeLookup, rule: Rule) -> (findings: [Finding], applicable: Bool) {
        var findings: [Finding] = []
        var applicable = false
        let changes = look.statements.filter { $0.kind == .change && $0.signedChange != nil && $0.direction != .flat }
        for total in changes where total.topic == .expenditure {
            func part(_ m: Measure) -> NarrativeStatement? {
                changes.first { $0.block == total.block && $0.topic == .fact(.expenditureTotal, m) && $0.base?.year == total.base?.year }
            }
            guard let b = part(.basic), let p = part(.project), let tc = total.signedChange,
                  let bc = b.signedChange, let pc = p.signedChange else { continue }
            applicable = true
            let sum = Figure(bc.value + FigureMath.value(pc, in: bc.unit), unit: bc.unit)
            let agreement = NarrativeArithmetic.compare(stated: tc, computed: sum, from: [bc, pc])
            if agreement == .equal { continue }
            let all = [tc, bc, pc]
            let (bz, pz, sz, tz) = (describe(bc, all), describe(pc, all), describe(sum, all), describe(tc, all))
            let zh = "情况说明中基本支出\(bz.zh)、项目支出\(pz.zh)，合计应\(sz.zh)，但说明写支出\(tz.zh)（\(total.quoted)）。"
            let en = "Basic expenditure \(bz.en) and project expenditure \(pz.en) make \(sz.en), but the narrative says total expenditure \(tz.en)."
            findings.append(rule.finding(look.location(total), expected: sz.zh, found: tz.zh, message: zh, english: en,
                                         severity: agreement == .withinRounding ? .warning : nil))
        }
        return (findings, applicable)
    }

    /// "增加 13.66 万元" / "an increase of 13.66".
    static func describe(_ f: Figure, _ all: [Figure]) -> (zh: String, en: String) {
        let v = FigureMath.show(Figure(f.value.magnitude, unit: f.unit), with: all)
        if f.value.isZero { return ("无变化（0）", "no change (0)") }
        let up = !f.value.isNegative
        return ("\(up ? "增加" : "减少") \(v) \(f.unit.rawValue)", "\(up ? "an increase" : "a decrease") of \(v) \(f.unit.english)")
    }
}
