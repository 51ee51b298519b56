import YusuanCore

/// One column of a tabular encoding: its Chinese header, the schema field it holds, other headers
/// accepted on reading, and whether it is only written for the reader's convenience (code names).
struct SourceColumn: Sendable {
    var header: String
    var field: String
    var aliases: [String] = []
    var informational = false
    var required = true
}

/// The record kinds of the tabular encodings: one CSV file or one sheet each, with the same headers.
enum SourceTableKind: String, CaseIterable, Sendable {
    case department, units, revenue, lineItems = "line_items", projects, indicators, procurement, vehicles
    case priorYear = "prior_year", reasons

    var file: String { rawValue + ".csv" }

    var sheet: String {
        switch self {
        case .department: "部门"
        case .units: "单位"
        case .revenue: "收入"
        case .lineItems: "支出明细"
        case .projects: "项目"
        case .indicators: "绩效指标"
        case .procurement: "政府采购"
        case .vehicles: "车辆"
        case .priorYear: "上年数"
        case .reasons: "变动原因"
        }
    }

    static let amountHeader = "金额（元）"

    var columns: [SourceColumn] {
        let unit = SourceColumn(header: "单位编码", field: "unit", aliases: ["单位代码"])
        let amount = SourceColumn(header: Self.amountHeader, field: "amount", aliases: ["金额"])
        let fund = SourceColumn(header: "资金来源", field: "fund", aliases: ["资金性质"])
        switch self {
        case .department:
            return [SourceColumn(header: "字段", field: "key"), SourceColumn(header: "内容", field: "value", required: false)]
        case .units:
            return [SourceColumn(header: "单位编码", field: "code", aliases: ["单位代码"]), SourceColumn(header: "单位名称", field: "name"),
                    SourceColumn(header: "单位类型", field: "kind", aliases: ["单位性质"])]
        case .revenue:
            return [unit, SourceColumn(header: "收入来源", field: "source", aliases: ["收入项目", "资金来源"]), amount]
        case .lineItems:
            return [unit, SourceColumn(header: "功能科目", field: "functional", aliases: ["功能科目编码", "功能分类科目"]),
                    SourceColumn(header: "功能科目名称", field: "functional_name", informational: true),
                    SourceColumn(header: "经济科目", field: "economic", aliases: ["部门经济科目", "经济科目编码", "部门预算支出经济分类"]),
                    SourceColumn(header: "经济科目名称", field: "economic_name", informational: true),
                    SourceColumn(header: "政府经济科目", field: "government_economic", aliases: ["政府预算支出经济分类"], required: false),
                    SourceColumn(header: "性质", field: "nature", aliases: ["支出性质"]),
                    SourceColumn(header: "项目编码", field: "project", aliases: ["项目代码"], required: false), fund, amount]
        case .projects:
            return [SourceColumn(header: "项目编码", field: "code", aliases: ["项目代码"]), SourceColumn(header: "项目名称", field: "name"),
                    unit, SourceColumn(header: "项目类别", field: "category", aliases: ["项目类型"]),
                    SourceColumn(header: "功能科目", field: "functional", aliases: ["功能科目编码"]),
                    SourceColumn(header: "项目属性", field: "attribute", required: false),
                    SourceColumn(header: "开始时间", field: "start", aliases: ["起始时间"], required: false),
                    SourceColumn(header: "结束时间", field: "end", aliases: ["截止时间"], required: false),
                    SourceColumn(header: "立项依据", field: "basis", required: false),
                    SourceColumn(header: "项目概况", field: "overview", required: false),
                    SourceColumn(header: "绩效目标", field: "goal", aliases: ["项目当年绩效目标"], required: false)]
        case .indicators:
            return [SourceColumn(header: "项目编码", field: "project", aliases: ["项目代码"]),
                    SourceColumn(header: "一级指标", field: "level1"), SourceColumn(header: "二级指标", field: "level2"),
                    SourceColumn(header: "三级指标", field: "name", aliases: ["指标名称"]),
                    SourceColumn(header: "符号", field: "op", aliases: ["运算符"], required: false),
                    SourceColumn(header: "指标值", field: "value", aliases: ["目标值"]),
                    SourceColumn(header: "计量单位", field: "unit", aliases: ["单位"], required: false),
                    SourceColumn(header: "权重", field: "weight", aliases: ["分值"])]
        case .procurement:
            return [unit, SourceColumn(header: "采购类别", field: "kind", aliases: ["采购品目类别"]), fund,
                    SourceColumn(header: "采购项目", field: "item", aliases: ["采购内容"], required: false), amount]
        case .vehicles:
            return [SourceColumn(header: "车辆类型", field: "kind", aliases: ["车辆类别"]), SourceColumn(header: "数量", field: "count", aliases: ["数量（辆）"])]
        case .priorYear:
            return [SourceColumn(header: "口径", field: "scope", aliases: ["项目"]), SourceColumn(header: "编码", field: "code", required: false), amount]
        case .reasons:
            return [SourceColumn(header: "对象", field: "subject", aliases: ["变动项目"]), SourceColumn(header: "原因", field: "text", aliases: ["变动原因"])]
        }
    }

    /// The kind a CSV file name or sheet name stands for.
    static func named(_ name: String) -> SourceTableKind? {
        let base = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        let key = TextNormalization.key(base).lowercased()
        return allCases.first { $0.rawValue == key || TextNormalization.key($0.sheet) == key }
    }
}

/// The department table's keys (字段), in the order they are written.
enum DepartmentKey: String, CaseIterable {
    case department = "部门名称", departmentCode = "部门编码", year = "预算年度", profile = "模板"
    case contact = "联系人及联系方式", duties = "职能职责", composition = "单位构成"
    case inPost = "在编在岗人数", retired = "退休人数", asOf = "人数统计时点", overallGoal = "整体绩效目标"

    /// The schema path the key fills.
    var path: String {
        switch self {
        case .department: "department"
        case .departmentCode: "department_code"
        case .year: "year"
        case .profile: "profile"
        case .contact: "contact"
        case .duties: "duties"
        case .composition: "composition"
        case .inPost: "staffing.in_post"
        case .retired: "staffing.retired"
        case .asOf: "staffing.as_of"
        case .overallGoal: "overall_goals"
        }
    }
}

/// The rows of the prior-year table (口径).
enum PriorYearScope: String, CaseIterable {
    case total = "支出合计", basic = "基本支出", project = "项目支出", operatingCost = "机关运行经费"
    case functional = "功能科目", threePublic = "“三公”经费"
}

/// The “三公” items of `PriorYear.threePublic`: keys are `Measure` raw values, labels what the tables print.
enum ThreePublicItem {
    static let all: [(key: String, label: String)] = [
        (Measure.threePublicOutbound.rawValue, "因公出国（境）费"), (Measure.threePublicReception.rawValue, "公务接待费"),
        (Measure.threePublicVehicleOperation.rawValue, "公务用车运行维护费"), (Measure.threePublicVehiclePurchase.rawValue, "公务用车购置费"),
    ]

    static func label(_ key: String) -> String { all.first { $0.key == key }?.label ?? key }

    static func key(_ label: String) -> String {
        let k = TextNormalization.key(label)
        return all.first { TextNormalization.key($0.label) == k || $0.key == k }?.key ?? label.trimmed
    }
}
