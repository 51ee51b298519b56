/// A department's budget as its officer prepares it: line items in exact money, projects, revenue,
/// last year's figures and the reasons for changes. `yusuan build` compiles it into the disclosure.
///
/// Amounts are exact (`Amount`, in 分). Codes are strings validated against the year's catalogs
/// by `BudgetValidator`; the model itself holds what the source says.
public struct Budget: Sendable, Codable, Hashable {
    public var department: String
    /// The department's code in the budget system, when known.
    public var departmentCode: String?
    public var year: Int
    /// Profile id (Resources/profiles): which tables and sections the disclosure has.
    public var profile: String
    public var units: [BudgetUnit]
    /// 职能职责 and 单位构成: the prose an officer writes.
    public var duties: String
    public var composition: String
    public var staffing: Staffing
    public var revenue: [RevenueItem]
    public var lineItems: [LineItem]
    public var projects: [Project]
    public var overallGoals: [String]
    public var overallIndicators: [Indicator]
    public var procurement: [ProcurementItem]
    public var vehicles: [VehicleCount]
    public var priorYear: PriorYear
    /// Why figures changed against last year, keyed by what changed (see `ChangeReason.Subject`).
    public var reasons: [ChangeReason]
    /// 联系人 and 联系方式 printed at the end of the narrative.
    public var contact: String?

    public init(department: String, departmentCode: String? = nil, year: Int, profile: String, units: [BudgetUnit],
                duties: String = "", composition: String = "", staffing: Staffing = Staffing(), revenue: [RevenueItem] = [],
                lineItems: [LineItem] = [], projects: [Project] = [], overallGoals: [String] = [],
                overallIndicators: [Indicator] = [], procurement: [ProcurementItem] = [], vehicles: [VehicleCount] = [],
                priorYear: PriorYear = PriorYear(), reasons: [ChangeReason] = [], contact: String? = nil) {
        self.department = department
        self.departmentCode = departmentCode
        self.year = year
        self.profile = profile
        self.units = units
        self.duties = duties
        self.composition = composition
        self.staffing = staffing
        self.revenue = revenue
        self.lineItems = lineItems
        self.projects = projects
        self.overallGoals = overallGoals
        self.overallIndicators = overallIndicators
        self.procurement = procurement
        self.vehicles = vehicles
        self.priorYear = priorYear
        self.reasons = reasons
        self.contact = contact
    }
}

/// A budget unit (预算单位) of the department.
public struct BudgetUnit: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case administrative = "行政", institution = "事业", other = "其他" }
    public var code: String
    public var name: String
    public var kind: Kind

    public init(code: String, name: String, kind: Kind) {
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// 在编在岗 and 退休 headcounts.
public struct Staffing: Sendable, Codable, Hashable {
    public var inPost: Int
    public var retired: Int
    /// The date the counts are taken ("2021年12月").
    public var asOf: String?

    public init(inPost: Int = 0, retired: Int = 0, asOf: String? = nil) {
        self.inPost = inPost
        self.retired = retired
        self.asOf = asOf
    }
}

/// Where money comes from. Raw values are the names the tables print.
public enum RevenueSource: String, Sendable, Codable, CaseIterable {
    case generalBudget = "一般公共预算拨款"
    case govFund = "政府性基金预算拨款"
    case stateCapital = "国有资本经营预算拨款"
    case specialAccount = "财政专户管理资金"
    case businessIncome = "事业收入"
    case superiorSubsidy = "上级补助收入"
    case affiliatedIncome = "附属单位上缴收入"
    case operatingIncome = "事业单位经营收入"
    case otherIncome = "其他收入"
    case carryover = "上年结转"

    /// Whether this source is a fiscal appropriation (财政拨款).
    public var isFiscal: Bool { self == .generalBudget || self == .govFund || self == .stateCapital }
}

/// One revenue line: a source and its amount for one unit.
public struct RevenueItem: Sendable, Codable, Hashable {
    public var unit: String
    public var source: RevenueSource
    public var amount: Amount

    public init(unit: String, source: RevenueSource, amount: Amount) {
        self.unit = unit
        self.source = source
        self.amount = amount
    }
}

/// Basic (人员经费 / 日常公用经费) or project spending.
public enum SpendingNature: Sendable, Codable, Hashable {
    case personnel
    case publicCost
    /// A project, by its code.
    case project(String)

    public var isBasic: Bool {
        if case .project = self { return false }
        return true
    }
}

/// One expenditure line item: unit × 功能科目(项) × 经济科目(款) × nature × fund source × amount.
public struct LineItem: Sendable, Codable, Hashable {
    public var unit: String
    /// 支出功能分类 项 (7 digits).
    public var functional: String
    /// 部门预算支出经济分类 款 (5 digits).
    public var economic: String
    public var nature: SpendingNature
    public var fund: RevenueSource
    public var amount: Amount
    // The optional fields come last, so that the compiler's memberwise initialiser (internal) differs in its labels'
    // order from the public one below, which can then delegate to it.
    /// 政府预算支出经济分类 款 (5 digits), when known.
    public var governmentEconomic: String?
    /// Where the item came from in the source, for error messages ("line_items.csv:12").
    public var origin: String?
}

extension LineItem {
    /// Made by the memberwise initialiser, which forms the value whole. Assigned field by field into `self`, the
    /// optimiser kept a copy of the whole item and a destroy of the original in every caller (five retains and five
    /// releases an item; build round 34), as it did for the audit's `RawLine` (audit round 42). Inside YusuanCore a
    /// call leaving out both optionals is ambiguous between the two initialisers; the compiler says so.
    public init(unit: String, functional: String, economic: String, governmentEconomic: String? = nil,
                nature: SpendingNature, fund: RevenueSource, amount: Amount, origin: String? = nil) {
        self.init(unit: unit, functional: functional, economic: economic, nature: nature, fund: fund, amount: amount,
                  governmentEconomic: governmentEconomic, origin: origin)
    }
}
