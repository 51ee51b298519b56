import YusuanCore

/// A small deterministic random generator (SplitMix64), so that generated budgets repeat by seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid budgets for property tests: units, line items on real codes of the year's catalogs,
/// projects with indicators whose cost indicators add up and whose weights sum to the profile's total.
public enum BudgetGenerator {
    public static func make(seed: UInt64, units unitCount: Int = 2, items: Int = 40, projects projectCount: Int = 3,
                            year: Int = 2022, profile: String = "chongqing-district-2022") -> Budget {
        var rng = SeededRandom(seed: seed)
        let functional = CatalogLibrary.catalog(.functional, year: year)
        let economic = CatalogLibrary.catalog(.economicDepartment, year: year)
        // Economic lines that by definition sit on one functional line are generated as such pairs.
        let pairs = ReferenceTables.correspondences.map { ($0.economic, $0.functional) }
        let pairedEconomic = Set(pairs.map(\.0)), pairedFunctional = Set(pairs.map(\.1))
        let xiang = (functional?.entries.keys.filter { $0.count == 7 && ["201", "208", "210", "212", "213", "221"].contains(String($0.prefix(3)))
            && !pairedFunctional.contains($0) } ?? []).sorted()
        let personnelCodes = (economic?.entries.keys.filter { $0.count == 5 && ($0.hasPrefix("301") || $0.hasPrefix("303")) && !pairedEconomic.contains($0) } ?? []).sorted()
        let publicCodes = (economic?.entries.keys.filter { $0.count == 5 && $0.hasPrefix("302") } ?? []).sorted()
        let units = (0..<max(1, unitCount)).map { i in
            BudgetUnit(code: String(format: "%03d", i + 1), name: i == 0 ? "本级" : "所属单位\(i)", kind: i == 0 ? .administrative : .institution)
        }
        let weightTotal = ProfileLibrary.profile(id: profile)?.performanceWeightTotal ?? 100
        var projects: [Project] = []
        var lineItems: [LineItem] = []
        for p in 0..<projectCount {
            let code = "500000\(year % 100)T" + String(format: "%012d", 100_000 + p)
            let fcode = xiang.randomElement(using: &rng) ?? "2010101"
            let amountHundreds = Int64.random(in: 50...20_000, using: &rng)   // whole 百元: printed exactly
            let econ = publicCodes.randomElement(using: &rng) ?? "30299"
            lineItems.append(LineItem(unit: units[p % units.count].code, functional: fcode, economic: econ,
                                      nature: .project(code), fund: .generalBudget, amount: Amount(fen: amountHundreds * 10_000)))
            let wan = Fixed(mantissa: amountHundreds, scale: 2)
            let half = Fixed(weightTotal / 2)
            let indicators = [
                Indicator(level1: "产出指标", level2: "数量指标", name: "完成事项\(p + 1)", op: "=", value: Fixed(Int.random(in: 1...50, using: &rng)), unit: "件", weight: half),
                Indicator(level1: "产出指标", level2: "成本指标", name: "项目成本\(p + 1)", op: "=", value: wan, unit: "万元", weight: Fixed(weightTotal) - half),
            ]
            projects.append(Project(code: code, name: "示例项目\(p + 1)", unit: units[p % units.count].code,
                                    category: p % 4 == 3 ? .superiorAdvance : .general, functional: fcode,
                                    basis: "依据示例文件。", overview: "用于示例工作。", goal: "完成示例工作。",
                                    start: "\(year)年1月", end: "\(year)年12月", indicators: indicators))
        }
        for _ in 0..<items {
            let personnel = Bool.random(using: &rng)
            let econ = (personnel ? personnelCodes : publicCodes).randomElement(using: &rng) ?? "30101"
            lineItems.append(LineItem(unit: units.randomElement(using: &rng)?.code ?? "001", functional: xiang.randomElement(using: &rng) ?? "2010101",
                                      economic: econ, nature: personnel ? .personnel : .publicCost, fund: .generalBudget,
                                      amount: Amount(fen: Int64.random(in: 1_000...50_000_000, using: &rng))))
        }
        for (econ, fun) in pairs where Bool.random(using: &rng) {
            lineItems.append(LineItem(unit: units[0].code, functional: fun, economic: econ, nature: .personnel, fund: .generalBudget,
                                      amount: Amount(fen: Int64.random(in: 100_000...5_000_000, using: &rng))))
        }
        let total = lineItems.reduce(Amount.zero) { $0 + $1.amount }
        return Budget(department: "示例区示例局", year: year, profile: profile, units: units,
                      duties: "负责示例工作。", composition: "本部门由\(units.count)个单位组成。",
                      staffing: Staffing(inPost: 20, retired: 3),
                      revenue: [RevenueItem(unit: units[0].code, source: .generalBudget, amount: total)],
                      lineItems: lineItems, projects: projects, overallGoals: ["完成年度工作任务"],
                      overallIndicators: [Indicator(level1: "效果指标", level2: "满意度指标", name: "服务对象满意度", op: "≥", value: Fixed(95), unit: "%", weight: Fixed(100))])
    }
}
