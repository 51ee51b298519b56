/// A project (项目) with its performance goals.
public struct Project: Sendable, Codable, Hashable {
    /// 人员性 / 一般性 / 民生配套 (年初特定目标) or 上级专项 with its kind.
    public enum Category: String, Sendable, Codable, CaseIterable {
        case personnel = "人员性项目"
        case general = "一般性项目"
        case livelihood = "民生配套项目"
        case superiorAdvance = "提前下达专项"
        case superiorCarryover = "结转项目"
        case superiorMunicipal = "市级专项"

        public var isSuperior: Bool { self == .superiorAdvance || self == .superiorCarryover || self == .superiorMunicipal }
    }

    public var code: String
    public var name: String
    public var unit: String
    public var category: Category
    /// 支出功能分类 项 the project is budgeted under.
    public var functional: String
    /// 立项依据, 项目概况 and 项目当年绩效目标.
    public var basis: String
    public var overview: String
    public var goal: String
    /// "新增" / "延续".
    public var attribute: String
    public var start: String
    public var end: String
    public var indicators: [Indicator]

    public init(code: String, name: String, unit: String, category: Category, functional: String, basis: String = "",
                overview: String = "", goal: String = "", attribute: String = "新增", start: String = "", end: String = "",
                indicators: [Indicator] = []) {
        self.code = code
        self.name = name
        self.unit = unit
        self.category = category
        self.functional = functional
        self.basis = basis
        self.overview = overview
        self.goal = goal
        self.attribute = attribute
        self.start = start
        self.end = end
        self.indicators = indicators
    }
}

/// A performance indicator: 一级/二级/三级指标, operator, value, unit, weight.
public struct Indicator: Sendable, Codable, Hashable {
    public var level1: String
    public var level2: String
    public var name: String
    /// "=", "≥", "≤", ">", "<".
    public var op: String
    public var value: Fixed
    public var unit: String
    public var weight: Fixed

    public init(level1: String, level2: String, name: String, op: String, value: Fixed, unit: String, weight: Fixed) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.op = op
        self.value = value
        self.unit = unit
        self.weight = weight
    }
}

/// A government procurement budget line (政府采购): goods, works or services, by fund.
public struct ProcurementItem: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case goods = "货物", works = "工程", services = "服务" }
    public var unit: String
    public var kind: Kind
    public var fund: RevenueSource
    public var item: String
    public var amount: Amount

    public init(unit: String, kind: Kind, fund: RevenueSource, item: String, amount: Amount) {
        self.unit = unit
        self.kind = kind
        self.fund = fund
        self.item = item
        self.amount = amount
    }
}

/// Vehicles held, by kind (一般公务用车, 执勤执法用车, 特种专业技术用车 …).
public struct VehicleCount: Sendable, Codable, Hashable {
    public var kind: String
    public var count: Int

    public init(kind: String, count: Int) {
        self.kind = kind
        self.count = count
    }
}

/// Last year's figures, at the level the tables and the narrative compare against.
public struct PriorYear: Sendable, Codable, Hashable {
    /// Expenditure by functional code (any level: 类, 款 or 项), general public budget.
    public var functional: [String: Amount]
    public var total: Amount?
    public var basic: Amount?
    public var project: Amount?
    public var threePublic: [String: Amount]
    /// 机关运行经费.
    public var operatingCost: Amount?

    public init(functional: [String: Amount] = [:], total: Amount? = nil, basic: Amount? = nil, project: Amount? = nil,
                threePublic: [String: Amount] = [:], operatingCost: Amount? = nil) {
        self.functional = functional
        self.total = total
        self.basic = basic
        self.project = project
        self.threePublic = threePublic
        self.operatingCost = operatingCost
    }
}

/// The officer's reason for a change against last year.
public struct ChangeReason: Sendable, Codable, Hashable {
    /// "total", "basic", "project", "operating-cost", "three-public", or a functional code.
    public var subject: String
    public var text: String

    public init(subject: String, text: String) {
        self.subject = subject
        self.text = text
    }
}
