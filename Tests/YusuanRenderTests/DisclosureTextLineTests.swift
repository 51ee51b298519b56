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

    /// The document's grid lines are written as bytes, a cell's kept as they are when `isTrimmed` (no search for
    /// white space): each must read as `DisclosureText.row`, for cells with and without white space at either end.
    @Test func writtenRowsAreThoseOfRow() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let slots = (0..<random.below(6)).map { _ -> DisclosureGrid.Cell? in
                if random.below(5) == 0 { return nil }
                let text = (0..<random.below(5)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
                return DisclosureGrid.Cell(text: text, style: .text)
            }
            let line = DisclosureGrid.Line(slots: slots)
            var out = DisclosureText.Output()
            out.row(line)
            #expect(String(decoding: out.bytes, as: UTF8.self) == DisclosureText.row(line), "\(slots.map { $0?.text })")
        }
    }

    /// The check skips eight bytes at a time: on random bytes (each break's bytes, bytes and sequences next to
    /// them, runs of ASCII, CJK and any byte, at every offset of buffers up to about 100 bytes) it must answer as
    /// reading every byte does.
    @Test func skippingEightBytesFindsWhatReadingEveryByteFinds() {
        var random = SplitMix64(seed: 13)
        let pieces: [[UInt8]] = [[0x09], [0x0A], [0x0B], [0x0C], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8],
                                 [0xE2, 0x80, 0xA9], [0x08], [0x0E], [0x20], [0x30], [0xC2, 0x84], [0xC2, 0xA0],
                                 [0xE2, 0x80, 0xA7], [0xE2, 0x81, 0xA8], [0xE3, 0x80, 0x80], [0xE4, 0xB8, 0x80], [0xC2],
                                 [0xE2], [0xE2, 0x80]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(16) {
                if random.below(3) == 0 {
                    bytes.append(contentsOf: (0..<1 + random.below(8)).map { _ in UInt8(0x21 + random.below(0x5E)) })
                } else {
                    let any = UInt8(truncatingIfNeeded: random.below(256))
                    bytes.append(contentsOf: random.below(8) == 0 ? [any] : pieces[random.below(pieces.count)])
                }
            }
            bytes.withUnsafeBufferPointer { b in
                #expect(DisclosureText.hasTabOrBreak(b) == DisclosureText.hasTabOrBreak(b, from: 0), "\(bytes)")
            }
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
