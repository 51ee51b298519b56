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

    @Test func withoutACatalogOnlyTheFixedWords() {
        let v = NarrativeVocabulary(catalog: nil)
        #expect(v.functional.isEmpty)
        #expect(v.words.count == NarrativeVocabulary.strongWords.count + NarrativeVocabulary.subWords.count + 2)
    }
}
