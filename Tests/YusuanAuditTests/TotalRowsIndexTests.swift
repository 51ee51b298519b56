import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanAudit

/// `TotalRows.partsOfTotal` and `topLevel` name the rows they pick by index (round 16: no row copied); they must
/// pick the rows the old definition, over copied `[Row]` arrays, returned, on random tables of items, 其中 lines,
/// 合计 and 总计, with and without printed codes and outlines.
@Suite struct TotalRowsIndexTests {
    /// The outermost lines among `rows`, as written before the index version.
    static func referenceTopLevel(_ rows: [Row]) -> [Row] {
        let items = rows.filter { $0.kind == .item }
        let coded = items.filter { $0.codePrinted && $0.code != nil }
        if !coded.isEmpty {
            let minLevel = coded.compactMap { $0.code?.level }.min() ?? 1
            return coded.filter { $0.code?.level == minLevel }
        }
        let outlined = items.compactMap(\.outline)
        if let minDepth = outlined.min() {
            return items.filter { $0.outline == minDepth }
        }
        return items
    }

    /// The lines a total row sums, as written before the index version.
    static func referenceParts(_ rows: [Row], at i: Int) -> [Row] {
        let row = rows[i]
        var start = i
        while start > 0 {
            let k = rows[start - 1].kind
            if k == .grandTotal || (k == .subtotal && row.kind == .subtotal) { break }
            start -= 1
        }
        var segment = Array(rows[start..<i])
        if segment.filter({ $0.kind == .item }).isEmpty && row.kind == .subtotal || segment.isEmpty {
            var end = i + 1
            while end < rows.count, rows[end].kind == .item || rows[end].kind == .ofWhich { end += 1 }
            segment = Array(rows[(i + 1)..<end])
        }
        if row.kind == .grandTotal {
            let subtotals = segment.filter { $0.kind == .subtotal }
            if let lastSub = segment.lastIndex(where: { $0.kind == .subtotal }) {
                return subtotals + referenceTopLevel(Array(segment[(lastSub + 1)...]))
            }
        }
        return referenceTopLevel(segment)
    }

    static let codes = ["201", "20103", "2010308", "301", "30101", "30102", "208", "20805", "2080505"]
    static let kinds: [RowKind] = [.item, .item, .item, .ofWhich, .subtotal, .grandTotal]

    static func randomRows(_ rng: inout SeededRandom) -> [Row] {
        let n = Int.random(in: 0...14, using: &rng)
        return (0..<n).map { k in
            let code = Bool.random(using: &rng) ? ClassificationCode.parse(codes[Int.random(in: 0..<codes.count, using: &rng)]) : nil
            let outline = Int.random(in: 0...3, using: &rng)
            return Row(code: code, codePrinted: code != nil && Bool.random(using: &rng), name: "行\(k)",
                       kind: kinds[Int.random(in: 0..<kinds.count, using: &rng)], outline: outline == 0 ? nil : outline,
                       cells: [], location: SourceLocation(line: k + 1))
        }
    }

    @Test func pickTheRowsTheCopyingVersionPicked() {
        var rng = SeededRandom(seed: 16)
        for _ in 0..<5_000 {
            let rows = Self.randomRows(&rng)
            #expect(rows.topLevel(Array(rows.indices)).map { rows[$0] } == Self.referenceTopLevel(rows))
            for i in rows.indices where rows[i].kind == .subtotal || rows[i].kind == .grandTotal {
                let parts = TotalRows.partsOfTotal(rows, at: i)
                #expect(parts.map { rows[$0] } == Self.referenceParts(rows, at: i))
            }
        }
    }

    @Test func readingInPlaceVisitsWhatForInVisits() {
        var rng = SeededRandom(seed: 17)
        for _ in 0..<200 {
            let rows = Self.randomRows(&rng)
            var seen: [Row] = []
            rows.forEachInPlace { seen.append($0) }
            #expect(seen == rows)
        }
    }
}
