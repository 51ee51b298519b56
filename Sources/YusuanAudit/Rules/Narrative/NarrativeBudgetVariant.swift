import YusuanCore

/// Which budget a 决算 is measured against: the 年初预算 (as passed) or the 调整预算 (as adjusted during
/// the year). A 决算 table may print both as columns; "完成年初预算的 98%" and "完成调整预算的 99%" name one.
enum BudgetVariant: Sendable, Equatable {
    case initial, adjusted

    /// The variant words name ("年初预算数", "调整后预算", "调整预算"); nil when they say only 预算.
    static func of(_ text: String) -> BudgetVariant? {
        let k = TextNormalization.key(text)
        if k.contains("调整预算") || k.contains("调整后预算") || k.contains("调整后的预算") || k.contains("预算调整数") { return .adjusted }
        if k.contains("年初预算") { return .initial }
        return nil
    }

    /// Whether a figure labelled `words` may stand for this variant: its own, or one that names none.
    /// `exact` asks for its own only.
    func accepts(_ words: String, exact: Bool) -> Bool {
        let v = Self.of(words)
        return exact ? v == self : (v == nil || v == self)
    }
}

extension NarrativeLookup {
    /// The budget figure a statement compares a 决算 with: of the variant its words name (年初 / 调整),
    /// preferring figures labelled with that variant over plain 预算 ones; any budget when it names none.
    func budget(_ s: NarrativeStatement) -> FoundFigure? {
        let t = s.topic
        guard let variant = BudgetVariant.of(s.words + s.clause) else {
            return value(t, scope: s.scope, year: s.year, phase: .budget, block: s.block)
        }
        return value(t, scope: s.scope, year: s.year, phase: .budget, block: s.block, variant: variant, exact: true)
            ?? value(t, scope: s.scope, year: s.year, phase: .budget, block: s.block, variant: variant, exact: false)
    }
}
