import YusuanCore

/// The terms of the 决算 balance: 年初结转和结余 + 本年收入 + 使用结余 = 本年支出 + 结余分配 + 年末结转和结余.
/// Templates word them differently (年初财政拨款结转和结余, 使用非财政拨款结余（含专用结余）, 使用专用结余 …),
/// so a term is recognised by the words of its label key, never by a literal label.
enum FinalBalanceTerm: CaseIterable, Sendable {
    case opening, income, useOfBalances, expenditure, distribution, closing

    /// Whether the term is on the sources side (收入) of the identity.
    var isSource: Bool { self == .opening || self == .income || self == .useOfBalances }

    var chinese: String {
        switch self {
        case .opening: "年初结转和结余"
        case .income: "本年收入"
        case .useOfBalances: "使用结余"
        case .expenditure: "本年支出"
        case .distribution: "结余分配"
        case .closing: "年末结转和结余"
        }
    }

    var english: String {
        switch self {
        case .opening: "balances brought forward"
        case .income: "this year's income"
        case .useOfBalances: "balances used"
        case .expenditure: "this year's expenditure"
        case .distribution: "distribution of balances"
        case .closing: "balances carried forward"
        }
    }

    /// The term a row label (or column heading) names, if any. `totalLine`: the row is a 合计 line,
    /// which is how 本年收入合计 / 本年支出合计 are printed.
    static func of(_ label: String, totalLine: Bool) -> FinalBalanceTerm? {
        let k = TextNormalization.key(label)
        let carry = k.containsText("结转") || k.containsText("结余")
        if k.containsText("结余分配") { return .distribution }
        if k.containsText("年初") && carry { return .opening }
        if k.containsText("年末") && carry { return .closing }
        if k.containsText("使用") && k.containsText("结余") { return .useOfBalances }
        if carry { return nil }
        let thisYear = k.containsText("本年") || totalLine
        if thisYear && k.containsText("收入") && !k.containsText("支出") && (totalLine || k.containsText("合计") || k.hasSuffix("本年收入")) { return .income }
        if thisYear && k.containsText("支出") && !k.containsText("收入") && (totalLine || k.containsText("合计") || k.hasSuffix("本年支出")) { return .expenditure }
        return nil
    }
}

/// One printed term of the balance: its figure and where it is printed.
struct FinalBalanceEntry: Sendable {
    var term: FinalBalanceTerm
    var label: String
    var figure: Figure
    var location: FindingLocation
}
