import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `TextNormalization.halfWidth` maps on the bytes (round 20); every text must map as the loop over scalars did.
@Suite struct HalfWidthBytesTests {
    /// `halfWidth` as written before round 20.
    static func reference(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: u.value - 0xFEE0)))
            case 0x3000, 0x00A0: out.unicodeScalars.append(" ")
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Scalars around every mapped range's edges (U+FF00–U+FF60, the ideographic and no-break spaces), their
    /// neighbours with the same lead bytes (U+3001, U+00A1, U+FFE5), other widths, a combining mark, an emoji.
    static let pieces: [String] = (0xFF00...0xFF60).map { String(Unicode.Scalar($0).map(Character.init) ?? " ") }
        + ["\u{3000}", "\u{3001}", "\u{A0}", "\u{A1}", "\u{BC}", "\u{FFE5}", "\u{FEFF}", "\u{E000}", "a", "1", " ",
           "\t", "\r\n", "中", "（", "）", "\u{0301}", "\u{F98E}", "😀", "é", "\u{2003}", "\u{7F}", "\u{80}"]

    @Test func mapsAsTheScalarLoop() {
        var rng = SeededRandom(seed: 20)
        var texts = ["", "（一）", "１２３", "\u{3000}", "\u{A0}", "ｚ～", "\u{FF00}\u{FF5F}\u{FF60}"]
        texts += Self.pieces
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...10, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            let got = TextNormalization.halfWidth(t), want = Self.reference(t)
            #expect(Array(got.utf8) == Array(want.utf8), "\(t.debugDescription)")
        }
    }
}
