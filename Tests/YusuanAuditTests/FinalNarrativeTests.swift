import Testing
@testable import YusuanAudit
import YusuanCore

/// The narrative of a 决算: completion rates, shares, zero budgets, the reason sentences for each 类/款/项,
/// the 年初 / 调整 budget columns, and figures cited from an emptied table.
@Suite struct FinalNarrativeTests {
    /// A 2024 决算: narrative, a 一般公共预算财政拨款支出决算表 (合计 | 基本支出 | 项目支出) and an emptied
    /// 政府性基金预算财政拨款收入支出决算表.
    static func document(_ narrative: String, govFund: String = "\t合计\t\t\t\t\t\t") -> String {
        """
        测试局2024年度部门决算

        五、一般公共预算财政拨款支出决算情况说明

        \(narrative)

        一般公共预算财政拨款支出决算表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        201\t一般公共服务支出\t2,106.66\t1,503.52\t603.14
        20106\t财政事务\t2,106.66\t1,503.52\t603.14
        2010601\t行政运行\t1,511.89\t1,503.52\t8.37
        2010602\t一般行政管理事务\t594.77\t\t594.77
        208\t社会保障和就业支出\t833.39\t833.39\t
        \t合计\t2,940.05\t2,336.91\t603.14

        政府性基金预算财政拨款收入支出决算表
        单位：万元
        科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余
        \t\t\t\t小计\t基本支出\t项目支出\t
        \(govFund)
        注：测试局无政府性基金预算财政拨款支出，故本表无数据。

        """
    }

    static func findings(_ text: String, _ rule: String) -> [Finding] {
        NarrativeDoc.findings(NarrativeDoc.read(text), rule)
    }

    static let item = "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费及公用经费等的基本支出。"

    // MARK: completion rates

    @Test func completionOfTheInitialBudgetRecomputes() {
        let ok = Self.document("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。")
        #expect(Self.findings(ok, "NAR-005").isEmpty)
        let bad = Self.findings(Self.document("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.30%。"), "NAR-005")
        #expect(bad.count == 1)
        #expect(bad.first?.expected == "98.20%" && bad.first?.found == "98.30%")
        #expect(bad.first?.message.contains("2940.05") == true && bad.first?.message.contains("2993.92") == true)
    }

    @Test func wordedAsAShareOfTheBudgetIsACompletionRate() {
        let ok = Self.document("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，为年初预算的98.20%。")
        #expect(Self.findings(ok, "NAR-005").isEmpty)
        let bad = Self.findings(Self.document("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，为年初预算的99.20%。"), "NAR-005")
        #expect(bad.map(\.expected) == ["98.20%"])
    }

    @Test func theAdjustedBudgetColumnIsUsedWhenTheSentenceNamesIt() {
        let table = """
        测试局2024年度部门决算

        一般公共预算财政拨款支出决算%@。

        一般公共预算财政拨款支出决算表
        单位：万元
        科目编码\t科目名称\t年初预算数\t调整预算数\t决算数
        201\t一般公共服务支出\t100.00\t80.00\t76.00
        \t合计\t100.00\t80.00\t76.00

        """
        func doc(_ s: String) -> String { table.replacingOccurrences(of: "%@", with: s) }
        #expect(Self.findings(doc("为76.00万元，完成年初预算的76.00%，完成调整预算的95.00%"), "NAR-005").isEmpty)
        let bad = Self.findings(doc("为76.00万元，完成年初预算的95.00%，完成调整预算的76.00%"), "NAR-005")
        #expect(bad.map(\.expected) == ["76.00%", "95.00%"])
        #expect(bad.last?.message.contains("调整预算数") == true)
    }

    @Test func aReasonSentenceNamingTheAdjustedBudgetIsCheckedAgainstThatColumn() {
        let table = """
        测试局2024年度部门决算

        五、一般公共预算财政拨款支出决算情况说明

        一般公共服务支出（类）%@的主要原因是项目调整。

        一般公共预算财政拨款支出决算表
        单位：万元
        科目编码\t科目名称\t年初预算数\t调整预算数\t决算数
        201\t一般公共服务支出\t100.00\t70.00\t76.00
        \t合计\t100.00\t70.00\t76.00

        """
        func doc(_ s: String) -> String { table.replacingOccurrences(of: "%@", with: s) }
        #expect(Self.findings(doc("决算数小于年初预算数"), "NAR-003").isEmpty)
        #expect(Self.findings(doc("决算数大于调整预算数"), "NAR-003").isEmpty)
        let bad = Self.findings(doc("决算数小于调整预算数"), "NAR-003")
        #expect(bad.map(\.expected) == ["决算数大于预算数"])
        #expect(bad.first?.message.contains("70.00") == true)
    }

    @Test func aCompletionRateOfAZeroBudgetIsANoticeEvenAtZeroPercent() {
        let ok = NarrativeDoc.final("公务接待费支出决算为0.53万元，完成预算的53%。")
        #expect(NarrativeDoc.findings(ok, "NAR-005").isEmpty)
        let zero = NarrativeDoc.findings(NarrativeDoc.final("因公出国（境）费支出决算为0万元，完成预算的0%。"), "NAR-005")
        #expect(zero.count == 1)
        #expect(zero.first?.severity == .notice)
        #expect(zero.first?.expected == "—")
        #expect(zero.first?.message.contains("预算") == true && zero.first?.message.contains("为 0") == true)
        // Spent without a budget: no division either.
        let spent = NarrativeDoc.findings(NarrativeDoc.final("公务接待费支出决算为0.53万元，完成预算的100%。", reception: "\t0.53"), "NAR-005")
        #expect(spent.count == 1)
        #expect(spent.first?.severity == .notice)
    }

    // MARK: shares

    @Test func aShareOfTheSpendingRecomputes() {
        let ok = Self.document("一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.65%；社会保障和就业支出（类）833.39万元，占28.35%。")
        #expect(Self.findings(ok, "NAR-005").isEmpty)
        let bad = Self.findings(Self.document("一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，占71.73%；社会保障和就业支出（类）833.39万元，占28.35%。"), "NAR-005")
        #expect(bad.count == 1)
        #expect(bad.first?.expected == "71.65%" && bad.first?.found == "71.73%")
    }

    // MARK: reason sentences

    @Test func aReasonSentenceAgreeingWithTheRowPasses() {
        let ok = Self.document(Self.item + "年初预算为 1560.05 万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。")
        #expect(Self.findings(ok, "NAR-003").isEmpty)
        #expect(Self.findings(ok, "NAR-001").isEmpty)
    }

    @Test func aReasonSentenceAgainstTheRowIsAnError() {
        let bad = Self.findings(Self.document(Self.item + "年初预算为 1560.05 万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员增加。"), "NAR-003")
        let f = bad.first { $0.expected == "决算数小于预算数" }
        #expect(f != nil)
        #expect(f?.severity == .error)
        #expect(f?.message.contains("1511.89") == true && f?.message.contains("1560.05") == true)
    }

    @Test func theRowsFigureFromTheTableIsUsedWhenTheNarrativeGivesOnlyTheBudget() {
        // 决算 from the table's 2010601 row (1511.89), 预算 from the narrative.
        let ok = Self.document(Self.item + "年初预算为1560.05万元。决算数小于预算数的主要原因：人员变化。")
        #expect(Self.findings(ok, "NAR-003").isEmpty)
        let bad = Self.findings(Self.document(Self.item + "年初预算为1500.00万元。决算数小于预算数的主要原因：人员变化。"), "NAR-003")
        #expect(bad.map(\.expected) == ["决算数大于预算数"])
    }

    @Test func aBareSpendingFigureAfterAnUnknownLineIsThatLinesNotTheTotal() {
        // A PDF's text layer can cut an item's name ("…基本养老" / "保险缴费支出（项）") and put its figures
        // between the halves: "支出决算为160.75万元" then continues the cut line, not the section's total.
        let cut = Self.document("6、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老161.62万元，支出决算为160.75万元。决算数小于预算数的主要原因：预算按充分保障预估。")
        #expect(Self.findings(cut, "NAR-001").isEmpty)
        // A spending figure that names its fund is the fund's total again.
        let named = Self.findings(Self.document("机关事业单位基本养老161.62万元，一般公共预算财政拨款支出决算为2950.05万元。"), "NAR-001")
        #expect(named.map(\.expected) == ["2940.05"])
    }

    @Test func roughlyEqualAdmitsASmallDifferenceOnly() {
        let item2 = "2、一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。"
        let ok = Self.document(item2 + "年初预算为595.00万元，支出决算为594.77万元。决算数与预算数基本持平。")
        #expect(Self.findings(ok, "NAR-003").isEmpty)
        let far = Self.findings(Self.document(item2 + "年初预算为700.00万元，支出决算为594.77万元。决算数与预算数基本持平。"), "NAR-003")
        #expect(far.count == 1)
        #expect(far.first?.severity == .warning)
        #expect(far.first?.message.contains("基本持平") == true)
        // Without the hedge, equal means equal.
        let exact = Self.findings(Self.document(item2 + "年初预算为595.00万元，支出决算为594.77万元。决算数与预算数持平。"), "NAR-003")
        #expect(exact.map(\.severity) == [.error])
    }

    // MARK: an emptied table

    @Test func figuresCitedFromAnEmptiedTableAreAWarning() {
        let ok = Self.document("测试局2024年度无政府性基金预算财政拨款收入和支出。")
        #expect(Self.findings(ok, "NAR-006").isEmpty)
        let bad = Self.findings(Self.document("测试局2024年度政府性基金预算财政拨款支出12.00万元。"), "NAR-006")
        #expect(bad.count == 1)
        #expect(bad.first?.severity == .warning)
        #expect(bad.first?.message.contains("政府性基金预算财政拨款收入支出决算表为空表") == true)
        // The same sentence with the table filled in is no absence finding.
        let filled = Self.findings(Self.document("测试局2024年度政府性基金预算财政拨款支出12.00万元。",
                                                 govFund: "\t合计\t\t12.00\t12.00\t\t12.00\t"), "NAR-006")
        #expect(filled.isEmpty)
    }

    @Test func aTablePrintedWithoutAnyRowStillCountsAsEmpty() {
        let bad = Self.findings(Self.document("测试局2024年度政府性基金预算财政拨款支出12.00万元。", govFund: ""), "NAR-006")
        #expect(bad.count == 1)
        #expect(bad.first?.found == "12.00")
        #expect(Self.findings(Self.document("测试局2024年度无政府性基金预算财政拨款收入和支出。", govFund: ""), "NAR-006").isEmpty)
    }
}
