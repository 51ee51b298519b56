import YusuanCore

/// The parts of government procurement (政府采购) a narrative states.
enum ProcurementPart: String, Sendable, Hashable, CaseIterable {
    case total, goods, works, services
}

/// What a label in the narrative is about.
enum NarrativeTopic: Hashable, Sendable {
    /// A quantity the tables print: subject and measure, as in the fact index.
    case fact(Subject, Measure)
    /// 政府采购 and its goods / works / services: rarely in a table.
    case procurement(ProcurementPart)
    /// 机关运行经费: not in the statutory tables.
    case agencyOperation
    /// A label that names something no table prints under that name (an unknown 项,
    /// "预留政府采购项目预算金额"): its figures are only checked against the narrative itself.
    case unknown(String)

    static let expenditure = NarrativeTopic.fact(.expenditureTotal, .total)
    static let income = NarrativeTopic.fact(.incomeTotal, .total)
    /// "收入支出总计": the 总计 line of a 收支总表, carried balances included.
    static let grandTotal = NarrativeTopic.fact(.grandTotal, .total)
    static func threePublic(_ m: Measure) -> NarrativeTopic { .fact(.threePublic(m), .total) }

    /// Whether the topic is about income (收入), not spending.
    var isIncome: Bool {
        if case .fact(let s, _) = self {
            if case .income = s { return true }
            return s == .incomeTotal
        }
        return false
    }

    /// Whether the topic is a 三公 item (whose tables are in the general-budget scope only).
    var isThreePublic: Bool {
        if case .fact(.threePublic, _) = self { return true }
        return false
    }

    /// The vehicle items a bare "购置费" or "运行维护费" can continue.
    var isVehicle: Bool {
        [NarrativeTopic.threePublic(.threePublicVehicle), .threePublic(.threePublicVehiclePurchase),
         .threePublic(.threePublicVehicleOperation)].contains(self)
    }

    var isProcurement: Bool {
        if case .procurement = self { return true }
        return false
    }

    /// The whole a share ("占 63.42%") of this topic is of, when the narrative does not name it.
    var whole: NarrativeTopic? {
        switch self {
        case .fact(.threePublic(let m), _):
            if m == .total { return nil }
            return .threePublic(.total)
        case .fact(.functional, _): return .expenditure
        case .fact(.expenditureTotal, let m):
            if m == .basic || m == .project { return .expenditure }
            if m == .personnel || m == .publicCost { return .fact(.expenditureTotal, .basic) }
            return nil
        case .fact(.income, _): return .income
        case .procurement(let p): return p == .total ? nil : .procurement(.total)
        default: return nil
        }
    }

    /// The topic's name, Chinese and English.
    func name(catalog: Catalog?) -> (zh: String, en: String) {
        switch self {
        case .fact(.expenditureTotal, let m):
            switch m {
            case .basic: return ("基本支出", "basic expenditure")
            case .project: return ("项目支出", "project expenditure")
            case .personnel: return ("人员经费", "personnel expenditure")
            case .publicCost: return ("日常公用经费", "public operating expenditure")
            default: return ("支出合计", "total expenditure")
            }
        case .fact(.incomeTotal, _): return ("收入合计", "total income")
        case .fact(.income(let m), _):
            let zh = m == .generalBudget ? "一般公共预算拨款收入" : (m == .govFund ? "政府性基金预算拨款收入" : "收入 \(m.rawValue)")
            return (zh, "income \(m.rawValue)")
        case .fact(.functional(let c), _):
            let n = catalog?.entry(c)?.name ?? c
            return ("\(c) \(n)", "\(c) \(n)")
        case .fact(.threePublic(let m), _): return Self.threePublicName(m)
        case .fact(let s, let m): return (s.description, "\(s) \(m.rawValue)")
        case .procurement(let p):
            let zh = ["total": "政府采购预算总额", "goods": "政府采购货物", "works": "政府采购工程", "services": "政府采购服务"]
            return (zh[p.rawValue] ?? "政府采购", "government procurement (\(p.rawValue))")
        case .agencyOperation: return ("机关运行经费", "agency operating expenditure")
        case .unknown(let words): return (words, words)
        }
    }

    static func threePublicName(_ m: Measure) -> (zh: String, en: String) {
        switch m {
        case .threePublicOutbound: ("因公出国（境）费", "official travel abroad")
        case .threePublicReception: ("公务接待费", "official reception")
        case .threePublicVehicle: ("公务用车购置及运行维护费", "official vehicles (purchase and operation)")
        case .threePublicVehiclePurchase: ("公务用车购置费", "official vehicle purchase")
        case .threePublicVehicleOperation: ("公务用车运行维护费", "official vehicle operation")
        default: ("“三公”经费", "“three public” expenses")
        }
    }
}
