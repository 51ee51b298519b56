import Testing
@testable import YusuanAudit
import YusuanCore

/// Reads narrative lines (one paragraph per line, line numbers from 1) into statements.
private func read(_ lines: [String], year: Int = 2022, phase: Phase = .budget) -> [NarrativeStatement] {
    let paragraphs = lines.enumerated().map { (i, t) in
        Paragraph(text: t, location: SourceLocation(line: i + 1), isHeading: RowLabels.outline(t).depth != nil && t.count < 20)
    }
    let d = Disclosure(title: "t", department: "测试单位", year: year, phase: phase, tables: [], narrative: paragraphs, source: "t.txt")
    return NarrativeParser.statements(d, catalog: CatalogLibrary.catalog(.functional, year: year))
}

private func figures(_ ss: [NarrativeStatement], _ kind: NarrativeStatement.Kind) -> [String] {
    ss.filter { $0.kind == kind }.compactMap { $0.figure?.value.description ?? $0.number?.description }
}

private let seedIncome = "（一）收入预算：2022年年初预算数951.81万元，其中：一般公共预算拨款951.81万元，收入较去年增加13.66万元，主要是化解疑难信访案件经费拨款增加10万元，2名一事一议安保人员专项13万元调为项目支出，因财政统筹事业人员公用经费减少9.34万元。（本单位无政府性基金预算）"

@Test func seedIncomeParagraph() {
    let ss = read([seedIncome])
    #expect(ss.first?.topic == .income && ss.first?.figure?.value == Fixed(mantissa: 95181, scale: 2))
    #expect(ss.contains { $0.topic == .fact(.income(.generalBudget), .total) && $0.isPart })
    let change = ss.first { $0.kind == .change }
    #expect(change?.topic == .income && change?.direction == .up && change?.base?.year == 2021)
    #expect(change?.components.map { "\($0.direction == .up ? "+" : $0.direction == .down ? "-" : "?")\($0.figure.value)" } == ["+10", "+13", "-9.34"])
    #expect(ss.contains { $0.kind == .noFund(.govFund) })
}

@Test func paragraphBrokenByAPageIsJoinedAndKeepsItsLines() {
    let ss = read(["（二）支出预算：2022年年初预算数951.81万元，其中：一般公共服务支出827.23万元，社会",
                   "保障和就业支出 64.63 万元，卫生健康支出 32.64 万元，住房保障支出 27.31 万元。"])
    let health = ss.first { $0.topic == .fact(.functional("210"), .total) }
    #expect(health?.figure?.value.description == "32.64")
    #expect(health?.location.line == 2)
    #expect(ss.first?.topic == .expenditure)
    #expect(ss.contains { $0.topic == .fact(.functional("208"), .total) && $0.figure?.value.description == "64.63" })
}

@Test func seedThreePublicComparisons() {
    let ss = read(["2022 年“三公”经费预算 20 万元，与 2021 年一样。其中：无因公出国（境）费用，与 2020 年一样；公务接待费 16 万元，与 2021 年一样；公务用车运行维护费 4 万元，与 2021 年一样；公务用车购置费 0 万元，与 2021 年一样。"])
    #expect(ss.filter { $0.kind == .change }.map { $0.base?.statedYear ?? 0 } == [2021, 2020, 2021, 2021, 2021])
    #expect(ss.filter { $0.kind == .change }.allSatisfy { $0.direction == .flat })
    #expect(ss.contains { $0.kind == .none && $0.topic == .threePublic(.threePublicOutbound) })
    #expect(ss.contains { $0.topic == .threePublic(.threePublicVehicleOperation) && $0.figure?.value == Fixed(4) })
}

@Test func basicAndProjectChangesWithTheirReasons() {
    let ss = read(["2022 年一般公共预算财政拨款收入 951.81 万元，一般公共预算财政拨款支出 951.81 万元，比 2021 年增加 13.66 万元。其中：基本支出 632.81 万元，比 2021 年减少 9.34 万元，主要原因是事业人员公用经费减少，主要用于保障在职人员工资福利；项目支出 319 万元，比 2021 年增加 23 万元，主要原因是化解疑难信访案件经费拨款增加 10 万元，2 名一事一议安保人员专项 13 万元调为项目支出，主要用于化解疑难信访案件。"])
    let changes = ss.filter { $0.kind == .change }
    #expect(changes.map { $0.topic } == [.expenditure, .fact(.expenditureTotal, .basic), .fact(.expenditureTotal, .project)])
    #expect(changes.map { $0.signedChange?.value.description ?? "" } == ["13.66", "-9.34", "23"])
    #expect(changes.last?.components.count == 2)
    #expect(changes.allSatisfy { $0.scope == .general })
    #expect(ss.first?.topic == .income)
}

@Test func procurementGroupsAndAbsentParts() {
    let ss = read(["政府采购情况。所属各预算单位政府采购预算总额7.08万元：政府采购货物预算7.08万元，无政府采购工程、政府采购服务预算；其中一般公共预算拨款政府采购7.08万元：政府采购货物预算7.08万元，无政府采购工程、政府采购服务预算。"])
    #expect(ss.filter { $0.kind == .none }.map(\.topic) == [.procurement(.works), .procurement(.services), .procurement(.works), .procurement(.services)])
    #expect(ss.filter { $0.topic == .procurement(.goods) }.map(\.scope) == [.all, .general])
}

@Test func countsAreRead() {
    let ss = read(["截止2021年12月，区信访办在编在岗人员27人，退休人员5人。所属各预算单位共有车辆1辆，其中一般公务用车1辆、无执勤执法用车。2022年一般公共预算未安排购置车辆。"])
    #expect(ss.filter { if case .count = $0.kind { return true }; return false }.compactMap { $0.number?.description } == ["27", "5", "1", "1"])
    #expect(ss.contains { $0.kind == .none && $0.topic == .threePublic(.threePublicVehiclePurchase) })
}

@Test func finalAccountPercentagesAndComparisons() {
    let ss = read(["双桥集镇人民政府2020年度一般公共预算财政拨款“三公”经费支出预算为30.8万元,支出决算为25.7万元,完成预算的83.44%,决算数小于预算数的主要原因是公务用车运行维护费用的降低。",
                   "2020年度“三公”经费支出决算中,因公出国(境)费支出决算0万元,占0%;公务接待费支出决算16.3万元,占63.42%;公务用车购置及运行维护费支出决算9.4万元,占36.58%。",
                   "公务接待费支出16.3万元, 与2020年度预算相比,增加1.5万元,增长10.14%,增长的原因是上级扶贫检查次数增加。"], year: 2020, phase: .final)
    #expect(ss.prefix(2).map(\.phase) == [.budget, .final])
    #expect(ss.prefix(2).allSatisfy { $0.topic == .threePublic(.total) })
    #expect(figures(ss, .completion) == ["83.44"])
    #expect(ss.contains { if case .relation(let r) = $0.kind { return r.kind == .less && r.finalFirst }; return false })
    #expect(ss.filter { if case .share = $0.kind { return true }; return false }.compactMap { $0.number?.description } == ["0", "63.42", "36.58"])
    let change = ss.first { $0.kind == .change }
    #expect(change?.base?.year == 2020 && change?.base?.phase == .budget && change?.base?.namesPhase == true)
    #expect(figures(ss, .rate) == ["10.14"])
}

@Test func spacesFullWidthDigitsAndYuan() {
    let ss = read(["较上年减少０.４７万元，下降47 %。", "公务接待费160000元。"], phase: .final)
    #expect(figures(ss, .rate) == ["47"])
    #expect(ss.first { $0.kind == .change }?.figure?.value.description == "0.47")
    #expect(ss.last?.figure?.unit == .yuan)
}

@Test func aBareVehicleItemContinuesTheVehicleTopic() {
    let ss = read(["2015年安排公车购置及运行维护费34万元,其中:购置经费无、运行维护费34万元,与2014年预算相比下降74%。"], year: 2015)
    #expect(ss.first?.topic == .threePublic(.threePublicVehicle))
    #expect(ss.contains { $0.kind == .none && $0.topic == .threePublic(.threePublicVehiclePurchase) })
    #expect(ss.contains { $0.kind == .level && $0.topic == .threePublic(.threePublicVehicleOperation) })
}

@Test func classificationPathNamesTheItem() {
    let ss = read(["1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。"], year: 2024)
    #expect(ss.first?.topic == .fact(.functional("2010507"), .total))
    #expect(ss.contains { $0.year == 2023 && $0.figure?.value.description == "60.13" && $0.words.contains("执行") })
    #expect(ss.first { $0.kind == .rate }?.base?.statedYear == 2023)
}

@Test func aQualifiedLabelIsAnotherQuantity() {
    let ss = read(["本部门面向中小企业预留政府采购项目预算金额246.47万元，一般公共预算拨款支出预算15621.11万元。"], year: 2024)
    #expect(ss.first.map { if case .unknown = $0.topic { return true }; return false } == true)
    #expect(ss.last?.topic == .expenditure && ss.last?.scope == .general)
}

@Test func anAmountAfterACountIsNotTheTopics() {
    let ss = read(["2022年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款319万元。", "项目支出319万元，编报绩效目标的项目4个，涉及预算金额598.42万元。"])
    #expect(ss.first?.topic == .fact(.expenditureTotal, .project))
    #expect(ss.last?.topic == nil)
}

@Test func documentNumbersAreNotFigures() {
    let tokens = NarrativeTokens.scan(Array(NarrativeText.normalise("(财行〔2014〕2066号)截止2021年12月，2022年度，023-44551968")))
    #expect(tokens.map(\.kind) == [.plain, .plain, .date, .year, .plain, .plain])
    #expect(read(["经费使用严格执行《条例》(财行〔2014〕2066号)等相关规定。"]).isEmpty)
}

@Test func reasonsInTheNextSentenceExplainTheChangeBefore() {
    let ss = read(["机关运行经费118万元，比上年减少7.5万元。主要原因是：办公费减少5万元，差旅费减少2.5万元。"])
    #expect(ss.first { $0.kind == .change }?.components.compactMap { $0.signed?.value.description } == ["-5", "-2.5"])
}

@Test func aBareExpenditureWordNamesTheTotalOnlyWithoutOtherWords() {
    let ss = read(["一般公共预算财政拨款支出951.81万元，工资福利支出472.43万元，比上年减少5万元。"])
    #expect(ss.first?.topic == .expenditure)
    #expect(ss.dropFirst().allSatisfy { $0.topic != .expenditure })
}

@Test func aShareOfTheBudgetIsACompletion() {
    let ss = read(["支出决算为25.7万元，占年初预算的83.44%，占支出合计的100%。"], year: 2020, phase: .final)
    #expect(figures(ss, .completion) == ["83.44"])
    #expect(ss.last.map { if case .share(let w) = $0.kind { return w == .expenditure }; return false } == true)
}

@Test func whatTheMoneyIsUsedForNamesNoQuantity() {
    let ss = read(["1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万元。",
                   "一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%。"], year: 2024, phase: .final)
    #expect(ss.prefix(2).allSatisfy { $0.topic == .fact(.functional("2010601"), .total) })
    #expect(ss.contains { $0.topic == .fact(.functional("201"), .total) && $0.figure?.value.description == "2106.66" })
}
