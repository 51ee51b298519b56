import Testing
import YusuanTestSupport
@testable import YusuanCore
@testable import YusuanIngest

/// `LayoutSegments.split` and `wordsAndLengths` read over scalars whenever each character is one scalar
/// (`scalarsAreCharacters`, round 20: curly quotes, dashes and ≤ ≥ too); every line must still split as the reading
/// over characters splits it.
@Suite struct LayoutScalarPathTests {
    /// `split` over characters only.
    static func reference(_ line: String) -> [LayoutSegments.Segment] {
        let spaced = line.contains("\u{3000}") ? line.replacingAll("\u{3000}", with: "  ") : line
        let chars = Array(spaced)
        return LayoutSegments.spans(chars, space: " ").map { LayoutSegments.Segment(text: String(chars[$0]), span: $0) }
            .flatMap(GridReadOnceTests.referenceSplitFigure)
    }

    /// Spaces (more of them), figures, labels, the symbols the wider path admits, and what it must not: joiners,
    /// combining marks (after a space too), a compatibility ideograph, CR LF, an emoji.
    static let pieces = [
        " ", " ", " ", "  ", "\u{3000}", "1,234.56", "95", "-", "一、", "一般公共服务支出", "预算", "“", "”", "≥", "≤", "—",
        "…", "\u{2003}", "\u{2122}", "\u{200C}", "\u{200D}", "\u{20E3}", "\u{0301}", "\u{F967}", "\r\n", "😀", "%", "元",
        "１２３", "e",
    ]

    @Test func splitsAsTheCharacters() {
        var rng = SeededRandom(seed: 20)
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...10, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let got = LayoutSegments.split(line), want = Self.reference(line)
            #expect(got.map(\.text) == want.map(\.text), "\(line.debugDescription)")
            #expect(got.map(\.span) == want.map(\.span), "\(line.debugDescription)")
            let (words, lengths) = LayoutSegments.wordsAndLengths(line)
            let wantWords = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(words == wantWords && lengths == wantWords.map(\.count), "\(line.debugDescription)")
        }
    }

    /// `split` tells its runs' figure split that a run's scalars are characters when the line's are (round 35): each
    /// run of such a line passes the test itself, and its words read as the characters' words.
    @Test func runsOfAPlainLineArePlain() {
        var rng = SeededRandom(seed: 35)
        var plainLines = 0
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...10, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let spaced = line.replacingAll("\u{3000}", with: "  ")
            guard TextNormalization.scalarsAreCharacters(spaced) else { continue }
            plainLines += 1
            for run in LayoutSegments.split(line).map(\.text) + spaced.split(separator: " ").map(String.init) {
                #expect(TextNormalization.scalarsAreCharacters(run), "\(run.debugDescription)")
                let (words, lengths) = LayoutSegments.wordsAndLengths(run, scalarsAreCharacters: true)
                let want = run.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                #expect(words.map { Array($0.utf8) } == want.map { Array($0.utf8) } && lengths == want.map(\.count))
            }
        }
        #expect(plainLines > 500)
    }
}
