import Testing
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanTestSupport

/// Departments shaped like those of `yusuan-bench city` (four funds, personnel / public cost /
/// project lines, 1–5 units, about ten projects, 功能 codes mostly of one 类): every printed figure
/// within one unit of exact (the ledger's controlled rounding leaves nothing out of range), and the
/// built text audits clean (every printed sum holds).
@Suite struct CityShapedRoundingTests {
    /// A department of `items` line items drawn as the city benchmark draws them.
    static func department(seed: UInt64, items: Int, year: Int = 2022) -> Budget {
        var rng = SeededRandom(seed: seed)
        let functional = CatalogLibrary.catalog(.functional, year: year)
        let economic = CatalogLibrary.catalog(.economicDepartment, year: year)
        let paired = ReferenceTables.correspondences
        let pairedEconomic = Set(paired.map(\.economic)), pairedFunctional = Set(paired.map(\.functional))
        let xiang = (functional?.entries.keys.filter { $0.count == 7 && !pairedFunctional.contains($0) } ?? []).sorted()
        let classes = Dictionary(grouping: xiang) { String($0.prefix(3)) }
        let own = classes[classes.keys.sorted().randomElement(using: &rng) ?? "201"] ?? xiang
        let general = classes["201"] ?? xiang
        let pool = (0..<15).compactMap { _ in own.randomElement(using: &rng) } + (0..<5).compactMap { _ in general.randomElement(using: &rng) }
        let kuan = (economic?.entries.keys.filter { $0.count == 5 && !pairedEconomic.contains($0) } ?? []).sorted()
        let personnel = kuan.filter { $0.hasPrefix("301") || $0.hasPrefix("303") }
        let publicCost = kuan.filter { $0.hasPrefix("302") }
        let projectEconomic = kuan.filter { $0.hasPrefix("302") || $0.hasPrefix("310") }
        let unitCount = Int.random(in: 1...5, using: &rng)
        let units = (1...unitCount).map { BudgetUnit(code: String(format: "%03d", $0), name: $0 == 1 ? "本级" : "所属单位\($0)", kind: $0 == 1 ? .administrative : .institution) }
        let projectCodes = (1...10).map { "\(100_000 + seed)P" + String(format: "%04d", $0) }
        let funds: [RevenueSource] = [.generalBudget, .govFund, .specialAccount, .businessIncome]
        var lineItems: [LineItem] = []
        for _ in 0..<items {
            let roll = Int.random(in: 0..<10, using: &rng)
            let fundRoll = Int.random(in: 0..<50, using: &rng)
            let fund = funds[fundRoll < 40 ? 0 : fundRoll < 44 ? 1 : fundRoll < 47 ? 2 : 3]
            let nature: SpendingNature = roll < 4 ? .personnel : roll < 7 ? .publicCost
                : .project(projectCodes.randomElement(using: &rng) ?? "P")
            let codes = roll < 4 ? personnel : roll < 7 ? publicCost : projectEconomic
            lineItems.append(LineItem(unit: units.randomElement(using: &rng)?.code ?? "001",
                                      functional: pool.randomElement(using: &rng) ?? "2010101",
                                      economic: codes.randomElement(using: &rng) ?? "30201", nature: nature, fund: fund,
                                      amount: Amount(fen: Int64.random(in: 1_000...50_000_000, using: &rng))))
        }
        var revenue: [String: Int64] = [:]
        for item in lineItems { revenue["\(item.unit)|\(item.fund.rawValue)", default: 0] += item.amount.fen }
        let revenueItems = lineItems.reduce(into: [(String, RevenueSource)]()) { seen, item in
            if !seen.contains(where: { $0 == (item.unit, item.fund) }) { seen.append((item.unit, item.fund)) }
        }.map { RevenueItem(unit: $0.0, source: $0.1, amount: Amount(fen: revenue["\($0.0)|\($0.1.rawValue)"] ?? 0)) }
        var projectUnits: [String: LineItem] = [:]
        for item in lineItems { if let code = item.nature.projectCode, projectUnits[code] == nil { projectUnits[code] = item } }
        let projects = projectCodes.enumerated().compactMap { i, code in
            projectUnits[code].map { item in
                Project(code: code, name: "项目\(i + 1)", unit: item.unit, category: .general, functional: item.functional,
                        basis: "依据年度工作计划。", overview: "用于年度工作。", goal: "完成年度工作。",
                        start: "\(year)年1月", end: "\(year)年12月")
            }
        }
        return Budget(department: "部门\(seed)", year: year, profile: "chongqing-district-2022", units: units,
                      duties: "负责本部门职责范围内的工作。", composition: "本部门由\(units.count)个单位组成。",
                      revenue: revenueItems, lineItems: lineItems, projects: projects, overallGoals: ["完成年度工作任务"])
    }

    @Test(arguments: Array(UInt64(1)...UInt64(12)))
    func everyFigureIsWithinOneUnit(seed: UInt64) {
        let budget = Self.department(seed: seed, items: 150 + Int(seed % 4) * 150)
        let (_, ledger) = DisclosureCompiler.compileKeepingLedger(budget)
        #expect(ledger.uncontrolled == 0)
    }

    @Test(arguments: [UInt64(101), 102])
    func builtTextAuditsClean(seed: UInt64) throws {
        let budget = Self.department(seed: seed, items: 400)
        let (disclosure, ledger) = DisclosureCompiler.compileKeepingLedger(budget)
        #expect(ledger.uncontrolled == 0)
        let read = try Recogniser.recognise(TextReader.read(DisclosureText.render(disclosure), source: "built.txt"))
        let report = Auditor.audit(read, profileID: budget.profile)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5).map { "\($0.rule) \($0.message)" })")
    }
}

private extension SpendingNature {
    var projectCode: String? { if case .project(let code) = self { return code }; return nil }
}
