import Foundation
import Testing
import YusuanTestSupport
@testable import YusuanCore

/// The shortcuts that answer without mapping or re-checking whole texts (`RowLabels.depth` and
/// `mayHaveOrdinal`, `SuffixWords`) give what the full steps give, on random text made of the pieces where
/// bytes, scalars and characters part ways (full-width forms, white space, combining marks, CR LF,
/// compatibility ideographs).
@Suite struct TextPrecheckTests {
    static let pieces = [
        "一", "二", "十", "百", "零", "\u{F9B2}", "(", "（", ")", "）", "1", "１", "2", "9", ".", "．", "、", " ", "\u{3000}",
        "\u{00A0}", "\t", "\n", "a", "Ａ", "支出", "合计", "增加", "减", "减少", "增长率", "调整为", "增减", "\u{0301}",
        "\r\n", "\r", "\u{F98E}", "e", "，", ",", "万元", "元", "亿", "😀", "\u{2003}", "\u{3099}",
    ]

    static func randomTexts(seed: UInt64, count: Int, length: ClosedRange<Int> = 0...8) -> [String] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: length, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
        }
    }

    @Test func depthIsTheOutlinesDepth() {
        for s in Self.randomTexts(seed: 14, count: 20_000) + OutlineScanTests.labels {
            let full = RowLabels.outline(s).depth
            #expect(RowLabels.depth(s) == full, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            if full != nil { #expect(RowLabels.mayHaveOrdinal(s)) }
        }
    }

    @Test func depthOfALongParagraphWithoutOrdinal() {
        let p = "本年收入" + String(repeating: "比上年增加1,234.56万元，", count: 100)
        #expect(!RowLabels.mayHaveOrdinal(p))
        #expect(RowLabels.depth(p) == nil)
        #expect(RowLabels.depth("\u{3000}（一）" + p) == 2)
        #expect(RowLabels.depth(" １．" + p) == 3)
    }

    @Test func moneyUnitFindsWhatItFoundThroughFoundation() {
        func reference(_ text: String) -> MoneyUnit? {
            let t = text.replacingOccurrences(of: " ", with: "")
            if t.contains("亿元") { return .yiYuan }
            if t.contains("万元") { return .wanYuan }
            if t.contains("元") { return .yuan }
            return nil
        }
        let extra = ["单位：万元", "单位: 万 元", "金额单位:元", "亿 元", "万 \u{0301}元", "万\u{0301} 元", " \u{0301}元", "万  元", ""]
        for s in Self.randomTexts(seed: 3, count: 5_000) + extra {
            #expect(MoneyUnit.find(in: s) == reference(s), "\(s)")
        }
    }

    @Test func suffixWordsFindTheFirstWordHasTextSuffixFinds() {
        let lists = [
            ["增加", "增长", "上升", "调整为", "减"], ["增长率", "增幅", "增长", "减"], ["合计", "\u{F98E}度", "e\u{0301}", "e"],
            ["\r", "计"], [], ["", "减"],
        ]
        for words in lists {
            let suffixes = SuffixWords(words)
            for s in Self.randomTexts(seed: UInt64(words.count) &+ 7, count: 5_000) + ["", "合计", "年度", "\u{F98E}度"] {
                #expect(suffixes.firstEnding(s) == words.firstIndex { s.hasTextSuffix($0) }, "\(words) \(s)")
            }
        }
    }
}
