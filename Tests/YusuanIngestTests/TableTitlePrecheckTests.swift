import Testing
@testable import YusuanCore
@testable import YusuanIngest

/// The early rejections of `TableTitles.marker` and `kind(of:)` keep every title and marker.
@Suite struct TableTitlePrecheckTests {
    @Test func markersPastWhiteSpaceAndFullWidthFormsAreFound() {
        #expect(TableTitles.marker("附件1：收支总表")?.number == "1")
        #expect(TableTitles.marker("　附件 2-3 财政拨款收支总表")?.number == "2-3")
        #expect(TableTitles.marker("\u{00A0} 附表1.2")?.number == "1-2")
        #expect(TableTitles.marker(" 表3 收入支出决算总表")?.number == "3")
        #expect(TableTitles.marker("表３ 收入支出决算总表")?.number == "3")
    }

    @Test func linesThatCannotStartWithAMarkerAreRejected() {
        #expect(TableTitles.marker("一、部门预算收支情况") == nil)
        #expect(TableTitles.marker("2023年附件1") == nil)
        #expect(TableTitles.marker("（一）附件1") == nil)
        #expect(TableTitles.marker("Ａ附件1") == nil)
        #expect(TableTitles.marker("") == nil)
        #expect(TableTitles.marker("   ") == nil)
    }

    @Test func sentencesAreNotTitles() {
        #expect(TableTitles.kind(of: "收入支出决算总表") == .budgetSummary)
        #expect(TableTitles.kind(of: "收入支出决算总表。") == nil)
        #expect(TableTitles.kind(of: "本部门收入支出决算总表详见附件。") == nil)
    }

    @Test func notesAndUnitLinesAreFoundWhateverTheirSpelling() {
        #expect(TableBuilder.isNote("备注：本表金额单位为万元"))
        #expect(TableBuilder.isNote("注: 无数据"))
        #expect(TableBuilder.isNote("此 表 无 数 据"))
        #expect(TableBuilder.isNote("（本单位无此项支出）"))
        #expect(!TableBuilder.isNote("工资福利支出 12.00 12.00"))
        #expect(!TableBuilder.isNote("基本支出 1.00"))
        #expect(TableTitles.unitLine(labels: ["金额单位：万元"]) == .wanYuan)
        #expect(TableTitles.unitLine(labels: ["单 位：元"]) == .yuan)
        #expect(TableTitles.unitLine(labels: ["合计", "12.00"]) == nil)
    }

    @Test func ideographPrecheck() {
        #expect(TextNormalization.mayHoldIdeograph("备注：", TableBuilder.noteIdeographs))
        #expect(!TextNormalization.mayHoldIdeograph("合计 123.45", TableBuilder.noteIdeographs))
        #expect(!TextNormalization.mayHoldIdeograph("", ["表"]))
        #expect(TextNormalization.mayHoldIdeograph("收支总表", ["表"]))
        #expect(TextNormalization.mayHoldIdeograph("收支\u{F9A8}", ["表"]))  // a compatibility ideograph: may be equivalent
        #expect(TextNormalization.mayHoldIdeograph("a\u{1F600}", ["表"]))  // a four-byte scalar: may be one
        #expect(!TextNormalization.mayHoldIdeograph("ｂ　é", ["表"]))
    }

    @Test func digitCellsAreReadByBytes() {
        #expect(ColumnClassifier.isDigits("2010301", atMost: 7))
        #expect(!ColumnClassifier.isDigits("20103011", atMost: 7))
        #expect(ColumnClassifier.isDigits("201", atMost: 3))
        #expect(!ColumnClassifier.isDigits("２０１", atMost: 7))  // full-width digits are not ASCII
        #expect(!ColumnClassifier.isDigits("20 1", atMost: 7))
        #expect(!ColumnClassifier.isDigits("1\r\n", atMost: 7))
        #expect(!ColumnClassifier.isDigits("一", atMost: 7))
    }
}

