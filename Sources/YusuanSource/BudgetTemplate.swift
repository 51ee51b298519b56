import YusuanCore

/// The starting point of a budget source: one example row in every table, valid as it stands,
/// with the year's code lists beside it (`yusuan template`).
public enum BudgetTemplate {
    /// An example budget for `year` and `profile`: one unit, a personnel and a project line item,
    /// a project with indicators weighted to the profile's total, last year's figures and reasons.
    public static func make(year: Int, profile: String) -> Budget {
        let p = ProfileLibrary.profile(id: profile)
        let projectTotal = p?.performanceWeightTotal ?? 100
        let overallTotal = p?.overallWeightTotal ?? p?.performanceWeightTotal ?? 100
        let unit = "001"
        let project = "500000\(String(format2(year % 100)))T000000000001"
        let half = Fixed(projectTotal / 2)
        let indicators = [
            Indicator(level1: "产出指标", level2: "数量指标", name: "办理事项数量", op: "≥", value: Fixed(100), unit: "件", weight: half),
            Indicator(level1: "效益指标", level2: "社会效益指标", name: "群众满意度", op: "≥", value: Fixed(90), unit: "%",
                      weight: Fixed(projectTotal) - half),
        ]
        return Budget(
            department: "某某区某某局", departmentCode: "001", year: year, profile: profile,
            units: [BudgetUnit(code: unit, name: "某某区某某局（本级）", kind: .administrative)],
            duties: "（职能职责：每段一行。）\n负责……工作。", composition: "（单位构成：本部门由……组成。）",
            staffing: Staffing(inPost: 10, retired: 2, asOf: "\(year - 1)年12月"),
            revenue: [RevenueItem(unit: unit, source: .generalBudget, amount: Amount(fen: 15_000_000))],
            lineItems: [
                LineItem(unit: unit, functional: "2010301", economic: "30101", governmentEconomic: "50101", nature: .personnel,
                         fund: .generalBudget, amount: Amount(fen: 10_000_000)),
                LineItem(unit: unit, functional: "2010302", economic: "30201", governmentEconomic: "50201", nature: .project(project),
                         fund: .generalBudget, amount: Amount(fen: 5_000_000)),
            ],
            projects: [Project(code: project, name: "某某专项工作经费", unit: unit, category: .general, functional: "2010302",
                               basis: "（立项依据）", overview: "（项目概况）", goal: "（项目当年绩效目标）", attribute: "延续",
                               start: "\(year)年1月", end: "\(year)年12月", indicators: indicators)],
            overallGoals: ["（整体绩效目标：每条一行。）"],
            overallIndicators: [Indicator(level1: "产出指标", level2: "数量指标", name: "完成重点工作任务", op: "=", value: Fixed(5),
                                          unit: "项", weight: Fixed(overallTotal))],
            procurement: [ProcurementItem(unit: unit, kind: .goods, fund: .generalBudget, item: "办公设备", amount: Amount(fen: 1_000_000))],
            vehicles: [VehicleCount(kind: "一般公务用车", count: 1)],
            priorYear: PriorYear(total: Amount(fen: 14_000_000), basic: Amount(fen: 9_500_000), project: Amount(fen: 4_500_000)),
            reasons: [ChangeReason(subject: "total", text: "（收支总额增减的主要原因）"),
                      ChangeReason(subject: "general", text: "（一般公共预算拨款增减的主要原因）"),
                      ChangeReason(subject: "basic", text: "（基本支出增减的主要原因）"),
                      ChangeReason(subject: "project", text: "（项目支出增减的主要原因）")],
            contact: "联系人：某某，联系电话：023-00000000")
    }

    /// The YAML template: a comment header, the example budget and the year's code lists as comments.
    public static func yaml(year: Int, profile: String) throws(SourceErrors) -> String {
        let b = make(year: year, profile: profile)
        let lists = CodeListTable.allCases.map { $0.table(year: year, file: $0.file) }
        return yamlHeader + (try YAMLSourceWriter.write(b)) + yamlCodeComments(lists)
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Comment lines put at the top of a YAML template.
    static let yamlHeader = """
        # Yusuan 部门预算编制源文件 (budget source). Schema: docs/budget-source.md.
        # 金额 (amount) 以元为单位，写成带引号的小数，最多两位小数: "1234.56".
        # 功能科目写到项 (7 位)，经济科目写到款 (5 位)；本年科目代码表附在文件末尾。
        # nature: 人员经费 / 日常公用经费 / 项目 (项目须写 project: 项目编码).

        """

    /// The code lists as YAML comments (a YAML file has nowhere else to put them).
    static func yamlCodeComments(_ lists: [SourceTable]) -> String {
        var out = ""
        for t in lists {
            out += "\n# \(t.sheet ?? t.file)（\(t.header.joined(separator: " / "))）\n"
            for r in t.rows { out += "# " + r.filter { !$0.isEmpty }.joined(separator: " ") + "\n" }
        }
        return out
    }
}
