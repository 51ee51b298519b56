import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `hasAtMost(characters:)` counts plain text (`plainCharacterCount`) on its bytes; it must answer as counting
/// characters does, on plain text, on text that is plain only at its start, and on any other.
@Suite struct TextLengthTests {
    /// Plain pieces (ASCII, CJK, full-width and half-width forms) and pieces that are not, or that join the one
    /// before into one character: combining marks (U+0301, U+302A, U+3099, U+FF9E), CR LF, flags, Hangul jamo.
    static let pieces = ["a", "1", " ", "\n", "\t", "一", "预", "。", "（", "\u{3000}", "ｶ", "Ａ", "\u{301}", "\u{302A}",
                         "\u{3099}", "\u{FF9E}", "\r", "\r\n", "😀", "\u{1F1E8}", "가", "\u{1100}", "\u{1161}", "é"]

    @Test func hasAtMostIsCountAtMost() {
        var rng = SeededRandom(seed: 34)
        var onBytes = 0
        for _ in 0..<20_000 {
            // Mostly plain pieces, so that the bytes decide often, with a piece of any kind now and then.
            let plain = Int.random(in: 5...12, using: &rng)
            let s = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                let i = Int.random(in: 0..<(Bool.random(using: &rng) ? plain : Self.pieces.count), using: &rng)
                return Self.pieces[i]
            }.joined()
            let n = Int.random(in: 0...20, using: &rng)
            #expect(s.hasAtMost(characters: n) == (s.count <= n), "\(s.debugDescription) \(n)")
            let bytes = Array(s.utf8)
            if s.utf8.count > n, let count = bytes.withUnsafeBufferPointer({ TextNormalization.plainCharacterCount($0, atMost: n + 1) }) {
                #expect(count == min(s.count, n + 1), "\(s.debugDescription) \(n)")
                onBytes += 1
            }
        }
        // The bytes decide for many texts, not only the characters.
        #expect(onBytes > 1_000, "\(onBytes)")
    }
}
