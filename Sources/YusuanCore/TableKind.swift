/// The kinds of table a disclosure holds. Titles vary by region and year; the recogniser maps them here.
public enum TableKind: String, Sendable, Codable, CaseIterable {
    /// 部门收支总表 (收入 | 支出 side by side, all funds).
    case budgetSummary = "budget-summary"
    /// 部门收入总表.
    case revenueSummary = "revenue-summary"
    /// 部门支出总表.
    case expenditureSummary = "expenditure-summary"
    /// 财政拨款收支总表.
    case fiscalSummary = "fiscal-summary"
    /// 一般公共预算财政拨款支出表.
    case generalExpenditure = "general-expenditure"
    /// 一般公共预算财政拨款基本支出表 (by economic classification).
    case basicExpenditure = "basic-expenditure"
    /// 一般公共预算"三公"经费支出表.
    case threePublic = "three-public"
    /// 政府性基金预算支出表.
    case govFundExpenditure = "gov-fund-expenditure"
    /// 国有资本经营预算支出表.
    case stateCapitalExpenditure = "state-capital-expenditure"
    /// 项目支出表 / 项目支出明细表.
    case projectList = "project-list"
    /// 政府采购预算表.
    case procurement = "procurement"
    /// 部门整体绩效目标表.
    case overallPerformance = "overall-performance"
    /// 项目绩效目标表 (one per project).
    case projectPerformance = "project-performance"
    /// 财政专户管理资金预算支出表 and other tables Yusuan recognises but checks only generically.
    case other = "other"

    public var chineseName: String {
        switch self {
        case .budgetSummary: "部门收支总表"
        case .revenueSummary: "部门收入总表"
        case .expenditureSummary: "部门支出总表"
        case .fiscalSummary: "财政拨款收支总表"
        case .generalExpenditure: "一般公共预算财政拨款支出表"
        case .basicExpenditure: "一般公共预算财政拨款基本支出表"
        case .threePublic: "“三公”经费支出表"
        case .govFundExpenditure: "政府性基金预算支出表"
        case .stateCapitalExpenditure: "国有资本经营预算支出表"
        case .projectList: "项目支出表"
        case .procurement: "政府采购预算表"
        case .overallPerformance: "部门整体绩效目标表"
        case .projectPerformance: "项目绩效目标表"
        case .other: "其他表"
        }
    }

    public var englishName: String {
        switch self {
        case .budgetSummary: "revenue and expenditure summary"
        case .revenueSummary: "revenue summary"
        case .expenditureSummary: "expenditure summary"
        case .fiscalSummary: "fiscal appropriation summary"
        case .generalExpenditure: "general public budget expenditure"
        case .basicExpenditure: "basic expenditure by economic class"
        case .threePublic: "“three public” expenses"
        case .govFundExpenditure: "government fund expenditure"
        case .stateCapitalExpenditure: "state capital operation expenditure"
        case .projectList: "project expenditure list"
        case .procurement: "government procurement"
        case .overallPerformance: "department performance targets"
        case .projectPerformance: "project performance targets"
        case .other: "other table"
        }
    }

    /// Whether the table sets 收入 and 支出 side by side.
    public var isSideBySide: Bool { self == .budgetSummary || self == .fiscalSummary }
}
