import Testing
@testable import YusuanCore

@Suite struct ParsingTests {
    @Test(arguments: [
        ("951.81", "951.81"), ("１２３．４５", "123.45"), ("1,234.50", "1234.50"), ("-", "0"), ("—", "0"),
        ("44万元", "44"), (" 64.63 ", "64.63"), ("(12.5)", "-12.5"), ("-3", "-3"), ("22%", "22"),
    ])
    func parsesPrintedNumbers(raw: String, expected: String) {
        #expect(NumberParser.parse(raw)?.value.description == expected)
    }

    @Test func rejectsText() {
        for s in ["合计", "2021 年预算数", "1,23", "1.2.3", "", "50015222T000000113935"] {
            #expect(NumberParser.parse(s) == nil, "\(s)")
        }
        #expect(NumberParser.parse("44万元")?.unit == .wanYuan)
        #expect(NumberParser.parse("22%")?.isPercent == true)
    }

    @Test func codesKnowTheirPlace() throws {
        let c = try ClassificationCode("2010308")
        #expect(c.level == 3 && c.scheme == .functional)
        #expect(c.parent?.digits == "20103")
        #expect(c.ancestors.map(\.digits) == ["20103", "201"])
        #expect(try ClassificationCode("30217").scheme == .economicDepartment)
        #expect(try ClassificationCode("50101").scheme == .economicGovernment)
        #expect(ClassificationCode.parse("2010") == nil)
        #expect(ClassificationCode.parse("20a") == nil)
    }

    @Test func rowLabelsGiveOutlineAndTotals() {
        #expect(RowLabels.outline("一、本年收入").depth == 1)
        #expect(RowLabels.outline("(一) 一般公共预算拨款").depth == 2)
        #expect(RowLabels.outline("（二十八）抗疫特别国债安排的支出").rest == "抗疫特别国债安排的支出")
        #expect(RowLabels.outline("1.因公出国(境)费用").depth == 3)
        #expect(RowLabels.outline("(2)公务用车购置").depth == 4)
        #expect(RowLabels.outline("1.5 万元").depth == nil)
        #expect(RowLabels.totalKind("收入总计") == .grandTotal)
        #expect(RowLabels.totalKind("本年支出合计") == .subtotal)
        #expect(RowLabels.totalKind("其中:公务用车运行维护费") == .ofWhich)
        #expect(RowLabels.totalKind("一般公共服务支出") == nil)
    }

    @Test func labelKeysIgnoreWidthAndSpaces() {
        #expect(TextNormalization.key("政府办公厅（室）及相关机构事务") == TextNormalization.key("政府办公厅(室) 及相关机构事务"))
        #expect(TextNormalization.compactChinese("公务接待 费") == "公务接待费")
        #expect(TextNormalization.compactChinese("潼南区 2 名安保") == "潼南区2名安保")
    }

    @Test func catalogsLoadForEveryYear() throws {
        let c = try #require(CatalogLibrary.catalog(.functional, year: 2022))
        #expect(c.entry("201")?.name == "一般公共服务支出")
        #expect(c.code(named: "住房保障支出", digits: 3) == "221")
        #expect(CatalogLibrary.catalog(.economicDepartment, year: 2023)?.year == 2022)
        #expect(CatalogLibrary.catalog(.functional, year: 2030)?.year == 2026)
    }
}
