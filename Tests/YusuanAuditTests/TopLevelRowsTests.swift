import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanAudit

/// `topLevel` (round 31: the least code level and outline depth found in one pass, no intermediate arrays) picks the
/// rows the filters it replaced picked, on random rows: kinds, printed and derived codes of each level, outlines.
@Suite struct TopLevelRowsTests {
    /// `topLevel` as it was: the items, the coded ones, their levels, then the filters.
    static func reference(_ rows: [Row], _ ids: [Int]) -> [Int] {
        let items = ids.filter { rows[$0].kind == .item }
        let coded = items.filter { rows[$0].codePrinted && rows[$0].code != nil }
        if !coded.isEmpty {
            let minLevel = coded.compactMap { rows[$0].code?.level }.min() ?? 1
            return coded.filter { rows[$0].code?.level == minLevel }
        }
        let outlined = items.compactMap { rows[$0].outline }
        if let minDepth = outlined.min() { return items.filter { rows[$0].outline == minDepth } }
        return items
    }

    @Test func picksTheRowsTheFiltersPicked() throws {
        let codes = try ["201", "20103", "2010301", "301", "30101", nil].map { try $0.map { try ClassificationCode($0) } }
        let kinds: [RowKind] = [.item, .item, .item, .subtotal, .grandTotal]
        var rng = SeededRandom(seed: 311)
        for _ in 0..<5_000 {
            let rows = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                Row(code: codes[Int.random(in: 0..<codes.count, using: &rng)], codePrinted: Bool.random(using: &rng), name: "",
                    kind: kinds[Int.random(in: 0..<kinds.count, using: &rng)],
                    outline: Bool.random(using: &rng) ? Int.random(in: 1...3, using: &rng) : nil, cells: [], location: SourceLocation())
            }
            let ids = rows.indices.filter { _ in Int.random(in: 0..<4, using: &rng) > 0 }
            #expect(rows.topLevel(ids) == Self.reference(rows, ids))
        }
    }
}
