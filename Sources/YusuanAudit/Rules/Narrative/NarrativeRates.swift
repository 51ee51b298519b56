import YusuanCore

/// "增长 Z%" / "下降 Z%" recomputed as change ÷ the compared year's figure (part of NAR-003).
enum NarrativeRates {
    /// What a rate is computed from.
    struct Inputs {
        var change: Figure
        /// The change was stated in the same sentence (else recomputed from the two figures).
        var stated: Bool
        var base: Figure
        var baseZh: String
        var baseEn: String
    }

    /// The change (stated before the rate in its sentence, else recomputed) and the compared year's figure
    /// (known, else this year's figure less the change).
    static func inputs(_ s: NarrativeStatement, before: [NarrativeStatement], look: NarrativeLookup) -> Inputs? {
        let prior = before.last { $0.kind == .change && $0.sentenceIndex == s.sentenceIndex && $0.topic == s.topic && $0.signedChange != nil }
        let ends = prior.flatMap(look.changeEnds) ?? look.changeEnds(s)
        guard let change = prior?.signedChange ?? ends.map({ FigureMath.minus($0.now.figure, $0.then.figure) }) else { return nil }
        if let then = ends?.then {
            return Inputs(change: change, stated: prior != nil, base: then.figure, baseZh: then.zh, baseEn: then.en)
        }
        let y = s.base?.year ?? s.year
        let ph = s.base?.phase ?? s.phase
        guard y != s.year || ph != s.phase,
              let now = look.value(s.topic, scope: s.scope, year: s.year, phase: s.phase, block: s.block) else { return nil }
        let base = FigureMath.minus(now.figure, change)
        let shown = FigureMath.show(base, with: [now.figure, change])
        return Inputs(change: change, stated: prior != nil, base: base,
                      baseZh: "\(now.zh) \(FigureMath.show(now.figure, with: [change])) 减去变动额，即 \(shown)",
                      baseEn: "\(now.en) less the change, \(shown)")
    }

    static func check(_ s: NarrativeStatement, inputs i: Inputs, look: NarrativeLookup, rule: Rule) -> Finding? {
        guard let stated = s.number, let dir = s.direction else { return nil }
        let name = look.name(s)
        let all = [i.change, i.base]
        let c = FigureMath.show(Figure(i.change.value.magnitude, unit: i.change.unit), with: all)
        let b = FigureMath.show(i.base, with: all)
        if i.base.value.isZero {
            guard !stated.isZero else { return nil }
            return rule.finding(look.location(s), expected: "—", found: "\(stated)%",
                                message: "情况说明\(s.quoted)给出\(name.zh)的变动幅度，但比较基数（\(i.baseZh)）为 0，百分比没有意义。",
                                english: "The narrative gives a rate of change for \(name.en) (\(s.clause)), but the base (\(i.baseEn)) is 0, so a percentage means nothing.",
                                severity: .notice)
        }
        let sign = FigureMath.sign(i.change)
        if sign != 0 && sign != dir.sign {
            let word = sign > 0 ? "增长" : "下降"
            return rule.finding(look.location(s), expected: word, found: dir == .up ? "增长" : "下降",
                                message: "情况说明\(s.quoted)说\(name.zh)\(dir == .up ? "增长" : "下降")，但变动额为\(sign > 0 ? "增加" : "减少") \(c)，应为“\(word)”。",
                                english: "The narrative says \(name.en) \(dir == .up ? "rose" : "fell") (\(s.clause)), but the change is \(sign > 0 ? "+" : "−")\(c).")
        }
        let agreement = PercentCheck.compare(stated, part: i.change, whole: i.base)
        if agreement == .equal { return nil }
        let right = PercentCheck.shown(i.change, of: i.base, digits: stated.scale)
        let within = agreement == .withinRounding
        return rule.finding(look.location(s), expected: right, found: "\(stated)%",
                            message: "情况说明\(s.quoted)：\(name.zh)变动 \(c) ÷ 比较基数 \(b)（\(i.baseZh)）= \(right)，说明写 \(stated)%。"
                                + (within ? PercentCheck.roundingZh : ""),
                            english: "\(s.clause): \(name.en) changes by \(c) on a base of \(b) (\(i.baseEn)), which is \(right), not \(stated)%."
                                + (within ? PercentCheck.roundingEn : ""),
                            severity: within ? .warning : nil)
    }
}
