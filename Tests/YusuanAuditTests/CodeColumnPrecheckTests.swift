import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanAudit

/// `CodeFormatCheck.codeColumn` passes a valid code on the cell's text as printed, before making it half-width and
/// trimmed; the answer must be the one on the text made so, on random texts of digits, full-width digits, spaces of
/// every kind, letters and ideographs.
@Suite struct CodeColumnPrecheckTests {
    static let pieces = ["2", "0", "1", "3", "5", "9", "２", "０", "１", "３", " ", "\u{3000}", "\u{A0}", "\t", "\n",
                         "a", "Ａ", "-", ".", "·", "一", "\u{301}", "\r\n"]

    @Test func validAsPrintedExactlyWhenValidHalfWidthAndTrimmed() {
        var rng = SeededRandom(seed: 241)
        for round in 0..<20_000 {
            // Mostly digits (so that valid codes come up), with other pieces among them.
            let n = Int.random(in: 0...9, using: &rng)
            let text = (0..<n).map { _ in
                round % 2 == 0 && Int.random(in: 0..<4, using: &rng) > 0
                    ? Self.pieces[Int.random(in: 0..<6, using: &rng)]
                    : Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)]
            }.joined()
            #expect(CodeFormatCheck.isValid(text) == CodeFormatCheck.isValid(TextNormalization.halfWidth(text).trimmed),
                    "\(Array(text.unicodeScalars))")
        }
    }
}
