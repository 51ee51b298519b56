import Testing
@testable import YusuanAudit
import YusuanCore

/// The narrative's word table is built once per catalog (`Catalog.derived`) and gives what a table built afresh
/// gives; a catalog of the same scheme and year with other names has a table of its own.
@Suite struct NarrativeWordTableTests {
    static func catalog(_ entries: [(String, String)]) -> Catalog {
        Catalog.parse(entries.map { "\($0.0)\t\($0.1)\n" }.joined(), scheme: .functional, year: 2022)
    }

    @Test func vocabularyOfTheShippedCatalogMatchesAFreshTable() throws {
        let catalog = try #require(CatalogLibrary.catalog(.functional, year: 2022))
        let fresh = NarrativeWordTable(catalog: catalog)
        for _ in 0..<2 {
            let v = NarrativeVocabulary(catalog: catalog)
            #expect(v.words.map(\.text) == fresh.words.map(\.text))
            #expect(v.words.map(\.strength) == fresh.words.map(\.strength))
            #expect(v.byHead == fresh.byHead && v.slowHeads == fresh.slowHeads)
            #expect(v.functional.map(\.1) == fresh.functional.map(\.1))
        }
        #expect(fresh.functional.contains { $0.1 == "205" })
    }

    @Test func eachCatalogHasItsOwnNames() {
        let a = Self.catalog([("229", "测试类别甲支出")]), b = Self.catalog([("229", "测试类别乙支出")])
        let text = NarrativeChar.array("测试类别甲支出100万元")
        let inA = NarrativeVocabulary(catalog: a).matches(text).map(\.text)
        let inB = NarrativeVocabulary(catalog: b).matches(text).map(\.text)
        #expect(inA.contains("测试类别甲支出"))
        #expect(!inB.contains("测试类别甲支出") && inB.contains("支出"))
        // Asked again (now from the kept tables), the same.
        #expect(NarrativeVocabulary(catalog: a).matches(text).map(\.text) == inA)
        #expect(NarrativeVocabulary(catalog: b).matches(text).map(\.text) == inB)
    }

    /// `headBits` rules out no head of `byHead`: every scalar that starts a word has its bit set (and a table's bits
    /// are those of its heads alone).
    @Test func headBitsHoldEveryHead() throws {
        let catalog = try #require(CatalogLibrary.catalog(.functional, year: 2022))
        for table in [NarrativeWordTable(catalog: catalog), NarrativeWordTable.noCatalog] {
            var missed: [Int] = []
            for v in 0..<0x11_0000 where table.byHead[v] != nil && !NarrativeWordTable.mayStartWord(v, table.headBits) {
                missed.append(v)
            }
            #expect(missed.isEmpty)
            #expect(!table.byHead.isEmpty)
            var bits = [UInt64](repeating: 0, count: NarrativeWordTable.headBitWords)
            for k in table.byHead.keys { bits[(k % 1024) / 64] |= 1 << UInt64(k % 64) }
            #expect(bits == table.headBits)
            // Most scalars are ruled out (what the bits are for).
            #expect((0x4E00..<0xA000).filter { NarrativeWordTable.mayStartWord($0, table.headBits) }.count < 0x5200 / 8)
        }
    }

    @Test func withoutACatalogOnlyTheFixedWords() {
        let v = NarrativeVocabulary(catalog: nil)
        #expect(v.functional.isEmpty)
        #expect(v.words.count == NarrativeVocabulary.strongWords.count + NarrativeVocabulary.subWords.count + 2)
    }
}
