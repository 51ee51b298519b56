import Testing
@testable import YusuanIngest

/// Headers printed with a font whose boxes are as tall as its glyphs (Droid Sans Fallback, TrueType, as
/// Chromium prints a built disclosure with it): a sub-heading wrapped over two or three lines is centred
/// in its row, so its first line sits above the row's one-line cells, and nearer the cells spanning two
/// header rows. Each wrapped cell's first line goes on its row's line and its next lines follow, as text
/// and HTML print them.
@Suite struct PDFWrappedCellTests {
    static func word(_ text: String, _ xMin: Double, _ yMin: Double, _ xMax: Double, _ yMax: Double) -> PDFWord {
        PDFWord(text: text, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax)
    }

    static func texts(_ words: [PDFWord]) -> [[String]] {
        PDFWordLayout.lines(words).map { $0.map(\.text) }
    }

    /// 项目支出明细表: 序号 … 合计 span both header rows; "民生配套项" / "目" and "提前下达专" / "项" wrap.
    static let projectHeader = [
        word("单位：万元", 757.8, 93.8, 807.8, 106.9),
        word("年初特定目标", 406.6, 113.1, 463.6, 125.5), word("上级专项", 664.3, 113.1, 702.2, 125.5),
        word("序号", 48.3, 128.1, 67.3, 140.5), word("预算单位", 104.3, 128.1, 142.3, 140.5),
        word("项目名称", 188.1, 128.1, 226.1, 140.5), word("合计", 270.5, 128.1, 289.5, 140.5),
        word("小计", 332.5, 136.3, 351.5, 148.8), word("人员性项目", 380.3, 136.3, 427.8, 148.8),
        word("一般性项目", 442.4, 136.3, 489.8, 148.8), word("民生配套项", 504.4, 130.3, 551.9, 142.8),
        word("目", 523.4, 143.1, 532.9, 155.5), word("小计", 580.7, 136.3, 599.7, 148.8),
        word("提前下达专", 628.5, 130.3, 676.0, 142.8), word("项", 647.5, 143.1, 657.0, 155.5),
        word("结转项目", 695.3, 136.3, 733.2, 148.8), word("市级专项", 757.3, 136.3, 795.3, 148.8),
        word("合计", 168.6, 151.5, 187.6, 176.1), word("592.12", 278.9, 151.5, 307.6, 176.1),
        word("419.25", 341.0, 151.5, 369.7, 176.1), word("419.25", 465.1, 151.5, 493.7, 176.1),
        word("172.87", 589.1, 151.5, 617.8, 176.1), word("172.87", 651.2, 151.5, 679.9, 176.1),
    ]

    @Test func wrappedSubHeadingsStayInTheirRowAndSpanningCellsGoUp() {
        let lines = Self.texts(Self.projectHeader)
        #expect(lines == [
            ["单位：万元"],
            ["序号", "预算单位", "项目名称", "合计", "年初特定目标", "上级专项"],
            ["小计", "人员性项目", "一般性项目", "民生配套项", "小计", "提前下达专", "结转项目", "市级专项"],
            ["目", "项"],
            ["合计", "592.12", "419.25", "419.25", "172.87", "172.87"],
        ])
    }

    /// 财政拨款收支总表: headings wrapped over two and three lines beside one-line headings.
    @Test func headingsWrappedOverTwoAndThreeLines() {
        let words = [
            Self.word("收入", 119.5, 118.3, 138.5, 130.8), Self.word("支出", 377.1, 118.3, 396.1, 130.8),
            Self.word("项目", 96.1, 148.3, 115.0, 160.8), Self.word("预算数", 180.2, 148.3, 208.7, 160.8),
            Self.word("支出科目", 279.0, 148.3, 317.0, 160.8), Self.word("合计", 392.1, 148.3, 411.0, 160.8),
            Self.word("一般公共", 429.5, 141.6, 467.4, 154.0), Self.word("预算", 438.9, 154.3, 457.9, 166.8),
            Self.word("政府性", 478.5, 135.6, 507.0, 148.0), Self.word("基金预", 478.5, 148.3, 507.0, 160.8),
            Self.word("算", 488.0, 161.1, 497.5, 173.5), Self.word("国有资", 520.3, 135.6, 548.7, 148.0),
            Self.word("本经营", 520.3, 148.3, 548.7, 160.8), Self.word("预算", 525.0, 161.1, 544.0, 173.5),
            Self.word("一、本年收入", 43.5, 177.6, 100.5, 190.0), Self.word("4693.68", 180.6, 178.6, 214.5, 189.7),
            Self.word("一、本年支出", 221.2, 177.6, 278.2, 190.0), Self.word("4693.68", 387.7, 178.6, 421.6, 189.7),
        ]
        #expect(Self.texts(words) == [
            ["收入", "支出"],
            ["项目", "预算数", "支出科目", "合计", "一般公共", "政府性", "国有资"],
            ["预算", "基金预", "本经营"],
            ["算", "预算"],
            ["一、本年收入", "4693.68", "一、本年支出", "4693.68"],
        ])
    }

    /// A paragraph's lines, set closer than `wrapSpacing`, with nothing printed beside them, keep their
    /// order: they are not a wrapped cell.
    @Test func aParagraphKeepsItsLines() {
        let words = (0..<4).map { k in Self.word("第\(k)行文字内容", 50, 100 + 13 * Double(k), 176, 112 + 13 * Double(k)) }
        #expect(WrappedCell.find(words).isEmpty)
        #expect(PDFWordLayout.lines(words).map { $0.map(\.text) } == (0..<4).map { ["第\($0)行文字内容"] })
    }

    /// Body rows of a table: a name wrapped over two lines under a one-line name of the row above (the
    /// wrapped name's first line is nearer to that name than line spacing) stays in its own row.
    @Test func aWrappedNameUnderAOneLineNameStaysInItsRow() {
        let words = [
            Self.word("2010101", 40, 100, 76, 110), Self.word("行政运行", 100, 100, 140, 110),
            Self.word("10.00", 300, 100, 325, 110),
            Self.word("2010102", 40, 117, 76, 127), Self.word("一般行政管理", 100, 110.25, 160, 120.25),
            Self.word("事务", 100, 123.75, 120, 133.75), Self.word("20.00", 300, 117, 325, 127),
            Self.word("2010103", 40, 134, 76, 144), Self.word("机关服务", 100, 134, 140, 144),
            Self.word("30.00", 300, 134, 325, 144),
        ]
        #expect(Self.texts(words) == [
            ["2010101", "行政运行", "10.00"],
            ["2010102", "一般行政管理", "20.00"],
            ["事务"],
            ["2010103", "机关服务", "30.00"],
        ])
    }

    /// A table whose rows are set as close as a cell's lines, with a label spanning several of its rows
    /// (绩效指标): its columns are no wrapped cells, however a label sits beside them.
    @Test func closeRowsBesideASpanningLabelAreNoCells() {
        var words: [PDFWord] = []
        for k in 0..<12 {
            let top = 100 + 13.5 * Double(k)
            words += [Self.word("指标名称\(k)", 100, top, 150, top + 10), Self.word("\(k + 1)%", 200, top, 212.5, top + 10),
                      Self.word("件", 250, top, 260, top + 10)]
        }
        words.append(Self.word("绩效指标", 40, 100 + 13.5 * 5.5, 80, 110 + 13.5 * 5.5))
        #expect(WrappedCell.find(words).isEmpty)
        #expect(PDFWordLayout.lines(words).map { $0.map(\.text) }.filter { $0.count > 1 }.count == 12)
    }

    /// A few rows set as close as a cell's lines (fewer than `maxLines`), with a label spanning all of them
    /// centred at their middle, as a one-line cell sits beside a wrapped one: neither the names nor the
    /// figures are a wrapped cell (a figure is never wrapped, and sits at its row's middle).
    @Test func fewCloseRowsBesideALabelCentredOnThemAreNoCell() {
        for rows in 2...WrappedCell.maxLines {
            var words: [PDFWord] = []
            for k in 0..<rows {
                let top = 100 + 13.5 * Double(k)
                words += [Self.word("项目名称\(k)", 100, top, 150, top + 10),
                          Self.word("\(k + 1),234.00", 200, top, 240, top + 10)]
            }
            let middle = 100 + 13.5 * Double(rows - 1) / 2
            words.append(Self.word("三公经费", 40, middle, 80, middle + 10))
            #expect(WrappedCell.find(words).isEmpty, "\(rows) rows")
            let lines = Self.texts(words)
            for k in 0..<rows {
                #expect(lines.contains { $0.contains("项目名称\(k)") && $0.contains("\(k + 1),234.00") },
                        "\(rows) rows: row \(k) keeps its name and figure on one line")
            }
        }
    }

    /// Two wrapped cells of the same row over the same lines, beside one-line cells at the row's middle:
    /// each is a wrapped cell (the other one's words beside its lines are not another row's).
    @Test func twoCellsWrappedOverTheSameLinesStayInTheirRow() {
        let words = [
            Self.word("2010101", 40, 106.75, 76, 116.75), Self.word("一般行政管理", 100, 100, 160, 110),
            Self.word("事务", 100, 113.5, 120, 123.5), Self.word("基本支出人员", 200, 100, 260, 110),
            Self.word("经费", 200, 113.5, 220, 123.5), Self.word("20.00", 300, 106.75, 325, 116.75),
        ]
        #expect(WrappedCell.find(words).count == 2)
        #expect(Self.texts(words) == [
            ["2010101", "一般行政管理", "基本支出人员", "20.00"],
            ["事务", "经费"],
        ])
    }
}
