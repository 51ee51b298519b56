import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanIngest

/// `RawLine`'s public initialiser delegates to the memberwise one (audit round 42: the value formed whole, not field by
/// field); every field must be what it was given, `wraps` nil, as when it assigned them one by one.
@Suite struct RawLineInitTests {
    @Test func initialiserKeepsEveryField() {
        var rng = SeededRandom(seed: 4201)
        let words = ["", "合计", "1,234.56", "一、基本支出", " a ", "|"]
        for _ in 0..<20_000 {
            let cells = (0..<Int.random(in: 0...5, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }
            let location = SourceLocation(line: Int.random(in: 1...900, using: &rng),
                                          page: Bool.random(using: &rng) ? Int.random(in: 1...40, using: &rng) : nil)
            let fromTable = Bool.random(using: &rng)
            let spans: [Range<Int>]? = Bool.random(using: &rng)
                ? cells.indices.map { i in (i * 10)..<(i * 10 + Int.random(in: 0...9, using: &rng)) } : nil
            let line = RawLine(cells: cells, location: location, fromTable: fromTable, spans: spans)
            #expect(line.cells == cells && line.location == location && line.fromTable == fromTable
                    && line.spans == spans && line.wraps == nil)
        }
        // The defaults: not from a table, no spans.
        let plain = RawLine(cells: ["a"], location: SourceLocation(line: 1))
        #expect(!plain.fromTable && plain.spans == nil && plain.wraps == nil)
    }
}
