import Testing
import YusuanTestSupport
@testable import YusuanIngest

/// `LayoutSegments.splitFigureFromLabel` answers a segment without a "," or a "." (or without a digit) at once,
/// as holding no figure word (audit round 40); it must cut every line as the reference without those gates does.
@Suite struct FigureSplitGateTests {
    /// Figures, list numbers, years, labels and separators, drawn so that figure words meet labels.
    static let pieces = [
        " ", " ", "  ", "1,234.56", "951.81", "2022", "12", "1.", "3、", "1,000", "１２３", "１２３．４", ",", ".", "-",
        "一、", "一般公共服务支出", "年", "万元", "合计", "e\u{301}", "\u{3000}", "%", "a.b", "5.",
    ]

    @Test func splitsAsTheUngatedReference() {
        var rng = SeededRandom(seed: 40)
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...10, using: &rng)).map { _ in
                Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)]
            }.joined()
            let got = LayoutSegments.split(line), want = GridReadOnceTests.referenceSplit(line)
            #expect(got.map(\.text) == want.map(\.text) && got.map(\.span) == want.map(\.span), "\(line.debugDescription)")
        }
    }
}
