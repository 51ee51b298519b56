import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanAudit

/// `CodeFormatCheck.parentless` looks a code's parent up among all the table's codes only when it is not the last
/// code of the level above; it must name the rows the old definition (every code gathered into a set first) named,
/// on random tables of codes in any order, printed or derived, of all three schemes.
@Suite struct MissingParentsTests {
    /// The rows the check named before: a printed code whose parent is not among the table's codes, in a table with
    /// a code of a higher level of the same scheme.
    static func reference(_ rows: [Row]) -> [(Int, ClassificationCode, ClassificationCode)] {
        let codes = rows.compactMap(\.code)
        let present = Set(codes)
        return rows.indices.compactMap { i in
            guard rows[i].codePrinted, let code = rows[i].code, let parent = code.parent, !present.contains(parent),
                  codes.contains(where: { $0.scheme == code.scheme && $0.level < code.level }) else { return nil }
            return (i, code, parent)
        }
    }

    static let pool = ["201", "20101", "2010101", "2010102", "20102", "2010201", "202", "20201", "2020101",
                       "301", "30101", "30102", "302", "30201", "501", "50101", "502", "50201"]

    @Test func sameRowsAsTheSetOfAllCodes() {
        var rng = SeededRandom(seed: 23)
        for _ in 0..<1_500 {
            let n = Int.random(in: 0...12, using: &rng)
            let rows = (0..<n).map { k in
                let code = Int.random(in: 0..<5, using: &rng) == 0
                    ? nil : ClassificationCode.parse(Self.pool[Int.random(in: 0..<Self.pool.count, using: &rng)])
                return Row(code: code, codePrinted: code != nil && Int.random(in: 0..<4, using: &rng) > 0, name: "行\(k)",
                           kind: .item, outline: nil, cells: [], location: SourceLocation(line: k + 1))
            }
            let got = CodeFormatCheck.parentless(rows)
            let want = Self.reference(rows)
            #expect(got.map(\.row) == want.map(\.0))
            #expect(got.map(\.code) == want.map(\.1))
            #expect(got.map(\.parent) == want.map(\.2))
        }
    }
}
