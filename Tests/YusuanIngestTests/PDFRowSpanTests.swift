import Testing
@testable import YusuanIngest

/// A header cell spanning two header rows is printed vertically centred across both, so its word
/// box overlaps both lines; it goes to the upper line (where text and HTML put it), so that a
/// grouping heading on that line does not seem to span it. Boxes as Chromium prints a built
/// 项目支出明细表 and 基本支出预算表 and poppler reports them.
@Suite struct PDFRowSpanTests {
    static func word(_ text: String, _ xMin: Double, _ yMin: Double, _ xMax: Double, _ yMax: Double) -> PDFWord {
        PDFWord(text: text, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax)
    }

    /// 序号 … 合计 span both header rows; 年初特定目标 and 上级专项 group the sub-headings below; two
    /// sub-headings wrap onto a second line ("民生配套项" / "目").
    static let projectHeader = [
        word("序号", 47.5, 120.7, 66.5, 145.4), word("预算单位", 101.5, 120.7, 139.5, 145.4),
        word("项目名称", 186.4, 120.7, 224.3, 145.4), word("合计", 273.3, 120.7, 292.3, 145.4),
        word("年初特定目标", 413.9, 105.7, 470.9, 130.4), word("上级专项", 669.0, 105.7, 707.0, 130.4),
        word("小计", 339.9, 129.0, 358.9, 153.6), word("人员性项目", 388.9, 129.0, 436.3, 153.6),
        word("一般性项目", 452.0, 129.0, 499.4, 153.6), word("民生配套项", 515.1, 123.0, 562.6, 147.6),
        word("目", 534.1, 135.7, 543.6, 160.4), word("小计", 589.0, 129.0, 608.0, 153.6),
        word("提前下达专", 634.4, 123.0, 681.9, 147.6), word("项", 653.4, 135.7, 662.9, 160.4),
        word("结转项目", 698.8, 129.0, 736.8, 153.6), word("市级专项", 758.5, 129.0, 796.5, 153.6),
        word("合计", 164.6, 152.2, 183.6, 176.9), word("2829.34", 275.7, 152.2, 312.8, 176.9),
        word("1935.58", 343.6, 152.2, 379.4, 176.9), word("1935.58", 469.8, 152.2, 505.6, 176.9),
        word("893.76", 593.6, 152.2, 625.0, 176.9), word("893.76", 653.3, 152.2, 684.6, 176.9),
    ]

    static func texts(_ lines: [[PDFWord]]) -> [[String]] { lines.map { $0.map(\.text) } }

    @Test func cellsSpanningTwoHeaderRowsGoToTheUpperLine() {
        let lines = Self.texts(PDFWordLayout.lines(Self.projectHeader))
        #expect(lines.first == ["序号", "预算单位", "项目名称", "合计", "年初特定目标", "上级专项"])
        // Sub-headings stay below, the wrapped ones with them; the first body row is untouched.
        #expect(lines.count > 1 && lines[1] == ["小计", "人员性项目", "一般性项目", "民生配套项", "小计", "提前下达专", "结转项目", "市级专项"])
        #expect(lines.contains(["合计", "2829.34", "1935.58", "1935.58", "893.76", "893.76"]))
    }

    @Test func theGroupedColumnsAreReadUnderTheirOwnHeadings() throws {
        let text = PDFWordLayout.page(Self.projectHeader)
        let header = text.split(separator: "\n").map { LayoutSegments.split(String($0)).map(\.text) }
        #expect(header.first?.contains("合计") == true, "\(text)")
        #expect(header.first?.contains("年初特定目标") == true, "\(text)")
    }

    /// A heading of the row above that shares a line with row-spanning cells below a caption
    /// ("2022年基本支出" beside 科目编码, under "单位：万元") is not centred between that caption and
    /// its row: it stays where it is.
    @Test func aHeadingBesideRowSpanningCellsStays() {
        let words = [
            Self.word("单位：万元", 505.8, 91.3, 555.8, 117.2), Self.word("科目编码", 55.1, 119.2, 93.1, 143.9),
            Self.word("科目名称", 186.9, 119.2, 224.9, 143.9), Self.word("2022年基本支出", 394.5, 111.0, 464.5, 135.6),
            Self.word("总计", 336.1, 128.2, 355.1, 152.9), Self.word("人员经费", 410.5, 128.2, 448.5, 152.9),
            Self.word("日常公用经费", 484.9, 128.2, 541.9, 152.9),
        ]
        #expect(Self.texts(PDFWordLayout.lines(words)) == [
            ["单位：万元"], ["科目编码", "科目名称", "2022年基本支出"], ["总计", "人员经费", "日常公用经费"],
        ])
    }

    /// A group heading ("2022年预算数") over its sub-headings, on one line with row-spanning cells
    /// (科目编码, and "2021年预" / "算数" wrapped over three rows): it heads the words under it, so it
    /// stays.
    @Test func aGroupHeadingOverItsSubHeadingsStays() {
        let words = [
            Self.word("单位：万元", 505.8, 91.3, 555.8, 117.2), Self.word("科目编码", 52.6, 119.2, 90.5, 143.9),
            Self.word("科目名称", 197.9, 119.2, 235.8, 143.9), Self.word("2021年预", 338.6, 113.2, 379.0, 137.9),
            Self.word("2022年预算数", 440.9, 111.0, 501.4, 135.6), Self.word("算数", 349.3, 126.0, 368.3, 150.6),
            Self.word("总计", 405.5, 128.2, 424.5, 152.9), Self.word("基本支出", 452.1, 128.2, 490.1, 152.9),
            Self.word("项目支出", 508.3, 128.2, 546.3, 152.9), Self.word("合计", 106.4, 144.7, 125.3, 169.4),
            Self.word("938.15", 353.3, 144.7, 383.5, 169.4), Self.word("951.81", 410.7, 144.7, 439.7, 169.4),
        ]
        #expect(Self.texts(PDFWordLayout.lines(words)) == [
            ["单位：万元"], ["科目编码", "科目名称", "2021年预", "2022年预算数"], ["算数"], ["总计", "基本支出", "项目支出"],
            ["合计", "938.15", "951.81"],
        ])
    }

    /// Rows of a table body in tall boxes: a wrapped name's first line sits above the row's figures and
    /// overlaps the row above; it is read in its own row, its next line after it.
    @Test func aWrappedNameInTheBodyStaysWithItsRow() {
        let words = [
            Self.word("2010101", 40, 100, 80, 124.7), Self.word("行政运行", 100, 100, 138, 124.7), Self.word("10.00", 300, 100, 330, 124.7),
            Self.word("2010102", 40, 116.5, 80, 141.2), Self.word("一般行政管理", 100, 110.1, 157, 134.8),
            Self.word("事务", 100, 122.9, 119, 147.6), Self.word("20.00", 300, 116.5, 330, 141.2),
        ]
        #expect(Self.texts(PDFWordLayout.lines(words)) == [
            ["2010101", "行政运行", "10.00"], ["2010102", "一般行政管理", "20.00"], ["事务"],
        ])
    }
}
