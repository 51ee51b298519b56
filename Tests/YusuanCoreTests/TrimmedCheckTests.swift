import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `TextNormalization.isTrimmed` lets the grid and the scan keep a line's cells in their own array; it must answer
/// `s.trimmed == s` on any text.
@Suite struct TrimmedCheckTests {
    /// White space of every byte length, scalars sharing a first or last byte with it, and plain text.
    static let alphabet: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{85}", "\u{A0}", "\u{A1}", "\u{1680}", "\u{1681}", "\u{2000}", "\u{200A}",
        "\u{200B}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{3001}", "\u{2080}", "a", "1", "编", "预",
        "\u{0301}", "😀",
    ]

    @Test func isTrimmedIsTrimmingChangesNothing() {
        var rng = SeededRandom(seed: 22)
        for _ in 0..<20_000 {
            let s = rng.text(length: 0...5, from: Self.alphabet)
            #expect(TextNormalization.isTrimmed(s) == (s.trimmed == s), "\(s.debugDescription)")
        }
    }
}
