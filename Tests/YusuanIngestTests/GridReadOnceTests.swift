import Testing
@testable import YusuanCore
@testable import YusuanIngest

/// Round 11's reading shortcuts give what the steps they replace gave: grid cells trimmed and parsed once,
/// layout segments cut from bytes, words of a segment split by bytes, the line separators found in one pass.
@Suite struct GridReadOnceTests {
    static let rows: [[String]] = [
        ["201", " 一般公共服务支出 ", "1,234.56", "", "  -  "],
        ["20103", "政府办公厅（室）及相关机构事务", "（12.5）", "83.44%", "44万元"],
        ["", "　合计　", "１２３．４", "—"],
        ["2010301"],
        [],
        ["\t行政运行", "abc", "3.", "1e5", " 7 "],
    ]

    @Test func gridCellsAreTheCellsTrimmedAndParsed() {
        let cells = GridCells(Self.rows)
        for (r, row) in Self.rows.enumerated() {
            #expect(cells.trimmed[r] == row.map { $0.trimmed })
            #expect(cells.numbers[r] == row.map { NumberParser.parse($0.trimmed) })
        }
        for column in 0..<6 {
            // What the classifier worked out for each column before.
            let values = Self.rows.map { column < $0.count ? $0[column].trimmed : "" }.filter { !$0.isEmpty }
            #expect(cells.values(column) == values)
            #expect(cells.figures(column) == values.compactMap { NumberParser.parse($0) })
        }
        let location = SourceLocation(line: 3, column: 2)
        #expect(cells.cell(line: 2, column: 2, location: location) == Cell(text: "１２３．４", location: location))
        #expect(cells.cell(line: 3, column: 1, location: location) == nil)
        #expect(cells.cell(line: 0, column: -1, location: location) == nil)
        #expect(cells.cell(line: 9, column: 0, location: location) == nil)
    }

    static let lines = [
        "  一、一般公共服务支出        156,211,123   951.81  ",
        "156,211,123 一、一般公共服务支出    1. 一般公共预算资金",
        "项目　　预算数    决算数",
        "合 计    12.5   1,000 二、教育",
        "“三公”经费  1,234.00   ≥95%",
        "e\u{301} 2,000.5 x",
        "\u{F967}低于   5,000.25 元",
        "",
        "   ",
        "１２３,456 一般",
    ]

    @Test func segmentsCutFromBytesAreTheScalarSegments() {
        for line in Self.lines {
            let got = LayoutSegments.split(line)
            let want = Self.referenceSplit(line)
            #expect(got.map(\.text) == want.map(\.text), "\(line)")
            #expect(got.map(\.span) == want.map(\.span), "\(line)")
        }
    }

    @Test func wordsSplitByBytesAreTheCharacterWords() {
        for text in Self.lines + ["a  b", " 1,234 一般 ", "１２ ３", "e\u{301} 1", "\r\n x"] {
            let got = LayoutSegments.wordsAndLengths(text)
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(got.words == words, "\(text)")
            #expect(got.lengths == words.map(\.count), "\(text)")
        }
    }

    @Test func separatorsAreWhatContainsFinds() {
        for line in ["a\tb", "a|b", "\u{0C}x", "｜全角", "plain", "\t|\u{0C}", ""] {
            let s = TextReader.separators(line)
            #expect(s.formFeed == line.contains("\u{0C}"))
            #expect(s.tab == line.contains("\t"))
            #expect(s.pipe == line.contains("|"))
        }
    }

    /// `LayoutSegments.split` as it was before round 11: each segment's text appended scalar by scalar, and
    /// words split by characters.
    static func referenceSplit(_ line: String) -> [LayoutSegments.Segment] {
        let spaced = line.contains("\u{3000}") ? line.replacingAll("\u{3000}", with: "  ") : line
        let raw: [LayoutSegments.Segment]
        if TextNormalization.isPlainCJK(spaced) {
            let scalars = Array(spaced.unicodeScalars)
            raw = LayoutSegments.spans(scalars, space: " ").map { span in
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[span])
                return LayoutSegments.Segment(text: String(view), span: span)
            }
        } else {
            let chars = Array(spaced)
            raw = LayoutSegments.spans(chars, space: " ").map { LayoutSegments.Segment(text: String(chars[$0]), span: $0) }
        }
        return raw.flatMap(referenceSplitFigure)
    }

    static func referenceSplitFigure(_ s: LayoutSegments.Segment) -> [LayoutSegments.Segment] {
        guard s.text.utf8.contains(UInt8(ascii: " ")) else { return [s] }
        let words = s.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count > 1 else { return [s] }
        var out: [LayoutSegments.Segment] = []
        var current = ""
        var currentStart = s.span.lowerBound
        var offset = s.span.lowerBound
        var previousIsFigure: Bool?
        for (k, w) in words.enumerated() {
            let isFigure = LayoutSegments.isFigureWord(w)
            if let p = previousIsFigure, p != isFigure, !current.isEmpty {
                out.append(LayoutSegments.Segment(text: current, span: currentStart..<(offset - 1)))
                current = ""
                currentStart = offset
            }
            if !current.isEmpty { current += " " }
            current += w
            previousIsFigure = isFigure
            offset += w.count + (k + 1 < words.count ? 1 : 0)
        }
        out.append(LayoutSegments.Segment(text: current, span: currentStart..<s.span.upperBound))
        return out.count > 1 && out.allSatisfy({ !$0.text.isEmpty }) ? out : [s]
    }
}
