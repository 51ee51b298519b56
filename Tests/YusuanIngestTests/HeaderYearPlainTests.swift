import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanIngest

/// `ColumnClassifier.year(in:)` reads plain text's bytes (round 20); every header must still give the year the loop
/// over characters gave.
@Suite struct HeaderYearPlainTests {
    /// `year(in:)` as written before round 20: the byte search for 年, then the loop over characters.
    static func reference(_ s: String) -> Int? {
        guard s.contains("年") else { return nil }  // YusuanCore's byte search, as in the reader (U+F98E is not 年 here)
        return ColumnClassifier.yearInCharacters(s)
    }

    /// Digits in both widths and as ideographs, years in and out of range, 年 and its neighbours, signs, white
    /// space, a combining mark (on a digit or on 年), a prepended mark (U+0600), a compatibility ideograph, CR LF.
    static let pieces = [
        "2", "0", "1", "9", "2022", "1990", "1991", "2099", "2100", "0202", "年", "年", "年", "度", "预算", "数", "+",
        "-", " ", "\u{3000}", "２", "０", "二", "〇", "\u{0301}", "\u{0600}", "\u{F98E}", "\r\n", "\r", "\n", "a", "(",
        "１２３４", "😀",
    ]

    @Test func readsAsTheCharacterLoop() {
        var rng = SeededRandom(seed: 20)
        var texts = ["", "年", "2022年", "2022年预算数", "1990年", "1991年", "2099年", "2100年", "12022年", "二〇二二年",
                     "２０２２年", "2022\u{0301}年", "2022年\u{0301}", "\u{0600}2022年", "+202年", "2022 年", "年2022年"]
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...9, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            #expect(ColumnClassifier.year(in: t) == Self.reference(t), "\(t.debugDescription)")
        }
    }
}
