import Testing
import YusuanTestSupport
@testable import YusuanCore
@testable import YusuanIngest

/// The per-line shortcuts of the scan (`ScannedLine.joined`, the marker and note prechecks on a line's labels, the "?"
/// test of `unitLine`, the heading and indicator-header prechecks) give what the steps they replace give, on random cells made of the pieces
/// where bytes and characters part ways.
@Suite struct LinePrecheckTests {
    static let pieces = [
        "一", "(", "（", ")", "）", "1", "１", ".", "、", " ", "\u{3000}", "\u{00A0}", "?", "？", "\u{0301}", "\r\n",
        "\u{F98E}", "\u{F9B2}", "，", ",", "指标", "指", "三级指标", "指标名称", "指标值", "权重", "万元", "单位", "😀", "e",
    ]

    static func randomCells(seed: UInt64, count: Int) -> [[String]] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            }
        }
    }

    @Test func joinedIsJoinedWithASpace() {
        for cells in Self.randomCells(seed: 1, count: 5_000) + [[], [""], ["", ""], [String(repeating: "支出", count: 500), "1"]] {
            let joined = ScannedLine.joined(cells)
            #expect(Array(joined.utf8) == Array(cells.joined(separator: " ").utf8))
        }
    }

    /// A line's non-empty cells trimmed (`RawLine.nonEmptyTrimmedCells`, a scanned line's labels) whether the line's
    /// own array is kept (round 31: every cell already trimmed and not empty, as the text reader makes them) or a
    /// trimmed copy made; and the line's text, joined from them, is the text as it was made before.
    @Test func labelsAreTheTrimmedNonEmptyCells() {
        let trimmedCells = Self.randomCells(seed: 31, count: 2_000).map { $0.map(\.trimmed).filter { !$0.isEmpty } }
        for cells in Self.randomCells(seed: 3, count: 5_000) + trimmedCells {
            let line = RawLine(cells: cells, location: SourceLocation())
            let want = cells.map(\.trimmed).filter { !$0.isEmpty }
            #expect(ScannedLine(line).labels.map { Array($0.utf8) } == want.map { Array($0.utf8) }, "\(cells)")
            let text = cells.count == 1 ? cells[0].trimmed : want.joined(separator: " ")
            #expect(Array(line.text.utf8) == Array(text.utf8), "\(cells)")
        }
    }

    /// The scan joins a line's labels only when a test needs the text: the marker and note prechecks, read on the
    /// labels, must never turn away a line whose joined text is a marker or a note.
    @Test func markerAndNotePrechecksOnLabelsKeepTheJoinedTests() {
        let extra = ["附", "表", "附件", "附表", "表1", "3", ":", "：", "注", "注:", "备注", "说明:", "本表", "此表无数据", "故此表",
                     "(本单位", "收入", "\u{FF21}", "\t"]
        var rng = SeededRandom(seed: 5)
        var lines = Self.randomCells(seed: 6, count: 1_000)
        for _ in 0..<2_000 {
            lines.append((0..<Int.random(in: 1...4, using: &rng)).map { _ in
                (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    Bool.random(using: &rng) ? extra[Int.random(in: 0..<extra.count, using: &rng)] : Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)]
                }.joined()
            })
        }
        for cells in lines {
            let labels = cells.map(\.trimmed).filter { !$0.isEmpty }
            guard let first = labels.first else { continue }
            let text = labels.joined(separator: " ")
            if TableTitles.marker(text) != nil { #expect(TableTitles.mayStartMarker(first), "\(labels)") }
            if TableBuilder.isNote(text) { #expect(labels.contains(where: TableBuilder.mayBeNote), "\(labels)") }
        }
        #expect(TableTitles.marker("附表1 收入支出预算总表") != nil && TableTitles.mayStartMarker("附表1"))
        #expect(TableBuilder.isNote("注：本表无数据") && TableBuilder.mayBeNote("注："))
    }

    @Test func questionMarkIsStringEquality() {
        for cells in Self.randomCells(seed: 2, count: 2_000) {
            for c in cells + ["?", "??", "?\u{0301}", "？", ""] { #expect(TableTitles.isQuestionMark(c) == (c == "?"), "\(c)") }
        }
    }

    @Test func headingPrecheckKeepsTheOutlineTest() {
        func reference(_ t: String) -> Bool {
            let (depth, rest) = RowLabels.outline(t)
            guard depth != nil else { return false }
            return rest.count <= 30 && !rest.contains("，") && !rest.contains(",")
        }
        for cells in Self.randomCells(seed: 3, count: 5_000) {
            let t = cells.joined()
            #expect(NarrativeShape.isHeading(t) == reference(t), "\(t)")
        }
        #expect(NarrativeShape.isHeading("一、收入预算情况"))
        #expect(!NarrativeShape.isHeading("（一）收入预算：本年收入1,234万元，比上年增加"))
    }

    @Test func indicatorHeaderPrecheckKeepsTheKeyedTest() {
        func reference(_ cells: [String]) -> Bool {
            let keys = cells.map { TextNormalization.key($0) }
            return keys.contains { $0.contains("三级指标") || $0.contains("指标名称") }
                && keys.contains { $0.contains("指标值") || $0.contains("权重") }
        }
        for cells in Self.randomCells(seed: 4, count: 5_000) + [["一级指标", "二级指标", "三级指标", "指标值"], ["项目名称", "x"]] {
            #expect(FormBuilder.isIndicatorHeader(cells) == reference(cells), "\(cells)")
        }
    }

    /// `isNote` turns a line away on its first scalar and the bytes of 此 before keying it: it must answer as the keyed
    /// test does, on random lines made of the note words, the spellings `key` drops or maps (brackets, quotes, white
    /// space, full-width forms) and scalars that are not characters alone.
    @Test func notePrecheckKeepsTheKeyedTest() {
        let words = ["注", "备注", "说明", "本表", "本", "此", "故", "表", "无数据", "此表无数据", "故此表", "单位", "本单位", "1",
                     "(", "（", "【", "[", ")", "）", "】", ":", "：", "“", "\"", "'", " ", "\u{3000}", "\u{00A0}", "收入", "本年收入",
                     "\u{FF11}", "\u{F9B2}", "\u{0301}", "😀", "e"]
        var rng = SeededRandom(seed: 36)
        var texts = ["注：本表无数据", "此 表 无 数 据", "（本单位无此项支出）", "本年收入 上年结转", "项目 本年 此"]
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 1...6, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined())
        }
        var notes = 0
        for t in texts {
            let want = TableBuilder.keyedIsNote(t)
            if want { notes += 1 }
            #expect(TableBuilder.isNote(t) == want, "\(t)")
        }
        #expect(notes > 1_000)
    }
}
