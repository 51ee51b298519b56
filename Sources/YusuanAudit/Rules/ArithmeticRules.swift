import YusuanCore

/// Rules inside one table: hierarchies of codes, total rows, total columns, 三公 items, balance, changes.
public enum ArithmeticRules {
    public static let all: [Rule] = [hierarchy, economicHierarchy, totalRows, totalColumns, threePublic, balance, changeColumns]

    static var hierarchy: Rule { Rule(
        id: "SUM-001", severity: .error, category: .arithmetic,
        title: "功能分类：类 = 所属款之和，款 = 所属项之和", titleEnglish: "Functional classification: each 类 equals the sum of its 款, each 款 the sum of its 项",
        why: "上级科目与下级科目不符，读者无法判断哪一个数字是真的。",
        whyEnglish: "When a parent line disagrees with its children, a reader cannot tell which figure is true.",
        check: { ctx in CodeHierarchy.check(ctx, scheme: .functional, rule: Self.hierarchy) }) }

    static var economicHierarchy: Rule { Rule(
        id: "SUM-002", severity: .error, category: .arithmetic,
        title: "经济分类：类 = 所属款之和", titleEnglish: "Economic classification: each 类 equals the sum of its 款",
        why: "经济分类的类级数字是各款的汇总，不符说明有款漏列或数字抄错。",
        whyEnglish: "An economic 类 is the sum of its 款; a mismatch means a line is missing or miscopied.",
        check: { ctx in CodeHierarchy.check(ctx, scheme: nil, rule: Self.economicHierarchy) }) }

    static var totalRows: Rule { Rule(
        id: "SUM-003", severity: .error, category: .arithmetic,
        title: "合计、小计、总计行 = 所列各项之和", titleEnglish: "合计/小计/总计 rows equal the sum of the lines they total",
        why: "合计行是读者最先看的数字，必须与明细一致。",
        whyEnglish: "Total lines are what readers look at first; they must agree with the detail.",
        check: { ctx in TotalRows.check(ctx, rule: Self.totalRows) }) }

    static var totalColumns: Rule { Rule(
        id: "SUM-004", severity: .error, category: .arithmetic,
        title: "合计列 = 各分列之和（总计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 日常公用经费，小计 = 所属各列）",
        titleEnglish: "Total columns equal their parts (total = basic + project, basic = personnel + public costs, 小计 = its columns)",
        why: "一行之内的合计与分列不符，说明该行至少有一个数字有误。",
        whyEnglish: "Within a row, a total that disagrees with its parts means at least one figure is wrong.",
        check: { ctx in TotalColumns.check(ctx, rule: Self.totalColumns) }) }

    static var threePublic: Rule { Rule(
        id: "SUM-005", severity: .error, category: .arithmetic,
        title: "“三公”经费：合计 = 因公出国（境）+ 公务接待 + 公务用车，公务用车 = 购置 + 运行维护",
        titleEnglish: "“Three public” expenses: total = travel abroad + reception + vehicles; vehicles = purchase + operation",
        why: "“三公”经费受到特别关注，其合计与分项必须一致。",
        whyEnglish: "The “three public” expenses are closely watched; their total and items must agree.",
        check: { ctx in ThreePublicSums.check(ctx, rule: Self.threePublic) }) }

    static var balance: Rule { Rule(
        id: "SUM-006", severity: .error, category: .arithmetic,
        title: "收支总表：收入总计 = 支出总计", titleEnglish: "Summary tables balance: total income equals total expenditure",
        why: "收支总表按“以收定支”编制，收支不平说明表中有数字错误。",
        whyEnglish: "A budget summary balances by construction; an imbalance means a figure is wrong.",
        check: { ctx in Balance.check(ctx, rule: Self.balance) }) }

    static var changeColumns: Rule { Rule(
        id: "SUM-007", severity: .error, category: .arithmetic,
        title: "增减金额 = 本年 − 上年，增减幅度 = 增减金额 ÷ 上年", titleEnglish: "Change columns: change = this year − last year; rate = change ÷ last year",
        why: "增减数与两年数字不符会误导读者对预算变化的判断。",
        whyEnglish: "A change that does not match the two years' figures misleads the reader about how the budget moved.",
        check: { ctx in ChangeColumns.check(ctx, rule: Self.changeColumns) }) }
}
