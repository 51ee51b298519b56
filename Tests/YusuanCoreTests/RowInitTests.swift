import Foundation
import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `Row`'s public initialiser delegates to the memberwise one (audit round 43: the value formed whole, not field by
/// field, with `name` declared first so that the two differ); every field must be what it was given, and the JSON
/// written with sorted keys must read back as the same row.
@Suite struct RowInitTests {
    @Test func initialiserKeepsEveryField() throws {
        var rng = SeededRandom(seed: 4301)
        let names = ["", "合计", "一、基本支出", "2010301 行政运行", " a "]
        let kinds: [RowKind] = [.item, .subtotal, .grandTotal, .ofWhich]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for n in 0..<20_000 {
            let code = Bool.random(using: &rng) ? ClassificationCode.parse(["201", "20103", "2010301", "301"][Int.random(in: 0..<4, using: &rng)]) : nil
            let printed = Bool.random(using: &rng)
            let name = names[Int.random(in: 0..<names.count, using: &rng)]
            let kind = kinds[Int.random(in: 0..<kinds.count, using: &rng)]
            let outline: Int? = Bool.random(using: &rng) ? Int.random(in: 1...4, using: &rng) : nil
            let location = SourceLocation(line: Int.random(in: 1...900, using: &rng), sheet: Bool.random(using: &rng) ? "表1" : nil)
            let cells = (0..<Int.random(in: 0...4, using: &rng)).map { i in
                Cell(text: ["", "12.5", "-", "1,234"][Int.random(in: 0..<4, using: &rng)], location: SourceLocation(line: location.line, column: i))
            }
            let row = Row(code: code, codePrinted: printed, name: name, kind: kind, outline: outline, cells: cells, location: location)
            #expect(row.code == code && row.codePrinted == printed && row.name == name && row.kind == kind
                    && row.outline == outline && row.cells == cells && row.location == location)
            if n % 100 == 0 {
                #expect(try JSONDecoder().decode(Row.self, from: encoder.encode(row)) == row)
            }
        }
    }
}
