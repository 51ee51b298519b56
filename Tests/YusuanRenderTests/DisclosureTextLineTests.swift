import Foundation
import Testing
@testable import YusuanCore
@testable import YusuanRender

/// `DisclosureText.cell` and `.line` skip splitting when a text holds no tab or line break (read from its
/// bytes). They must give what splitting always gave, for texts with and without such characters.
@Suite struct DisclosureTextLineTests {
    /// Cell and line as they were written before the byte check: split every time.
    static func splitCell(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\t" || $0.isNewline }).joined(separator: " ").trimmed
    }

    static func splitLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: " ")
    }

    /// Pieces that make up the texts: plain and CJK text, figures, white space of every kind, each line
    /// break (LF, CR, CRLF, VT, FF, NEL, LS, PS) and characters whose UTF-8 bytes resemble them.
    static let pieces = ["合计", "一般公共预算", "1,234.56", "-0.01", "a", " ", "\u{3000}", "\u{00A0}", "\t", "\n",
                         "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}",
                         "\u{00C5}", "\u{20AC}", "\u{E9}\u{301}", "（项）", "、"]

    @Test func cellAndLineAreThoseOfSplitting() {
        var random = SplitMix64(seed: 7)
        var texts = [""] + Self.pieces
        for _ in 0..<3_000 {
            let length = random.below(7)
            texts.append((0..<length).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined())
        }
        for text in texts {
            #expect(DisclosureText.cell(text) == Self.splitCell(text), "cell of \(text.debugDescription)")
            #expect(DisclosureText.line(text) == Self.splitLine(text), "line of \(text.debugDescription)")
        }
    }

    @Test func theByteCheckFindsEveryBreak() {
        #expect(!DisclosureText.hasTabOrBreak("合计\u{3000}1,234.56 \u{2027}\u{202A}\u{00C5}"))
        for b in ["\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"] {
            #expect(DisclosureText.hasTabOrBreak("合" + b + "计"), "\(b.debugDescription)")
            #expect(DisclosureText.hasTabOrBreak(b), "\(b.debugDescription) alone")
        }
    }
}
