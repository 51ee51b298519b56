import YusuanCore

/// Rules across tables: one quantity printed twice must print the same.
public enum CrossTableRules {
    public static let all: [Rule] = [functional, totals, threePublicEconomic, correspondences]

    static var functional: Rule { Rule(
        id: "XT-001", severity: .error, category: .crossTable,
        title: "同一功能科目（类/款/项）在各表中的数字一致", titleEnglish: "Each functional 类/款/项 figure is the same in every table that prints it",
        why: "同一科目在不同表中数字不同，读者无法知道实际安排了多少。",
        whyEnglish: "When tables disagree on one line, a reader cannot know what was actually budgeted.",
        check: { ctx in SameQuantity.check(ctx, rule: Self.functional) { if case .functional = $0 { return true }; return false } }) }

    static var totals: Rule { Rule(
        id: "XT-002", severity: .error, category: .crossTable,
        title: "收支合计、基本支出（人员经费、日常公用经费）、项目支出、“三公”经费、项目金额在各表中一致",
        titleEnglish: "Totals, basic expenditure and its parts, project expenditure, “three public” items and project amounts agree across tables",
        why: "总表、支出表、基本支出表和项目表是同一预算的不同切面，合计必须相同。",
        whyEnglish: "The summary, expenditure, basic-expenditure and project tables are views of one budget; their totals must agree.",
        check: { ctx in SameQuantity.check(ctx, rule: Self.totals) { if case .functional = $0 { return false }; if case .economic = $0 { return false }; return true } }) }

    static var threePublicEconomic: Rule { Rule(
        id: "XT-003", severity: .error, category: .crossTable,
        title: "基本支出表中的公务接待费（30217）、公务用车运行维护费（30231）、因公出国（境）费（30212）、公务用车购置（31013）不超过“三公”经费表对应项",
        titleEnglish: "Basic-expenditure lines 30217, 30231, 30212 and 31013 do not exceed the matching “three public” items",
        why: "“三公”经费表应包含基本支出中的全部“三公”开支，否则“三公”经费被少报。",
        whyEnglish: "The “three public” table must include every such expense in basic expenditure, or those expenses are under-reported.",
        check: { ctx in ThreePublicEconomic.check(ctx, rule: Self.threePublicEconomic) }) }

    static var correspondences: Rule { Rule(
        id: "XT-004", severity: .error, category: .crossTable,
        title: "对应的经济科目与功能科目一致（30108 ↔ 2080505，30109 ↔ 2080506，30113 ↔ 2210201 …）",
        titleEnglish: "Economic lines equal the functional lines they correspond to (30108 ↔ 2080505, 30109 ↔ 2080506, 30113 ↔ 2210201 …)",
        why: "养老保险、职业年金、住房公积金等在经济分类和功能分类中是同一笔钱，两处必须一致。",
        whyEnglish: "Pension, occupational annuity and housing fund contributions are the same money in both classifications.",
        check: { ctx in Correspondences.check(ctx, rule: Self.correspondences) }) }
}
