import Foundation
import Testing
@testable import YusuanCore

/// `Catalog.parse` reads the TSV of Resources/catalogs (README there): comments, a header, code, name and
/// aliases separated by "|"; CRLF or LF line ends; rows whose code is not digits are skipped.
@Suite struct CatalogParseTests {
    @Test func readsCodesNamesAliasesAndSources() {
        let text = "# Yusuan catalog: test\r\n# source:  财政部《2022年政府收支分类科目》 \r\n# note: not a source\r\n"
            + "code\tname\taliases\r\n\r\n201\t 一般公共服务支出 \r\n20101\t人大事务\t 人大事务支出 | 人大 |  \n"
            + "2010101\t行政运行\n20x\t不是科目\n\t空编码\n207\t文化旅游体育与传媒支出\t文化体育与传媒支出\n"
        let c = Catalog.parse(text, scheme: .functional, year: 2022)
        #expect(c.sources == ["财政部《2022年政府收支分类科目》"])
        #expect(c.entries.count == 4)
        #expect(c.entry("201") == CatalogEntry(code: "201", name: "一般公共服务支出", aliases: []))
        #expect(c.entry("20101") == CatalogEntry(code: "20101", name: "人大事务", aliases: ["人大事务支出", "人大"]))
        #expect(c.entry("2010101")?.name == "行政运行")
        #expect(c.entry("20x") == nil)
        #expect(c.code(named: "文化体育与传媒支出", digits: 3) == "207")
        #expect(c.accepts(name: "人大", for: "20101"))
    }

    @Test func everyShippedCatalogHasRowsForEachCodeLevel() throws {
        for scheme in [ClassificationScheme.functional, .economicDepartment, .economicGovernment] {
            for year in CatalogLibrary.years(for: scheme) {
                let c = try #require(CatalogLibrary.catalog(scheme, year: year))
                #expect(c.year == year)
                #expect(!c.sources.isEmpty, "\(scheme) \(year)")
                #expect(c.entries.keys.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil })
                #expect(c.entries.values.allSatisfy { !$0.name.isEmpty && $0.name == $0.name.trimmed })
                #expect(Set(c.entries.keys.map(\.count)).isSuperset(of: [3, 5]), "\(scheme) \(year)")
            }
        }
    }
}
