import YusuanCore

/// NAR-003: comparison words against the figures — 增加/减少/持平, 大于/小于/等于, "增长 Z%".
enum NarrativeDirections {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let look = NarrativeLookup(ctx)
        var findings: [Finding] = []
        var applicable = false
        for (k, s) in look.statements.enumerated() {
            if let f = reasons(s, look: look, rule: rule) {
                applicable = true
                findings.append(f)
            }
            switch s.kind {
            case .change:
                guard let (now, then) = look.changeEnds(s) else { continue }
                applicable = true
                if let f = word(s, now: now, then: then, look: look, rule: rule) { findings.append(f) }
            case .relation(let r):
                guard let fin = look.value(s.topic, scope: s.scope, year: s.year, phase: .final, block: s.block),
                      let bud = look.budget(s) else { continue }
                applicable = true
                if let f = relation(s, r, final: fin, budget: bud, look: look, rule: rule) { findings.append(f) }
            case .rate:
                guard let inputs = NarrativeRates.inputs(s, before: Array(look.statements[..<k]), look: look) else { continue }
                applicable = true
                if let f = NarrativeRates.check(s, inputs: inputs, look: look, rule: rule) { findings.append(f) }
            default:
                continue
            }
        }
        if findings.isEmpty && !applicable {
            return .notApplicable(reason: "the narrative makes no comparison whose figures are known")
        }
        return .ran(findings)
    }

    /// 增加 with a fall or no change, 减少 with a rise, 持平 with a change.
    static func word(_ s: NarrativeStatement, now: FoundFigure, then: FoundFigure, look: NarrativeLookup, rule: Rule) -> Finding? {
        guard let dir = s.direction else { return nil }
        let d = FigureMath.minus(now.figure, then.figure)
        let sign = FigureMath.sign(d)
        if let stated = s.figure, dir != .flat {
            // Only the word is at issue when the size is right; a wrong size is NAR-002's finding.
            guard FigureComparison.same(Figure(d.value.magnitude, unit: d.unit), stated) == .equal else { return nil }
            if stated.value.isZero || sign == dir.sign { return nil }
        } else if sign == dir.sign {
            return nil
        }
        let all = [now.figure, then.figure]
        let name = look.name(s)
        let y1 = look.when(s.year, s.phase), y0 = look.when(s.base?.year, s.base?.phase ?? s.phase)
        let actual = NarrativeChanges.describe(d, all)
        let zh = "情况说明\(s.quoted)用“\(dir.chinese)”描述\(name.zh)，但\(y1.zh) \(FigureMath.show(now.figure, with: all))（\(now.zh)）"
            + "与\(y0.zh) \(FigureMath.show(then.figure, with: all))（\(then.zh)）相比实际为\(actual.zh)。"
        let en = "The narrative words \(name.en) as \(dir.english) (\(s.clause)), but \(y1.en) \(FigureMath.show(now.figure, with: all)) "
            + "against \(y0.en) \(FigureMath.show(then.figure, with: all)) is \(actual.en)."
        return rule.finding(look.location(s), expected: actual.zh, found: dir.chinese, message: zh, english: en)
    }

    /// The reasons given point the other way: "减少 2.98%。主要原因是：…经费增加". A notice: one reason may
    /// explain a part that went against the whole.
    static func reasons(_ s: NarrativeStatement, look: NarrativeLookup, rule: Rule) -> Finding? {
        var said = s.direction
        if case .relation(let r) = s.kind, r.kind != .equal {
            said = (r.kind == .less) == r.finalFirst ? .down : .up
        }
        guard let said, said != .flat, !s.reasons.isEmpty, s.reasons.allSatisfy({ $0.direction.sign == -said.sign }) else { return nil }
        let reason = s.reasons.map(\.text).joined(separator: "；")
        return rule.finding(look.location(s), expected: said.chinese, found: reason,
                            message: "情况说明\(s.quoted)说\(look.name(s).zh)\(said.chinese)，但所列原因“\(reason)”说的是\(s.reasons[0].direction.chinese)。",
                            english: "The narrative says \(look.name(s).en) shows \(said.english) (\(s.clause)), but the reason it gives (\(reason)) points the other way.",
                            severity: .notice)
    }

    /// "决算数小于预算数" against the two figures.
    static func relation(_ s: NarrativeStatement, _ r: PhaseRelation, final: FoundFigure, budget: FoundFigure,
                         look: NarrativeLookup, rule: Rule) -> Finding? {
        let diff = FigureMath.minus(final.figure, budget.figure)
        let d = FigureMath.sign(diff)
        let wanted: Int = r.kind == .greater ? 1 : r.kind == .less ? -1 : 0
        if d == (r.finalFirst ? wanted : -wanted) { return nil }
        // "基本持平": a difference of at most 1% of the budget is what the hedge admits.
        if r.approximately, let near = nearlyEqual(diff, budget: budget.figure), near { return nil }
        let actual = d > 0 ? "决算数大于预算数" : d < 0 ? "决算数小于预算数" : "决算数等于预算数"
        let actualEn = d > 0 ? "above" : d < 0 ? "below" : "equal to"
        let all = [final.figure, budget.figure]
        let name = look.name(s)
        var zh = "情况说明\(s.quoted)与数字不符：\(name.zh)决算 \(FigureMath.show(final.figure, with: all))（\(final.zh)），"
            + "预算 \(FigureMath.show(budget.figure, with: all))（\(budget.zh)），应为“\(actual)”。"
        var en = "The narrative's comparison (\(s.clause)) contradicts the figures: \(name.en) outturn \(FigureMath.show(final.figure, with: all)) "
            + "is \(actualEn) the budget \(FigureMath.show(budget.figure, with: all))."
        if r.approximately {
            zh += "两者相差超过预算的 \(nearlyEqualPercent)%，不宜称“基本持平”。"
            en += " They differ by more than \(nearlyEqualPercent)% of the budget, too much for “roughly equal”."
        }
        return rule.finding(look.location(s), expected: actual, found: s.clause, message: zh, english: en,
                            severity: r.approximately ? .warning : nil)
    }

    /// The largest difference, in percent of the budget, that "基本持平" covers.
    static let nearlyEqualPercent = 1

    /// Whether `diff` is at most `nearlyEqualPercent` of the budget (nil when the amounts cannot be compared).
    static func nearlyEqual(_ diff: Figure, budget: Figure) -> Bool? {
        guard let d = diff.amount?.fen, let b = budget.amount?.fen else { return nil }
        return d.magnitude * 100 <= b.magnitude * UInt64(nearlyEqualPercent)
    }
}
