import YusuanCore

/// Identities of 决算 (final accounts) tables that budget tables do not have: the balance of carried and
/// used balances, and spending columns beyond 基本支出 and 项目支出. Rules under Rules/Final/.
public enum FinalRules {
    public static let all: [Rule] = [balance, spendingColumns]

    static var balance: Rule { Rule(
        id: "FIN-001", severity: .error, category: .arithmetic,
        title: "决算收支平衡：年初结转和结余 + 本年收入 + 使用结余 = 本年支出 + 结余分配 + 年末结转和结余",
        titleEnglish: "Final accounts balance: balances brought forward + income + balances used = expenditure + distribution + balances carried forward",
        why: "决算的资金来源与去向必须相等，不平说明结转结余或收支数字有误。",
        whyEnglish: "In final accounts, where the money came from must equal where it went; an imbalance means a balance, income or spending figure is wrong.",
        check: { ctx in FinalBalance.check(ctx, rule: FinalRules.balance) }) }

    static var spendingColumns: Rule { Rule(
        id: "FIN-002", severity: .error, category: .arithmetic,
        title: "支出决算：合计（决算数、本年支出合计）= 基本支出 + 项目支出（+ 上缴上级支出 + 经营支出 + 对附属单位补助支出），年初预算、调整预算、决算各组分别相加",
        titleEnglish: "Final spending columns: the total (决算数, 本年支出合计) equals basic + project (+ remittances to the higher level + operating + grants to affiliates), each group (initial budget, adjusted budget, outturn) on its own",
        why: "支出按性质分列后必须加回合计，否则该行至少有一个数字有误。",
        whyEnglish: "Spending split by nature must add back to its total; otherwise at least one figure in the row is wrong.",
        check: { ctx in FinalSpendingColumns.check(ctx, rule: FinalRules.spendingColumns) }) }
}
