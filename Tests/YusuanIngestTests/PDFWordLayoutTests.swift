import Testing
@testable import YusuanIngest

/// The word-box reader: words on one row share a line by their boxes, cells are separated by real
/// gaps, and positions are kept so that columns line up.
@Suite struct PDFWordLayoutTests {
    static func word(_ text: String, x: Double, y: Double, height: Double = 12) -> PDFWord {
        let width = text.reduce(0.0) { $0 + (PDFWordLayout.isWide($1) ? 10 : 5) }
        return PDFWord(text: text, xMin: x, yMin: y, xMax: x + width, yMax: y + height)
    }

    @Test func parsesBboxXHTML() {
        let xhtml = """
        <doc><page width="595" height="842"><flow><block><line>
        <word xMin="10.5" yMin="20" xMax="40" yMax="32">合计</word><word xMin="100" yMin="20" xMax="130" yMax="32">1,234.50</word>
        </line></block></flow></page><page width="595" height="842"><word xMin="1" yMin="2" xMax="3" yMax="4">A&amp;B</word></page></doc>
        """
        let pages = PDFWords.parse(Array(xhtml.utf8))
        #expect(pages.count == 2)
        #expect(pages[0].map(\.text) == ["合计", "1,234.50"])
        #expect(pages[0][0].xMin == 10.5)
        #expect(pages[1].first?.text == "A&B")
    }

    @Test func wordsOfOneRowShareALineAndColumnsKeepTheirPositions() {
        let words = [
            Self.word("科目编码", x: 40, y: 100), Self.word("科目名称", x: 120, y: 100), Self.word("总计", x: 300, y: 100),
            Self.word("201", x: 40, y: 118), Self.word("一般公共服务支出", x: 120, y: 118.5), Self.word("12.00", x: 300, y: 117.8),
            Self.word("20103", x: 40, y: 136), Self.word("政府办公厅", x: 130, y: 136), Self.word("7.00", x: 305, y: 136),
        ]
        let lines = PDFWordLayout.page(words).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let cells = lines.map { LayoutSegments.split($0).map(\.text) }
        #expect(cells[1] == ["201", "一般公共服务支出", "12.00"])
        // The figure columns' right edges agree on the grid (a CJK character two columns wide): 12.00 and
        // 7.00 are right-aligned in the PDF.
        let right1 = LayoutSegments.split(lines[1], wide: true).last?.span.upperBound
        let right2 = LayoutSegments.split(lines[2], wide: true).last?.span.upperBound
        #expect(right1 != nil && right1 == right2)
    }

    @Test func aTallFigureBoxAndAGlyphTightLabelOnOneRowShareALine() {
        // One font reports a tall box, another a tight one; the row's centre is within both.
        let words = [PDFWord(text: "208", xMin: 40, yMin: 400, xMax: 58, yMax: 422),
                     PDFWord(text: "养老支出", xMin: 120, yMin: 409, xMax: 160, yMax: 412),
                     PDFWord(text: "326.72", xMin: 300, yMin: 400, xMax: 330, yMax: 422)]
        #expect(PDFWordLayout.lines(words).count == 1)
    }

    @Test func closeWordsAreOneCellAndSpacedLettersJoin() {
        let words = [Self.word("因", x: 100, y: 10), Self.word("公", x: 112, y: 10), Self.word("出", x: 124, y: 10),
                     Self.word("国", x: 136, y: 10), Self.word("3.00", x: 300, y: 10)]
        let line = PDFWordLayout.layout(words, column: 5)
        #expect(LayoutSegments.split(line).map(\.text) == ["因公出国", "3.00"])
    }

    @Test func inconsistentBoxHeightsAreDetected() {
        let tall = (0..<20).map { Self.word("\($0).00", x: 10, y: Double($0) * 20, height: 22) }
        let tight = (0..<20).map { Self.word("名称", x: 100, y: Double($0) * 20, height: 3) }
        #expect(PDFWordLayout.boxesAreConsistent([tall]))
        #expect(!PDFWordLayout.boxesAreConsistent([tall + tight]))
    }

    @Test func gridColumnsNeverTrapOnAnyCoordinate() {
        for x in [Double.nan, .infinity, -.infinity, 1e300, -1e300, Double(Int.max), -5] {
            let c = PDFWordLayout.gridColumn(x, column: 5)
            #expect(c >= 0 && c <= PDFWordLayout.maxGridColumns, "\(x)")
        }
        #expect(PDFWordLayout.gridColumn(50, column: .nan) == 0)
        #expect(PDFWordLayout.gridColumn(50, column: 0) == 0)
        #expect(PDFWordLayout.gridColumn(50, column: 5) == 10)
        // Words placed directly (not through the reader's clamp) still lay out, on a bounded line.
        let words = [PDFWord(text: "远", xMin: 1e300, yMin: 10, xMax: .infinity, yMax: 20),
                     PDFWord(text: "无", xMin: .nan, yMin: 10, xMax: .nan, yMax: 20)]
        #expect(PDFWordLayout.layout(words, column: 5).count <= PDFWordLayout.maxGridColumns + 10)
    }

    @Test func aHeadingWrappedOverTwoLinesIsJoinedAndASubHeadingIsNot() {
        #expect(HeaderWraps.isWrap("2021年预", "算数"))
        #expect(HeaderWraps.isWrap("人员性项", "目"))
        #expect(HeaderWraps.isWrap("因公出国（境）", "费用"))
        #expect(!HeaderWraps.isWrap("2022年预算数", "基本支出"))
        #expect(!HeaderWraps.isWrap("年初特定目标", "小计"))
        #expect(!HeaderWraps.isWrap("科目编码", "类"))
    }
}
