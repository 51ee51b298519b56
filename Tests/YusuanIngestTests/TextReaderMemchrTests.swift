import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanIngest

/// `TextReader.lineRanges`, `separators` and `tabFields` find their bytes with `memchr` (audit round 40); they must
/// answer as the byte-by-byte loops and the character split they replaced.
@Suite struct TextReaderMemchrTests {
    /// `lineRanges` before round 40: one pass testing each byte for a line feed and a form feed.
    static func referenceLineRanges(_ bytes: [UInt8]) -> (lines: [Range<Int>], formFeed: Bool) {
        var out: [Range<Int>] = []
        var formFeed = false
        var start = 0
        func piece(_ from: Int, _ to: Int) -> Range<Int> {
            var end = to
            if end > from && bytes[end - 1] == 0x0D { end -= 1 }
            return from..<end
        }
        for i in bytes.indices {
            if bytes[i] == 0x0A {
                out.append(piece(start, piece(start, i).upperBound))
                start = i + 1
            } else if bytes[i] == 0x0C {
                formFeed = true
            }
        }
        out.append(piece(start, bytes.count))
        return (out, formFeed)
    }

    /// Separators, line ends and other bytes (an ideograph's, a space), drawn often enough to meet each other.
    static let alphabet: [UInt8] = [0x0A, 0x0A, 0x0D, 0x0D, 0x0C, 0x09, 0x7C, 0x20, 0x41, 0xE4, 0xB8, 0x80]

    @Test func lineRangesAndSeparatorsAreTheByteLoops() {
        var rng = SeededRandom(seed: 40)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &rng)]
            }
            bytes.withUnsafeBufferPointer { b in
                let got = TextReader.lineRanges(b), want = Self.referenceLineRanges(bytes)
                #expect(got.lines == want.lines && got.formFeed == want.formFeed, "\(bytes)")
                let s = TextReader.separators(b)
                #expect(s.formFeed == bytes.contains(0x0C) && s.tab == bytes.contains(0x09)
                        && s.pipe == bytes.contains(0x7C), "\(bytes)")
            }
        }
    }

    /// Tabs, white space around fields, and characters of more than one scalar or byte.
    static let linePieces = ["\t", "\t", " ", "\u{3000}", "a", "合计", "1,234.56", "\r", "é", "e\u{301}", "|"]

    @Test func tabFieldsAreTheTrimmedFieldsBetweenTabs() {
        var rng = SeededRandom(seed: 41)
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                Self.linePieces[Int.random(in: 0..<Self.linePieces.count, using: &rng)]
            }.joined()
            let want = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
            #expect(TextReader.tabFields(line) == want, "\(line.debugDescription)")
        }
    }
}
