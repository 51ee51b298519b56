import Foundation
import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanSource

/// Each check fails on the example with one edit, and says where: "budget.yaml:LINE:COLUMN".
@Suite struct ValidatorTests {
    /// The problems of the example after replacing `old` (which must occur once) with `new`.
    func problems(_ old: String, _ new: String) throws -> [SourceProblem] {
        let text = try String(contentsOfFile: examplePath, encoding: .utf8)
        #expect(text.components(separatedBy: old).count == 2, "“\(old)” must occur once in the example")
        let dir = try temporaryDirectory()
        let path = dir.appendingPathComponent("budget.yaml").path
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
        let r = BudgetSource.load(path: path)
        if r.errors.isEmpty { #expect(r.budget != nil) } else { #expect(r.budget == nil) }
        return r.problems.map { p in
            var p = p
            p.position?.file = "budget.yaml"
            return p
        }
    }

    func only(_ problems: [SourceProblem], _ kind: SourceProblem.Kind) -> String {
        let hits = problems.filter { $0.kind == kind }
        #expect(hits.count == 1, "\(problems.map(\.description))")
        return hits.first?.description ?? ""
    }

    @Test func theExampleHasNoProblems() throws {
        #expect(try problems("profile: chongqing-district-2022", "profile: chongqing-district-2022").isEmpty)
        #expect(BudgetValidator.validate(try exampleBudget()).isEmpty)
    }

    @Test func aCodeWhose类IsUnknownIsAnError() throws {
        let p = try problems(#"functional: "2070112", economic: "30211""#, #"functional: "2990112", economic: "30211""#)
        #expect(only(p, .unknownCode) == "budget.yaml:58:34: error [code-unknown]: 2990112: 类 299 does not exist in the 2022 支出功能分类科目")
    }

    @Test func aCodeMissingFromThePartialCatalogIsAWarning() throws {
        let p = try problems(#"functional: "2070112", economic: "30211""#, #"functional: "2070198", economic: "30211""#)
        #expect(p.allSatisfy { $0.severity == .warning })
        #expect(only(p, .uncheckedCode).hasPrefix("budget.yaml:58:34: warning [code-not-in-catalog]: 2070198 is not in Yusuan's 2022 支出功能分类科目 catalog; check"))
    }

    @Test func lineItemsGoOnA项AndAn经济款() throws {
        let p = try problems(#"functional: "2070112", economic: "30211""#, #"functional: "20701", economic: "302""#)
        let leaf = p.filter { $0.kind == .notLeafCode }.map(\.description)
        #expect(leaf == ["budget.yaml:58:34: error [code-not-leaf]: 20701 is a 款; line items go on a 项 (7 digits)",
                         "budget.yaml:58:53: error [code-not-leaf]: 302 is a 类; line items go on a 款 (5 digits)"])
    }

    @Test func aGovernmentCodeInTheDepartmentColumnIsMalformed() throws {
        let p = try problems(#"functional: "2070112", economic: "30211""#, #"functional: "2070112", economic: "50201""#)
        #expect(only(p, .malformedCode).contains("budget.yaml:58:55: error [code-malformed]: “50201” is a 政府预算支出经济分类科目 code"))
    }

    @Test func negativeAmountsAreErrors() throws {
        let p = try problems(#"amount: "1236000.00""#, #"amount: "-1236000.00""#)
        #expect(only(p, .negativeAmount) == "budget.yaml:36:132: error [amount-negative]: line item amount -1236000.00 元 is negative")
    }

    @Test func amountsFinerThan分AreOverPrecise() throws {
        let p = try problems(#"amount: "1236000.00""#, #"amount: "1236000.005""#)
        #expect(only(p, .overPrecise) == "budget.yaml:36:132: error [amount-over-precise]: amount “1236000.005” has more than 2 decimals of 元 (finer than 分)")
        // The sum no longer balances, but that only echoes the amount that could not be read.
        #expect(p.filter { $0.kind == .unbalanced }.isEmpty)
    }

    @Test func anUndeclaredUnitIsAnError() throws {
        let p = try problems(#"{unit: "327002", functional: "2101102""#, #"{unit: "327009", functional: "2101102""#)
        #expect(only(p, .unknownUnit) == "budget.yaml:52:12: error [unit-unknown]: unit code “327009” is not among the declared units (327001, 327002)")
    }

    @Test func aProjectLineItemNeedsItsProjectDeclared() throws {
        let p = try problems(#"project: "50022722T000000100103""#, #"project: "50022722T000000100104""#)
        #expect(only(p, .undeclaredProject).hasPrefix("budget.yaml:60:115: error [project-undeclared]: project “50022722T000000100104” is not declared"))
    }

    @Test func aProjectWithoutIndicatorsIsAnError() throws {
        let old = "    indicators:\n      - {level1: 产出指标, level2: 数量指标, name: 数字化记录项目数, op: \"=\", value: \"12\", unit: 项, weight: \"30\"}\n      - {level1: 产出指标, level2: 成本指标, name: 项目总成本, op: \"≤\", value: \"15\", unit: 万元, weight: \"30\"}\n      - {level1: 效益指标, level2: 社会效益指标, name: 传承人培训人次, op: \"≥\", value: \"200\", unit: 人次, weight: \"30\"}\n"
        let p = try problems(old, "")
        #expect(only(p, .projectWithoutIndicators) == "budget.yaml:93:5: error [project-no-indicators]: project “50022722T000000100103” 非物质文化遗产保护专项 has no performance indicators")
    }

    @Test func weightsMustAddUpToTheProfilesTotal() throws {
        let p = try problems(#"name: 传承人培训人次, op: "≥", value: "200", unit: 人次, weight: "30""#,
                             #"name: 传承人培训人次, op: "≥", value: "200", unit: 人次, weight: "35""#)
        #expect(only(p, .weightTotal) == "budget.yaml:105:7: error [indicator-weights]: the indicator weights of project “50022722T000000100103” add up to 95 (30 + 30 + 35); profile chongqing-district-2022 wants 90")
    }

    @Test func aChangeAgainstLastYearNeedsItsReason() throws {
        let p = try problems("  - subject: basic\n    text: 按政策调整在职人员工资标准及社会保障缴费基数\n", "")
        #expect(only(p, .missingReason) == "budget.yaml:124:10: error [reason-missing]: basic expenditure (一般公共预算) changes from 4180500.00 元 last year to 4302870.00 元; give the reason (reasons: subject basic / 基本支出)")
    }

    @Test func revenueMustEqualExpenditure() throws {
        let p = try problems(#"amount: "3674960.00""#, #"amount: "3674961.00""#)
        #expect(only(p, .unbalanced) == "budget.yaml:25:3: error [revenue-expenditure]: revenue adds up to 5078671.50 元, expenditure to 5078670.50 元 (difference 1.00 元); the disclosure's 收支总表 must balance")
    }

    @Test func anUnknownProfileIsAnError() throws {
        let p = try problems("profile: chongqing-district-2022", "profile: chongqing-2022")
        #expect(only(p, .unknownProfile).hasPrefix("budget.yaml:5:10: error [profile-unknown]: unknown profile “chongqing-2022”; known profiles: "))
    }

    @Test func everyProblemIsListedAtOnce() throws {
        let p = try problems(#"{unit: "327002", functional: "2101102", economic: "30110", nature: 人员经费, fund: 一般公共预算拨款, amount: "68210.00"}"#,
                             #"{unit: "327009", functional: "21011", economic: "30110", nature: 人员经费, fund: 一般公共预算拨款, amount: "68210.001"}"#)
        #expect(Set(p.map(\.kind)) == [.unknownUnit, .notLeafCode, .overPrecise])
        #expect(p.allSatisfy { $0.position?.line == 52 })
    }

    @Test func csvProblemsNameFileRowAndColumn() throws {
        let dir = try temporaryDirectory()
        try BudgetSource.write(try exampleBudget(), format: .csv, to: dir.path)
        let file = dir.appendingPathComponent("line_items.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: ",1236000.00\r\n", with: ",-1236000.00\r\n")
            .replacingOccurrences(of: "327002,2101102,", with: "327002,21011,")
        try Data(text.utf8).write(to: file)
        let r = BudgetSource.load(path: dir.path)
        #expect(r.budget == nil)
        let prefix = dir.path + "/line_items.csv, "
        #expect(messages(r.problems, .negativeAmount) == [prefix + "row 2, column J 金额（元）: error [amount-negative]: line item amount -1236000.00 元 is negative"])
        #expect(messages(r.problems, .notLeafCode) == [prefix + "row 16, column B 功能科目: error [code-not-leaf]: 21011 is a 款; line items go on a 项 (7 digits)"])
    }

    @Test func validatingABudgetBuiltInCodeUsesSchemaPaths() {
        var b = BudgetTemplate.make(year: 2022, profile: "national-143")
        b.lineItems[1].nature = .project("X")
        let p = BudgetValidator.validate(b)
        #expect(p.map(\.description).contains("line_items[1].project: error [project-undeclared]: project “X” is not declared in projects"))
    }
}

/// The checks beyond the list of the issue, on the template (valid as it stands) with one change each.
@Suite struct MoreValidatorTests {
    let template = BudgetTemplate.make(year: 2022, profile: "chongqing-district-2022")

    func kinds(_ b: Budget) -> [SourceProblem.Kind: [String]] {
        Dictionary(grouping: BudgetValidator.validate(b), by: \.kind).mapValues { $0.map(\.description) }
    }

    @Test func fundsThatDoNotBalanceAreAWarning() {
        var b = template
        b.revenue = [RevenueItem(unit: "001", source: .generalBudget, amount: Amount(fen: 10_000_000)),
                     RevenueItem(unit: "001", source: .carryover, amount: Amount(fen: 5_000_000))]
        #expect(kinds(b)[.fundUnbalanced] == [
            "revenue: warning [revenue-expenditure-fund]: 一般公共预算拨款: revenue 100000.00 元, expenditure funded by it 150000.00 元",
            "revenue: warning [revenue-expenditure-fund]: 上年结转: revenue 50000.00 元, expenditure funded by it 0.00 元",
        ])
    }

    @Test func personnelOnACommodityCodeIsAWarning() {
        var b = template
        b.lineItems[0].economic = "30201"
        #expect(kinds(b)[.natureMismatch] == ["line_items[0].economic: warning [nature-economic]: 人员经费 on 30201, outside 301 and 303; check the nature"])
    }

    @Test func reasonSubjectsAndThreePublicItemsAreKnownWords() {
        var b = template
        b.reasons.append(ChangeReason(subject: "everything", text: "x"))
        b.priorYear.threePublic = ["公务接待": Amount(fen: 1)]
        let k = kinds(b)
        #expect(k[.unknownSubject]?.first?.hasPrefix("reasons[4].subject: error [reason-subject]: unknown subject “everything”; one of total (收支总额)") == true)
        #expect(k[.badValue]?.first?.hasPrefix("prior_year.three_public.公务接待: error [bad-value]: unknown “三公” item “公务接待”; one of 3p-outbound (因公出国（境）费)") == true)
    }

    @Test func changesBy项WantAReasonAsAWarning() {
        var b = template
        b.priorYear.functional = ["2010301": Amount(fen: 10_000_000), "2010302": Amount(fen: 4_000_000)]
        #expect(kinds(b)[.missingReason] == [
            "prior_year.functional.2010302: warning [reason-missing]: 2010302 一般行政管理事务 changes from 40000.00 元 last year to 50000.00 元; a reason (subject 2010302) lets the narrative explain it",
        ])
        b.reasons.append(ChangeReason(subject: "20103", text: "专项增加"))
        #expect(kinds(b)[.missingReason] == nil)
    }

    @Test func changesBelowTheNarrativesPrecisionNeedNoReason() {
        var b = template
        b.reasons.removeAll { $0.subject == "total" }
        b.priorYear.total = Amount(fen: 15_000_000 - 4_999)
        #expect(kinds(b)[.missingReason] == nil)
        b.priorYear.total = Amount(fen: 15_000_000 - 5_001)
        #expect(kinds(b)[.missingReason]?.count == 1)
    }

    @Test func overallIndicatorsAddUpToTheOverallTotal() {
        var b = template
        b.overallIndicators[0].weight = Fixed(90)
        #expect(kinds(b)[.weightTotal] == ["overall_indicators: error [indicator-weights]: the indicator weights of the overall performance table add up to 90 (90); profile chongqing-district-2022 wants 100"])
    }
}
