import Testing
import YusuanCore
@testable import YusuanIngest

/// A PDF's cells wrapped over several printed lines (line spacing, not row spacing): headings
/// joined however many lines they take, an indicator name joined to its row, a row-spanning label
/// kept out of the row it is printed level with, and a column that no figure fills found by its
/// heading.
@Suite struct PDFWrapTests {
    /// A word at (x, y), 10 points a CJK character and 5 any other (a 10 pt font), with a tall box
    /// as Chromium's PDFs report.
    static func word(_ text: String, _ x: Double, _ y: Double) -> PDFWord {
        let width = text.reduce(0.0) { $0 + (PDFWordLayout.isWide($1) ? 10 : 5) }
        return PDFWord(text: text, xMin: x, yMin: y, xMax: x + width, yMax: y + 26)
    }

    static func read(_ words: [PDFWord]) throws -> RawDocument {
        try PDFWordLayout.document(pages: [words], source: "test.pdf")
    }

    @Test func aCJKWordSpansItsPrintedWidth() throws {
        let doc = try Self.read([Self.word("一般公共服务支出", 40, 100), Self.word("12.00", 200, 100)])
        let line = try #require(doc.lines.first { $0.cells.contains("12.00") })
        // 80 points of text from x = 40 on a 5-point grid: columns 8 to 24.
        #expect(line.spans?.first == 8..<24)
        #expect(line.spans?.last == 40..<45)
    }

    @Test func lineSpacingIsAWrapAndRowSpacingIsNot() {
        let lines = [[Self.word("人员性项", 100, 100), Self.word("小计", 200, 100)],
                     [Self.word("目", 110, 113.5), Self.word("12.00", 200, 118)]]
        // 13.5 points below a 10-point word: its next line; 18 points: the next row.
        #expect(PDFWordLayout.wrapFlags(lines) == [[false, false], [true, false]])
    }

    @Test func aHeadingWrappedOverThreeLinesWithNoCutWordIsJoined() throws {
        let doc = try Self.read([
            Self.word("一般公共", 300, 100), Self.word("政府性基", 360, 93),
            Self.word("科目编码", 40, 106.5), Self.word("合计", 250, 106.5), Self.word("预算拨款", 300, 113),
            Self.word("金预算拨", 360, 106.5), Self.word("款", 375, 120),
            Self.word("201", 40, 140), Self.word("8.00", 255, 140), Self.word("8.00", 310, 140), Self.word("0.00", 370, 140),
        ])
        let header = Array(doc.lines.filter { !$0.isBlank && !$0.cells.contains("201") })
        let joined = HeaderWraps.join(header).flatMap(\.cells).map(\.trimmed).filter { !$0.isEmpty }
        #expect(joined.contains("一般公共预算拨款"))
        #expect(joined.contains("政府性基金预算拨款"))
        #expect(!joined.contains("款"))
    }

    @Test func aSubHeadingOneRowBelowIsNoWrap() throws {
        let doc = try Self.read([Self.word("2022年预算数", 300, 100), Self.word("基本支出", 305, 118)])
        let joined = HeaderWraps.join(doc.lines.filter { !$0.isBlank })
        #expect(joined.count == 2)
    }

    /// A performance form as a browser prints it: the 绩效指标 label centred in its tall cell
    /// level with the second indicator, the 指标性质 heading and an indicator name wrapped.
    @Test func aPerformanceFormIsReadByPosition() throws {
        var words = [Self.word("2022年区级预算绩效目标申报表", 150, 40),
                     Self.word("项目名称", 40, 70), Self.word("测试项目", 140, 70),
                     Self.word("资金总额（万元）", 40, 88), Self.word("40.00", 140, 88)]
        words += [Self.word("一级指标", 140, 110), Self.word("三级指标", 230, 110), Self.word("指标值", 330, 110),
                  Self.word("指标性", 380, 110), Self.word("质", 390, 123.5), Self.word("权重", 440, 110)]
        var y = 140.0
        for (k, name) in ["指标1：处理来信来访", "指标2：北京、河北、四川"].enumerated() {
            if k == 1 { words.append(Self.word("绩效指标", 60, y)) }
            words += [Self.word("产出指标", 140, y), Self.word(name, 200, y), Self.word("\(30 + k)", 330, y),
                      Self.word("=", 385, y), Self.word("\(40 + k * 20)", 445, y)]
            if k == 1 { words.append(Self.word("重庆四条防线", 200, y + 13.5)) }
            y += 36
        }
        let disclosure = try Recogniser.recognise(Self.read(words))
        let form = try #require(disclosure.tables.first { !$0.rows.isEmpty && $0.columns.contains { $0.header.contains("权重") } })
        let headers = form.columns.map(\.header)
        #expect(headers == ["绩效指标", "一级指标", "三级指标", "指标值", "指标性质", "权重"])
        #expect(form.rows.count == 2)
        #expect(form.rows.map(\.name) == ["指标1：处理来信来访", "指标2：北京、河北、四川重庆四条防线"])
        #expect(form.rows.last?.cells.map(\.text) == ["", "产出指标", "指标2：北京、河北、四川重庆四条防线", "31", "=", "60"])
        #expect(form.fields.first { $0.label.hasPrefix("资金总额") }?.value == "40.00")
    }

    /// 公务用车购置 printed with no figure under it on any row: its column is still there, so the
    /// figures after it keep their headings.
    @Test func aColumnThatNoFigureFillsIsFoundByItsHeading() throws {
        var words = [Self.word("2022年一般公共预算支出表", 150, 40), Self.word("单位：万元", 400, 60),
                     Self.word("科目编码", 40, 80), Self.word("科目名称", 110, 80), Self.word("合计", 230, 80),
                     Self.word("基本支出", 290, 80), Self.word("项目支出", 360, 80), Self.word("其他支出", 430, 80)]
        var y = 100.0
        for (code, name, a, b) in [("201", "一般公共服务支出", "30.00", "10.00"), ("20103", "政府办公厅", "30.00", "10.00"),
                                   ("2010301", "行政运行", "10.00", "10.00"), ("2010350", "事业运行", "20.00", "")] {
            words += [Self.word(code, 40, y), Self.word(name, 110, y), Self.word(a, 235, y)]
            if !b.isEmpty { words.append(Self.word(b, 305, y)) }
            if b.isEmpty || code.count < 7 { words.append(Self.word(b.isEmpty ? "20.00" : "20.00", 445, y)) }
            y += 18
        }
        let disclosure = try Recogniser.recognise(Self.read(words))
        let table = try #require(disclosure.tables.first)
        let headers = table.columns.map(\.header)
        #expect(headers.contains("项目支出"))
        let other = try #require(table.columns.first { $0.header == "其他支出" })
        #expect(table.rows.first { $0.name == "事业运行" }?.cell(other.index)?.text == "20.00")
    }
}
