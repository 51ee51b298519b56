import Testing
import YusuanTestSupport
@testable import YusuanCore
@testable import YusuanIngest

/// The per-line shortcuts of the scan (`ScannedLine.joined`, the "?" test of `unitLine`, the heading and
/// indicator-header prechecks) give what the steps they replace give, on random cells made of the pieces
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
}
