import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanIngest

/// `TextReader.read` cuts lines as byte ranges of the document and makes a tab-separated line's cells straight from
/// them (round 16); it must give the lines the reading it replaced gave: a string per line, then `split` of it.
@Suite struct TextReaderBytesTests {
    /// The lines as `splitLines` cut them before: at "\n", a "\r" before it dropped, and one "\r" more.
    static func referenceLines(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Unicode.Scalar] = []
        func piece(_ s: [Unicode.Scalar]) -> String {
            var s = s
            if s.last == "\r" { s.removeLast() }
            var t = String.UnicodeScalarView()
            t.append(contentsOf: s)
            return String(t)
        }
        for u in text.unicodeScalars {
            if u == "\n" {
                if current.last == "\r" { current.removeLast() }
                out.append(piece(current))
                current = []
            } else {
                current.append(u)
            }
        }
        out.append(piece(current))
        return out
    }

    /// The reader before round 16: every line made a string, then the general path (`split`, the layout segments,
    /// the "|" streams).
    static func reference(_ text: String) -> [RawLine] {
        var lines: [RawLine] = []
        var page = 1
        var pending: [(String, Int, Int)] = []
        func flush() {
            if !pending.isEmpty { lines += PipeStream.regroup(pending) }
            pending = []
        }
        let raw = referenceLines(text)
        let hasPages = text.unicodeScalars.contains("\u{0C}")
        for (index, original) in raw.enumerated() {
            let number = index + 1
            var line = original
            if line.contains("\u{0C}") {
                page += line.filter { $0 == "\u{0C}" }.count
                line = line.replacingAll("\u{0C}", with: "")
            }
            let loc = SourceLocation(line: number, page: hasPages ? page : nil)
            let pipe = line.contains("|"), tab = line.contains("\t")
            if (pipe && PipeStream.isStreamLine(line))
                || (!pipe && !tab && !TextNormalization.isBlank(line) && index + 1 < raw.count && raw[index + 1].trimmed == "|") {
                pending.append((line, number, page))
                continue
            }
            flush()
            if tab || pipe {
                lines.append(RawLine(cells: TextReader.split(line), location: loc, fromTable: false))
            } else {
                let segments = LayoutSegments.split(line)
                lines.append(RawLine(cells: segments.map(\.text), location: loc, fromTable: false,
                                     spans: segments.isEmpty ? nil : segments.map(\.span)))
            }
        }
        flush()
        return lines
    }

    static let pieces = [
        "\t", "\t", "\t", "\n", "\n", "\r\n", "\r", "\u{0C}", "|", " ", "  ", "\u{3000}", "\u{00A0}", "\u{2003}",
        "1,234.56", "-", "201", "一般公共服务支出", "合计", "（续）", "é", "e\u{0301}", "\u{F98E}", "表", "😀", "x",
    ]

    @Test func readsWhatTheLineByLineReaderRead() {
        var rng = SeededRandom(seed: 16)
        var texts = ["", "\t", "a\tb\n", "a\t b \t\n|\nc\n|\n", "\r\n\r\n", "x\r\r\ny\t\u{0C}z", "科目\t金额\n合计\t1.00\n"]
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 0...24, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            #expect(TextReader.read(t, source: "t").lines == Self.reference(t), "\(t.debugDescription)")
        }
    }

    @Test func readsTheSeedAsTheLineByLineReaderRead() {
        let text = Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt")
        #expect(!text.isEmpty)
        #expect(TextReader.read(text, source: "seed").lines == Self.reference(text))
    }
}
