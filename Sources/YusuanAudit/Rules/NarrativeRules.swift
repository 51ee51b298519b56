import YusuanCore

/// Rules of the narrative (情况说明) against the tables and against itself. The narrative is read by
/// `NarrativeParser` (Rules/Narrative/) into statements: levels, changes, rates, shares, counts.
public enum NarrativeRules {
    public static let all: [Rule] = [figures, changes, directions, years, percentages, absences, sums]

    static var figures: Rule { Rule(
        id: "NAR-001", severity: .error, category: .narrative,
        title: "情况说明所述数字与表中同一数字一致",
        titleEnglish: "A figure the narrative states equals the table figure of the same quantity",
        why: "情况说明是读者最先看的部分，其数字与表格不符会误导读者。",
        whyEnglish: "Readers read the narrative first; a figure there that differs from the tables misleads them.",
        check: { ctx in NarrativeStatedFigures.check(ctx, rule: NarrativeRules.figures) }) }

    static var changes: Rule { Rule(
        id: "NAR-002", severity: .error, category: .narrative,
        title: "情况说明所述增减额可以复算：本年 − 上年；所列原因之和；基本支出与项目支出增减之和",
        titleEnglish: "Stated changes recompute: this year − last year; the listed reasons add up; basic + project changes make the total change",
        why: "增减额及其原因是说明预算变化的依据，算不平说明数字或原因有误。",
        whyEnglish: "The change and its reasons explain the budget; if they do not add up, a figure or a reason is wrong.",
        check: { ctx in NarrativeChanges.check(ctx, rule: NarrativeRules.changes) }) }

    static var directions: Rule { Rule(
        id: "NAR-003", severity: .error, category: .narrative,
        title: "增加/减少/持平、大于/小于、增长率等比较用语与数字相符（含“决算数大于/小于/等于预算数”与该类/款/项的数字；“基本持平”容许相差预算的 1%）",
        titleEnglish: "Comparison words (increase, decrease, unchanged, above, below, growth rates) agree with the figures, including “决算数大于/小于/等于预算数” against that line's figures (“roughly equal” admits 1% of the budget)",
        why: "把减少说成增加、把不同说成一样，会让读者对预算变化得出相反的结论。",
        whyEnglish: "Calling a fall a rise, or a change no change, leads readers to the opposite conclusion.",
        check: { ctx in NarrativeDirections.check(ctx, rule: NarrativeRules.directions) }) }

    static var years: Rule { Rule(
        id: "NAR-004", severity: .error, category: .narrative,
        title: "情况说明中的年份正确：与上年比较的年份、截止日期、标题年份",
        titleEnglish: "Years in the narrative are right: the year compared with, cut-off dates, heading years",
        why: "年份写错通常是套用往年文本留下的痕迹，所比较的数字也可能随之出错。",
        whyEnglish: "A wrong year is usually left over from last year's text, and the figures compared may be wrong with it.",
        check: { ctx in NarrativeYears.check(ctx, rule: NarrativeRules.years) }) }

    static var percentages: Rule { Rule(
        id: "NAR-005", severity: .error, category: .narrative,
        title: "情况说明中的百分比可以复算：完成（年初/调整）预算的百分比 = 决算 ÷ 该预算，占比 = 部分 ÷ 总数；预算为 0 时完成率没有意义",
        titleEnglish: "Percentages recompute: completion = outturn ÷ the (initial or adjusted) budget named, a share = part ÷ whole; a completion rate of a zero budget is meaningless",
        why: "百分比是对数字的概括，算错会让读者误判预算执行情况和支出结构。",
        whyEnglish: "Percentages summarise the figures; a wrong one misstates how the budget was executed or spent.",
        check: { ctx in NarrativePercentages.check(ctx, rule: NarrativeRules.percentages) }) }

    static var absences: Rule { Rule(
        id: "NAR-006", severity: .warning, category: .narrative,
        title: "情况说明称“无…”时表中没有数字，引用的数字不来自空表",
        titleEnglish: "What the narrative says is absent has no figures in the tables, and it cites no figure of a table printed empty",
        why: "说明与表格对同一事项一说有、一说无，读者无法判断哪一个是真的。",
        whyEnglish: "When the narrative and a table disagree on whether something exists, a reader cannot tell which is true.",
        check: { ctx in NarrativeAbsences.check(ctx, rule: NarrativeRules.absences) }) }

    static var sums: Rule { Rule(
        id: "NAR-007", severity: .error, category: .narrative,
        title: "情况说明中的合计等于其所列各部分之和（支出、“三公”经费、政府采购等）",
        titleEnglish: "Totals in the narrative equal the parts it lists (expenditure, “three public” expenses, procurement)",
        why: "说明内部数字自相矛盾，读者无法知道哪个数字是对的。",
        whyEnglish: "When the narrative contradicts itself, a reader cannot know which figure is right.",
        check: { ctx in NarrativeSums.check(ctx, rule: NarrativeRules.sums) }) }
}
