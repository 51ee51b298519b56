import YusuanCore

/// NAR-005: "完成预算的 X%" = 决算 ÷ 预算; "占 Y%" = part ÷ whole.
enum NarrativePercentages {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let look = NarrativeLookup(ctx)
        var findings: [Finding] = []
        var applicable = false
        for (k, s) in look.statements.enumerated() {
            guard let stated = s.number else { continue }
            switch s.kind {
            case .completion:
                guard let fin = look.value(s.topic, scope: s.scope, year: s.year, phase: .final, block: s.block),
                      let bud = look.budget(s) else { continue }
                applicable = true
                if let f = compare(s, stated: stated, part: fin, whole: bud, look: look, rule: rule,
                                   what: ("决算", "预算", "completion")) { findings.append(f) }
            case .share(let named):
                let before = look.statements[..<k]
                guard let part = before.last(where: { $0.sentenceIndex == s.sentenceIndex && $0.kind == .level && $0.figure != nil }),
                      let pf = part.figure, let whole = named ?? part.topic?.whole,
                      let wf = look.value(whole, scope: part.scope, year: part.year, phase: part.phase, block: part.block) else { continue }
                applicable = true
                let p = FoundFigure(figure: pf, zh: "情况说明\(part.quoted)", en: part.clause)
                if let f = compare(s, stated: stated, part: p, whole: wf, look: look, rule: rule,
                                   what: (look.name(part).zh, whole.name(catalog: ctx.functionalCatalog).zh, "share")) { findings.append(f) }
            default:
                continue
            }
        }
        if findings.isEmpty && !applicable {
            return .notApplicable(reason: "the narrative states no percentage whose figures are known")
        }
        return .ran(findings)
    }

    static func compare(_ s: NarrativeStatement, stated: Fixed, part: FoundFigure, whole: FoundFigure, look: NarrativeLookup,
                        rule: Rule, what: (part: String, whole: String, kind: String)) -> Finding? {
        let name = look.name(s)
        let all = [part.figure, whole.figure]
        let p = FigureMath.show(part.figure, with: all), w = FigureMath.show(whole.figure, with: all)
        if whole.figure.value.isZero {
            // A completion rate of a zero budget is meaningless even when it says 0%: 0 ÷ 0 is no rate.
            if what.kind == "completion" {
                return rule.finding(look.location(s), expected: "—", found: "\(stated)%",
                                    message: "情况说明\(s.quoted)给出\(name.zh)完成预算的百分比，但预算（\(whole.zh)）为 0，"
                                        + "无法计算完成率，百分比没有意义；应说明未安排预算（决算 \(p)）。",
                                    english: "The narrative gives a completion rate for \(name.en) (\(s.clause)), but the budget (\(whole.en)) is 0, "
                                        + "so no rate can be computed; it should say that nothing was budgeted (outturn \(p)).",
                                    severity: .notice)
            }
            guard !stated.isZero else { return nil }
            return rule.finding(look.location(s), expected: "—", found: "\(stated)%",
                                message: "情况说明\(s.quoted)给出百分比，但\(what.whole)（\(whole.zh)）为 0，百分比没有意义。",
                                english: "The narrative gives a percentage (\(s.clause)), but the whole (\(whole.en)) is 0.",
                                severity: .notice)
        }
        let agreement = PercentCheck.compare(stated, part: part.figure, whole: whole.figure)
        if agreement == .equal { return nil }
        let right = PercentCheck.shown(part.figure, of: whole.figure, digits: stated.scale)
        var zh: String
        var en: String
        if what.kind == "completion" {
            zh = "情况说明\(s.quoted)：\(name.zh)决算 \(p)（\(part.zh)）÷ 预算 \(w)（\(whole.zh)）= \(right)，说明写 \(stated)%。"
            en = "\(s.clause): \(name.en) outturn \(p) ÷ budget \(w) = \(right), not \(stated)%."
        } else {
            zh = "情况说明\(s.quoted)：\(what.part) \(p)（\(part.zh)）÷ \(what.whole) \(w)（\(whole.zh)）= \(right)，说明写 \(stated)%。"
            en = "\(s.clause): \(name.en) \(p) ÷ \(w) (\(whole.en)) = \(right), not \(stated)%."
        }
        if agreement == .withinRounding {
            zh += PercentCheck.roundingZh
            en += PercentCheck.roundingEn
        }
        return rule.finding(look.location(s), expected: right, found: "\(stated)%", message: zh, english: en,
                            severity: agreement == .withinRounding ? .warning : nil)
    }
}
