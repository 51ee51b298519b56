import YusuanCore

/// Which way a change goes, as the narrative words it.
enum ChangeDirection: Sendable, Equatable {
    case up, down, flat

    var sign: Int { self == .up ? 1 : self == .down ? -1 : 0 }
    var chinese: String { self == .up ? "增加" : self == .down ? "减少" : "持平" }
    var english: String { self == .up ? "an increase" : self == .down ? "a decrease" : "no change" }
}

/// What a change is measured against: "比2021年", "较上年", "与2020年度预算相比".
struct ComparisonBase: Sendable, Equatable {
    /// The year compared with (nil when the document's year is unknown and the text says 上年).
    var year: Int?
    var phase: Phase
    /// The year as written; nil for 上年 / 去年 / 同比.
    var statedYear: Int?
    /// Whether the words name a phase (…年度预算, …年决算).
    var namesPhase: Bool
    var text: String
}

/// One listed reason for a change: "化解疑难信访案件经费拨款增加 10 万元".
struct ChangeComponent: Sendable {
    var figure: Figure
    /// nil when no word gives the sign.
    var direction: ChangeDirection?
    var text: String

    var signed: Figure? {
        guard let d = direction, d != .flat else { return nil }
        return Figure(d == .down ? -figure.value : figure.value, unit: figure.unit)
    }
}

/// A reason given without an amount, and the direction its words end with.
struct StatedReason: Sendable {
    var direction: ChangeDirection
    var text: String
}

/// "决算数小于预算数": which relation, and whether the 决算 figure is named first.
struct PhaseRelation: Sendable, Equatable {
    enum Kind: Sendable { case greater, less, equal }
    var kind: Kind
    var finalFirst: Bool
    /// "基本持平", "基本一致": equal within a small difference (`NarrativeDirections.nearlyEqualPercent`).
    var approximately = false
}

/// One figure or claim stated in the narrative, with its context.
struct NarrativeStatement: Sendable {
    enum Kind: Sendable, Equatable {
        /// "卫生健康支出 32.64 万元".
        case level
        /// "无因公出国（境）费用", "未安排…": a zero stated in words.
        case none
        /// "本单位无政府性基金预算": a whole fund said to be absent.
        case noFund(FundScope)
        /// "比 2021 年增加 13.66 万元", "与 2021 年一样" (no figure).
        case change
        /// "增长 10.14%".
        case rate
        /// "占 63.42%": of the named whole, or of the topic's whole when nil.
        case share(NarrativeTopic?)
        /// "完成预算的 83.44%".
        case completion
        /// "决算数小于预算数".
        case relation(PhaseRelation)
        /// "车辆 1 辆", "在编在岗人员 27 人": the counted word.
        case count(String)
    }

    var kind: Kind
    var topic: NarrativeTopic?
    /// The words the narrative used for it (or the topic's name when the clause names nothing).
    var label: String
    var scope: FundScope
    var year: Int?
    var phase: Phase
    /// A money figure: the level, or the size of a change (unsigned).
    var figure: Figure?
    /// A percentage or a count.
    var number: Fixed?
    var direction: ChangeDirection?
    var base: ComparisonBase?
    var components: [ChangeComponent] = []
    /// Listed reasons without an amount that end in a direction ("…经费增加", "…公用经费减少").
    var reasons: [StatedReason] = []
    /// Stated after "其中" as a part of the figure before.
    var isPart: Bool
    /// The words before the figure in its clause ("2023年当年预算执行数为").
    var words: String
    var clause: String
    var sentence: String
    var location: SourceLocation
    var block: Int
    var sentenceIndex: Int

    /// The change as a signed figure, when the narrative gives its size and direction.
    var signedChange: Figure? {
        guard kind == .change, let f = figure, let d = direction else { return nil }
        if d == .flat { return .blank(f.unit) }
        return Figure(d == .down ? -f.value : f.value, unit: f.unit)
    }

    /// "情况说明「…」" — the clause quoted for a message.
    var quoted: String { "「\(clause)」" }
}
