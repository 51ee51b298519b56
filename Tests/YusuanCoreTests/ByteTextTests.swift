import Testing
@testable import YusuanCore

/// The byte-level fast paths of text normalisation give what the scalar and character versions give.
@Suite struct ByteTextTests {
    @Test func halfWidthMapsFullWidthAndKeepsTheRest() {
        #expect(TextNormalization.halfWidth("（一）１２３，ＡＢ\u{3000}x\u{00A0}y") == "(一)123,AB x y")
        let plain = "一般公共服务支出 201 (类)"
        #expect(TextNormalization.halfWidth(plain) == plain)
        #expect(!TextNormalization.mayNeedHalfWidth(plain))
        #expect(TextNormalization.mayNeedHalfWidth("支出，"))
    }

    @Test func keyWritesTheSameTextAsBefore() {
        #expect(TextNormalization.key("政府办公厅（室） 及相关机构事务") == "政府办公厅(室)及相关机构事务")
        #expect(TextNormalization.key("“三公”经费【2022】〔1〕") == "三公经费(2022)(1)")
        #expect(TextNormalization.key("é ü 😀") == "éü😀")
    }

    @Test func compactChineseWithoutSpaceIsUnchanged() {
        #expect(TextNormalization.compactChinese("一般公共服务") == "一般公共服务")
        #expect(TextNormalization.compactChinese(" 一般 公共 服务 ") == "一般公共服务")
        #expect(TextNormalization.compactChinese("Word  Excel 表") == "Word Excel表")
    }

    @Test func replacingAllReplacesEveryOccurrenceLeftToRight() {
        #expect("一般公共预算拨款一般公共预算".replacingAll("一般公共预算", with: "") == "拨款")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
        #expect("1、2、3".replacingAll("、", with: "/") == "1/2/3")
        #expect("abc".replacingAll("", with: "x") == "abc")
        #expect("abc".replacingAll("d", with: "x") == "abc")
        #expect("a\u{3000}b".replacingAll("\u{3000}", with: "  ") == "a  b")
    }

    @Test func outlineReadsOrdinalsAndSkipsOtherLabels() {
        #expect(RowLabels.outline("一、一般公共服务支出").depth == 1)
        #expect(RowLabels.outline("（二）行政运行").depth == 2)
        #expect(RowLabels.outline("1.差旅费").depth == 3)
        #expect(RowLabels.outline("(3)其他").depth == 4)
        #expect(RowLabels.outline("一般公共服务支出").depth == nil)
        #expect(RowLabels.outline("  行政运行 ").depth == nil)
        #expect(RowLabels.outline("  行政运行 ").rest == "行政运行")
        #expect(RowLabels.outline("\u{F9B2}、合计").depth == 1)  // 零 as a compatibility ideograph equals 零
    }
}
