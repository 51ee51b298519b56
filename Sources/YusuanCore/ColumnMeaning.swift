/// What the figures of a column are.
public enum Measure: String, Sendable, Codable, CaseIterable {
    /// 合计 / 总计 / 预算数: everything the table's scope covers.
    case total
    case basic
    case personnel
    case publicCost = "public-cost"
    case project
    /// Fund columns: 一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 事业收入 ...
    case generalBudget = "general-budget"
    case govFund = "gov-fund"
    case stateCapital = "state-capital"
    case specialAccount = "special-account"
    case businessIncome = "business-income"
    case superiorSubsidy = "superior-subsidy"
    case affiliatedIncome = "affiliated-income"
    case operatingIncome = "operating-income"
    case otherIncome = "other-income"
    case carryover
    /// 增减金额, 增减幅度.
    case change
    case rate
    /// 三公 items when they are columns.
    case threePublicOutbound = "3p-outbound"
    case threePublicReception = "3p-reception"
    case threePublicVehicle = "3p-vehicle"
    case threePublicVehiclePurchase = "3p-vehicle-purchase"
    case threePublicVehicleOperation = "3p-vehicle-operation"
    /// A money column whose meaning Yusuan does not know; it still takes part in column sums.
    case other
}

/// Whether figures are a budget (预算) or an outturn (决算).
public enum Phase: String, Sendable, Codable {
    case budget = "预算"
    case final = "决算"

    /// What the raw value's hashing gives (the `RawRepresentable` default), through `TextKey`: the same hash value
    /// without normalising "预算" / "决算" each time (a fact index hashes the phase of every figure).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(TextKey(rawValue))
    }
}

/// The role of a column in a table.
public enum ColumnRole: String, Sendable, Codable {
    case code, name, serial, unit, text, money, percent
}

/// One column: its header as printed (levels joined by "/"), what it holds, for which year.
public struct Column: Hashable, Sendable, Codable {
    public var index: Int
    /// Header levels from the top, each compacted ("2022年预算数", "基本支出").
    public var headerPath: [String]
    public var role: ColumnRole
    public var measure: Measure?
    /// The fiscal year the figures belong to, when the header says so ("2021年预算数").
    public var year: Int?
    public var phase: Phase?

    public init(index: Int, headerPath: [String], role: ColumnRole, measure: Measure? = nil, year: Int? = nil, phase: Phase? = nil) {
        self.index = index
        self.headerPath = headerPath
        self.role = role
        self.measure = measure
        self.year = year
        self.phase = phase
    }

    public var header: String { headerPath.joined(separator: "/") }
    public var leaf: String { headerPath.last ?? "" }
}
