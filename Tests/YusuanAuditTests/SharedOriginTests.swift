import Testing
@testable import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanTestSupport

/// Round 12: facts and printed codes keep their table through one shared reference, and the fact index
/// groups indices in flat arrays. What they answer must be what the copied tables and the dictionary of
/// arrays gave.
@Suite struct SharedOriginTests {
    func seed() throws -> Disclosure {
        try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
    }

    @Test func factsOfOneTableShareItAndReadItsRows() throws {
        let d = try seed()
        let index = FactIndex(disclosure: d)
        #expect(!index.all.isEmpty)
        var byTable: [ObjectIdentifier: DisclosureTable] = [:]
        for fact in index.all {
            // The shared table is a table of the disclosure, and the fact's row one of its rows (a
            // performance form's fact reads a row made from one of its fields).
            #expect(d.tables.contains(fact.table))
            if fact.table.kind != .overallPerformance { #expect(fact.table.rows.contains(fact.row)) }
            let id = ObjectIdentifier(fact.origin.source)
            if let known = byTable[id] { #expect(known == fact.table) } else { byTable[id] = fact.table }
        }
        // At most one shared copy per table, for many more facts.
        #expect(byTable.count <= d.tables.count)
        #expect(index.all.count > 4 * byTable.count)
    }

    @Test func printedCodesReadTheirRowsFromTheSharedTable() throws {
        let d = try seed()
        let codes = PrintedCodes.find(d, derived: true)
        #expect(!codes.isEmpty)
        for c in codes {
            #expect(c.row == c.table.rows[c.rowIndex])
            #expect(c.row.code == c.code)
            #expect(c.name == RowLabels.outline(c.row.name).rest)
        }
        // One shared table per table of the disclosure: codes of the same table hold the same object.
        #expect(Set(codes.map { ObjectIdentifier($0.source) }).count <= d.tables.count)
        #expect(codes.count > 4 * Set(codes.map { ObjectIdentifier($0.source) }).count)
    }

    /// Groups in flat arrays against a dictionary of arrays sorted by first index, on random keys; every key
    /// finds its group, and a key no index has finds none.
    @Test func flatGroupsAreTheDictionaryOfArrays() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 7, 100, 1_000, 5_000] {
            for range in [1, 3, 50, 4_000] {
                let keys = (0..<size).map { _ in
                    QuantityKey(subject: Int.random(in: 0..<range, using: &generator), facet: Int.random(in: 0..<3, using: &generator))
                }
                let flat = FlatGroups(keys)
                var expected: [QuantityKey: [Int]] = [:]
                for (i, k) in keys.enumerated() { expected[k, default: []].append(i) }
                let ordered = expected.values.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
                #expect(flat.count == ordered.count)
                #expect((0..<flat.count).map { Array(flat[$0]) } == ordered)
                var found = true
                for (k, indices) in expected { found = found && flat.group(of: k).map { Array(flat[$0]) } == indices }
                #expect(found)
                #expect(flat.group(of: QuantityKey(subject: range, facet: 0)) == nil)
                #expect(flat.isEmpty == keys.isEmpty)
            }
        }
        #expect(FlatGroups<QuantityKey>().group(of: QuantityKey(subject: 0, facet: 0)) == nil)
    }
}
