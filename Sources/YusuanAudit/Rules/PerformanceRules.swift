import YusuanCore

/// Rules on projects and performance targets: project codes, amounts, cost indicators, weights,
/// units, department targets against project targets, and project periods.
public enum PerformanceRules {
    public static let all: [Rule] = [codes, amounts, costs, weights, units, overallTargets, period]

    static var codes: Rule { Rule(
        id: "PRJ-001", severity: .error, category: .performance,
        title: "项目编码格式一致：同一部门的项目编码长度、数字与字母位置、行政区划前缀相同",
        titleEnglish: "Project codes are alike: one length, one pattern of digits and letters, one region prefix per department",
        why: "项目编码是项目在预算管理系统中的唯一标识，编码错漏使项目无法与预算、支付和绩效记录对应。",
        whyEnglish: "A project code identifies the project in the budget system; a wrong code breaks the link to its budget, payments and performance records.",
        check: { ctx in ProjectCodeCheck.check(ctx, rule: Self.codes) }) }

    static var amounts: Rule { Rule(
        id: "PRJ-002", severity: .error, category: .performance,
        title: "项目金额在项目支出表与项目绩效目标表中一致",
        titleEnglish: "Each project's amount is the same in the project list and in its performance form",
        why: "绩效目标是按项目资金设定的，两处金额不同，说明至少一处数字有误。",
        whyEnglish: "Performance targets are set for the project's money; two different amounts mean at least one is wrong.",
        check: { ctx in ProjectAmountCheck.check(ctx, rule: Self.amounts) }) }

    static var costs: Rule { Rule(
        id: "PRJ-003", severity: .error, category: .performance,
        title: "成本指标（以金额计）之和等于项目资金总额",
        titleEnglish: "Cost indicators in money add up to the project's amount",
        why: "成本指标说明项目资金花在哪里，合计与资金总额不符，说明成本测算或资金总额有误。",
        whyEnglish: "Cost indicators say where the project's money goes; if they do not add up to the amount, the costing or the amount is wrong.",
        check: { ctx in CostIndicatorCheck.check(ctx, rule: Self.costs) }) }

    static var weights: Rule { Rule(
        id: "PRJ-004", severity: .warning, category: .performance,
        title: "绩效指标权重之和符合模板规定（如 100 或 90）",
        titleEnglish: "Indicator weights add up to the total the template sets (100, or 90)",
        why: "权重决定绩效评价的打分，合计不对会使评价结果失真。",
        whyEnglish: "Weights drive the performance score; a wrong total distorts the evaluation.",
        check: { ctx in IndicatorWeightCheck.check(ctx, rule: Self.weights) }) }

    static var units: Rule { Rule(
        id: "PRJ-005", severity: .warning, category: .performance,
        title: "指标计量单位与指标类别相符：数量指标不以金额计，成本指标以金额计",
        titleEnglish: "Indicator units fit their kind: quantities are not measured in money, costs are",
        why: "单位与指标类别不符，指标无法衡量它声称衡量的东西。",
        whyEnglish: "An indicator whose unit does not fit its kind cannot measure what it claims to measure.",
        check: { ctx in IndicatorUnitCheck.check(ctx, rule: Self.units) }) }

    static var overallTargets: Rule { Rule(
        id: "PRJ-006", severity: .warning, category: .performance,
        title: "部门整体绩效目标不小于其涵盖的项目绩效目标（同名、同计数单位）",
        titleEnglish: "Department targets are not smaller than the project targets they summarise (same name, same count unit)",
        why: "整体绩效目标汇总各项目的产出，小于单个项目的目标说明两表有一处填错。",
        whyEnglish: "Department targets summarise the projects' outputs; one below a single project's target means one of the two tables is wrong.",
        check: { ctx in OverallTargetCheck.check(ctx, rule: Self.overallTargets) }) }

    static var period: Rule { Rule(
        id: "PRJ-007", severity: .notice, category: .performance,
        title: "项目起止时间为日期或年份，终止不早于起始，一年期项目始于预算年度",
        titleEnglish: "Project start and end are dates or years, the end is not before the start, and a one-year project starts in the budget year",
        why: "起止时间界定了绩效目标的考核期，填成期限或顺序颠倒，考核期就不明确。",
        whyEnglish: "The start and end define the period the targets are assessed over; a duration or a reversed order leaves it unclear.",
        check: { ctx in ProjectPeriodCheck.check(ctx, rule: Self.period) }) }
}
