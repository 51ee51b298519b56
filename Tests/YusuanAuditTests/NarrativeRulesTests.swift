import Foundation
import Testing
import YusuanAudit
import YusuanCore

// MARK: - NAR-001 stated figures

@Test func statedFigureEqualToTablePasses() {
    let d = NarrativeDoc.budget("2022年一般公共预算财政拨款支出951.81万元，其中：卫生健康支出32.63万元，住房保障支出27.31万元。")
    #expect(NarrativeDoc.findings(d, "NAR-001").isEmpty)
}

@Test func statedFigureOffByRoundingIsAWarning() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("2022年一般公共预算财政拨款支出951.81万元，其中：卫生健康支出32.64万元。"), "NAR-001")
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .warning)
    #expect(fs.first?.location.table == "情况说明")
    #expect(fs.first?.message.contains("32.63") == true && fs.first?.message.contains("32.64") == true)
}

@Test func statedFigureThatDiffersIsAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("2022年“三公”经费预算20万元，其中：公务接待费18万元。"), "NAR-001")
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .error)
    #expect(fs.first?.found == "18.00")
}

// MARK: - NAR-002 changes

@Test func changeThatRecomputesPasses() {
    let d = NarrativeDoc.budget("2022年一般公共预算财政拨款支出951.81万元，比2021年增加13.66万元，主要是项目经费增加23万元，公用经费减少9.34万元。")
    #expect(NarrativeDoc.findings(d, "NAR-002").isEmpty)
}

@Test func changeThatDoesNotRecomputeIsAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("2022年一般公共预算财政拨款支出951.81万元，比2021年增加15.66万元。"), "NAR-002")
    #expect(fs.count == 1)
    #expect(fs.first?.expected.contains("13.66") == true)
}

@Test func reasonsThatDoNotAddUpAreAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("机关运行经费118万元，比上年减少7.5万元，主要原因是办公费减少5万元，差旅费减少3万元。"), "NAR-002")
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .error)
}

@Test func reasonsWithoutSignsAreNotChecked() {
    let d = NarrativeDoc.budget("机关运行经费118万元，比上年减少7.5万元，主要原因是办公费5万元，差旅费3万元。")
    #expect(NarrativeDoc.findings(d, "NAR-002").isEmpty)
}

@Test func basicAndProjectChangesMakeTheTotalChange() {
    let ok = "2022年一般公共预算财政拨款支出951.81万元，比2021年增加13.66万元。其中：基本支出632.81万元，比2021年减少9.34万元；项目支出319万元，比2021年增加23万元。"
    #expect(NarrativeDoc.findings(NarrativeDoc.budget(ok), "NAR-002").isEmpty)
    let bad = ok.replacingOccurrences(of: "增加23万元", with: "增加25万元")
    #expect(NarrativeDoc.findings(NarrativeDoc.budget(bad), "NAR-002").count == 1)
}

// MARK: - NAR-003 comparison words

@Test func comparisonWordsThatAgreePass() {
    let d = NarrativeDoc.budget("2022年“三公”经费预算20万元，与2021年一样。其中：公务接待费16万元，与2021年持平。")
    #expect(NarrativeDoc.findings(d, "NAR-003").isEmpty)
}

@Test func decreaseWordedAsIncreaseIsAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("2022年一般公共预算财政拨款支出951.81万元，比2021年减少13.66万元。"), "NAR-003")
    #expect(fs.count == 1)
    #expect(fs.first?.found == "减少")
}

@Test func unchangedWordedForAChangeIsAnError() {
    let d = NarrativeDoc.budget("2022年“三公”经费预算20万元，与2021年一样。",
                       threePublic: "18.00\t\t4.00\t\t4.00\t14.00\t20.00\t\t4.00\t\t4.00\t16.00")
    #expect(NarrativeDoc.findings(d, "NAR-003").count == 1)
}

@Test func growthRateIsRecomputed() {
    let ok = NarrativeDoc.final("公务接待费支出决算0.53万元，较上年减少0.47万元，下降47%。")
    #expect(NarrativeDoc.findings(ok, "NAR-003").isEmpty)
    let bad = NarrativeDoc.findings(NarrativeDoc.final("公务接待费支出决算0.53万元，较上年减少0.47万元，下降53%。"), "NAR-003")
    #expect(bad.count == 1)
    #expect(bad.first?.expected == "47%")
}

@Test func rateOnAZeroBaseIsANotice() {
    let fs = NarrativeDoc.findings(NarrativeDoc.final("公务接待费支出决算0.53万元，较上年增加0.53万元，增长100%。"), "NAR-003")
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .notice)
}

@Test func finalBelowBudgetIsCheckedAgainstTheFigures() {
    #expect(NarrativeDoc.findings(NarrativeDoc.final("“三公”经费支出决算1.71万元，决算数小于预算数的主要原因是公务接待减少。"), "NAR-003").isEmpty)
    #expect(NarrativeDoc.findings(NarrativeDoc.final("“三公”经费支出决算1.71万元，决算数大于预算数的主要原因是公务接待增加。"), "NAR-003").count == 1)
}

// MARK: - NAR-004 years

@Test func comparisonWithLastYearPasses() {
    let d = NarrativeDoc.budget("2022年“三公”经费预算20万元，与2021年一样。截止2021年12月，共有车辆1辆。")
    #expect(NarrativeDoc.findings(d, "NAR-004").isEmpty)
}

@Test func comparisonWithAnotherYearIsAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("2022年“三公”经费预算20万元，与2021年一样。其中：无因公出国（境）费用，与2020年一样；公务接待费16万元，与2021年一样。"), "NAR-004")
    #expect(fs.count == 1)
    #expect(fs.first?.found == "2020")
    #expect(fs.first?.message.contains("2021") == true)
}

@Test func cutOffOfTheWrongYearIsAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("截止2020年12月，共有车辆1辆。"), "NAR-004")
    #expect(fs.count == 1)
    #expect(fs.first?.expected == "2021")
}

@Test func headingOfAnotherYearIsAnError() {
    #expect(NarrativeDoc.findings(NarrativeDoc.budget("四、2021年“三公”经费情况说明"), "NAR-004").count == 1)
    #expect(NarrativeDoc.findings(NarrativeDoc.budget("四、2022年“三公”经费情况说明"), "NAR-004").isEmpty)
}

@Test func citedDocumentYearsAreNotChecked() {
    let d = NarrativeDoc.budget("依据潼信办〔2019〕44号和2020年市信访办《关于启用专网的通知》安排。")
    #expect(NarrativeDoc.findings(d, "NAR-004").isEmpty)
}

@Test func finalComparedWithItsOwnBudgetPasses() {
    let d = NarrativeDoc.final("公务接待费支出0.53万元，与2023年度预算相比，减少0.47万元。")
    #expect(NarrativeDoc.findings(d, "NAR-004").isEmpty)
}

// MARK: - NAR-005 percentages

@Test func percentagesThatRecomputePass() {
    let d = NarrativeDoc.final("“三公”经费支出预算为3万元，支出决算为1.71万元，完成预算的57%。决算中，公务接待费支出决算0.53万元，占31%；公务用车购置及运行维护费支出决算1.18万元，占69%。")
    #expect(NarrativeDoc.findings(d, "NAR-005").isEmpty)
}

@Test func wrongCompletionAndSharesAreErrorsWithTheRightValue() {
    let d = NarrativeDoc.final("“三公”经费支出预算为3万元，支出决算为1.71万元，完成预算的43%。决算中，公务接待费支出决算0.53万元，占69%；公务用车购置及运行维护费支出决算1.18万元，占31%。")
    let fs = NarrativeDoc.findings(d, "NAR-005")
    #expect(fs.map(\.expected) == ["57%", "31%", "69%"])
}

// MARK: - NAR-006 absences and empty tables

@Test func noGovernmentFundWithAnEmptyTablePasses() {
    let d = NarrativeDoc.budget("（本单位无政府性基金预算）测试单位2022年无使用政府性基金预算拨款安排的支出。")
    #expect(NarrativeDoc.findings(d, "NAR-006").isEmpty)
}

@Test func noGovernmentFundWhileTheTablePrintsFiguresIsAWarning() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("本单位无政府性基金预算。", govFund: "\t合计\t50.00\t\t50.00"), "NAR-006")
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .warning)
}

@Test func noItemWhileTheTablePrintsItIsAWarning() {
    let d = NarrativeDoc.budget("其中：无因公出国（境）费用。", threePublic: "20.00\t\t4.00\t\t4.00\t16.00\t22.00\t2.00\t4.00\t\t4.00\t16.00")
    #expect(NarrativeDoc.findings(d, "NAR-006").count == 1)
}

@Test func figureCitedFromAnEmptyTableIsAWarning() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("2022年政府性基金预算支出50万元。"), "NAR-006")
    #expect(fs.count == 1)
}

// MARK: - NAR-007 totals and their parts

@Test func procurementPartsThatAddUpPass() {
    let d = NarrativeDoc.budget("政府采购预算总额7.08万元：政府采购货物预算7.08万元，无政府采购工程、政府采购服务预算。")
    #expect(NarrativeDoc.findings(d, "NAR-007").isEmpty)
}

@Test func procurementPartsThatDoNotAddUpAreAnError() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("政府采购预算总额9.08万元：政府采购货物预算7.08万元，政府采购工程预算1万元，无政府采购服务预算。"), "NAR-007")
    #expect(fs.count == 1)
    #expect(fs.first?.expected == "8.08")
}

@Test func threePublicPartsAddUp() {
    let ok = "2022年“三公”经费预算20万元。其中：无因公出国（境）费用；公务接待费16万元；公务用车运行维护费4万元；公务用车购置费0万元。"
    #expect(NarrativeDoc.findings(NarrativeDoc.budget(ok), "NAR-007").isEmpty)
    let bad = ok.replacingOccurrences(of: "公务接待费16万元", with: "公务接待费15万元")
    #expect(NarrativeDoc.findings(NarrativeDoc.budget(bad), "NAR-007").count == 1)
}

@Test func procurementFiguresAreCheckedAgainstAProcurementTable() {
    let d = NarrativeDoc.budget("政府采购预算总额7.08万元：政府采购货物预算7.08万元，无政府采购工程、政府采购服务预算。", procurement: true)
    #expect(NarrativeDoc.findings(d, "NAR-001").map(\.expected) == ["5.08"])
    #expect(NarrativeDoc.findings(d, "NAR-006").map(\.found) == ["2.00"])
    #expect(NarrativeDoc.findings(d, "NAR-007").isEmpty)
}

@Test func sharesInAListOfUsesAreRecomputed() {
    let fs = NarrativeDoc.findings(NarrativeDoc.budget("一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；卫生健康支出（类）60.99万元，占2.07%。"), "NAR-005")
    #expect(fs.map(\.expected) == ["71.65%"])
}

@Test func reasonsThatPointTheOtherWayAreANotice() {
    let bad = NarrativeDoc.findings(NarrativeDoc.budget("机关运行经费118万元，比上年减少7.5万元。主要原因是：办公经费增加。"), "NAR-003")
    #expect(bad.count == 1 && bad.first?.severity == .notice)
    #expect(NarrativeDoc.findings(NarrativeDoc.budget("机关运行经费118万元，比上年减少7.5万元。主要原因是：办公经费减少。"), "NAR-003").isEmpty)
}

@Suite struct NarrativePartListTests {
    /// After "其中：A…，B…。" a sentence about "支出" is about the whole again, not about B.
    @Test func aChangeAfterAListOfPartsIsTheWholesChange() throws {
        let text = """
        某局2022年部门预算情况说明
        二、部门收支总体情况
        （二）支出预算：2022年年初预算数100.00万元，其中：一般公共服务支出80.00万元，住房保障支出20.00万元。支出比2021年增加10.00万元。
        附件 2
        某局2022年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t2021年预算数\t2022年预算数\t\t
        \t\t\t总计\t基本支出\t项目支出
        \t合计\t90.00\t100.00\t100.00\t
        201\t一般公共服务支出\t72.00\t80.00\t80.00\t
        221\t住房保障支出\t18.00\t20.00\t20.00\t
        附件 6
        某局2022年部门收支总表
        单位：万元
        收入\t\t支出\t
        项目\t预算数\t项目\t预算数
        一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t80.00
        事业收入\t\t二、住房保障支出\t20.00
        本年收入合计\t100.00\t本年支出合计\t100.00
        """
        let r = try audit(text, rules: NarrativeRules.all)
        #expect(r.findings("NAR-002").isEmpty, "\(r.findings.map(\.message))")
        let wrong = try audit(text.replacingOccurrences(of: "支出比2021年增加10.00万元", with: "支出比2021年增加12.00万元"), rules: NarrativeRules.all)
        #expect(wrong.findings("NAR-002").first?.message.contains("10.00") == true)
    }
}
