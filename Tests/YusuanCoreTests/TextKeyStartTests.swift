import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `TextNormalization.keyMayStart` turns a text away on its first scalar: it must never do so when the text's key has
/// one of the prefixes (Swift's `hasPrefix`, canonical equivalence over characters), on random text made of the
/// pieces where keying, canonical equivalence and bytes part ways.
@Suite struct TextKeyStartTests {
    static let pieces = [
        "项目", "项", "年度", "年", "立", "科目名称", "名称", "其中:", "(", "（", ")", "[", "]", "【", "“", "\"", "'", "‘", " ",
        "\u{3000}", "\t", "\u{00A0}", "\u{0301}", "\u{F98E}", "\u{F9F7}", "\u{FF21}", "A", "1", "１", "-", "\r\n", "😀", "一", "é",
        "<", "\u{338}", "≮", "か", "\u{3099}", "が",
    ]

    @Test func neverTurnsAwayAKeyWithThePrefix() {
        let prefixes = ["项目名称", "年度目标", "立项", "(单位)", "A1", "名称", "<1", "が"]
        let firsts = TextNormalization.firstScalars(prefixes)
        #expect(firsts?.map(\.value) == ["项", "年", "立", "(", "A", "名", "<", "が"].compactMap { $0.unicodeScalars.first?.value })
        var rng = SeededRandom(seed: 35)
        var turnedAway = 0, prefixed = 0
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let k = TextNormalization.key(s)
            let has = prefixes.contains { k.hasPrefix($0) }
            if has { prefixed += 1 }
            let may = TextNormalization.keyMayStart(s, withOneOf: firsts)
            if !may { turnedAway += 1 }
            #expect(may || !has, "\(s.unicodeScalars.map(\.value))")
        }
        #expect(turnedAway > 5_000 && prefixed > 200)  // both sides reached
    }

    @Test func firstScalarsOnlyOfPlainPrefixes() {
        #expect(TextNormalization.firstScalars([]) == [])
        #expect(TextNormalization.firstScalars(["项目", "项", "名称"])?.count == 2)
        #expect(TextNormalization.firstScalars(["项目", ""]) == nil)
        #expect(TextNormalization.firstScalars(["e\u{0301}"]) == nil)
        #expect(TextNormalization.firstScalars(["\u{F98E}度"]) == nil)
        #expect(TextNormalization.keyMayStart("", withOneOf: nil) && TextNormalization.keyMayStart("x", withOneOf: nil))
    }
}
