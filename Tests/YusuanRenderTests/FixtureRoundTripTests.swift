import Foundation
import Testing
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanTestSupport
import YusuanXLSX

/// Every fixture read into the model, rendered, and read again gives the same tables — through
/// text, HTML and XLSX (where a workbook shows figures without thousands separators).
/// Not the Shanghai XLSX template: it is an empty form whose column roles are inferred from
/// lines that hold neither code, name nor figure, which the model does not keep.
@Suite struct FixtureRoundTripTests {
    static let fixtures = [
        "Examples/tongnan-xinfang-2022-budget.txt",
        "Tests/Fixtures/shanghai/putuo-wanli-street-2024-department-budget.layout.txt",
        "Tests/Fixtures/snippets/sangong-001.txt", "Tests/Fixtures/snippets/sangong-003.txt",
        "Tests/Fixtures/snippets/sangong-006.txt", "Tests/Fixtures/snippets/sangong-014.txt",
        "Tests/Fixtures/snippets/sangong-015.txt", "Tests/Fixtures/snippets/sangong-018.txt",
        "Tests/Fixtures/snippets/sangong-022.txt", "Tests/Fixtures/snippets/sangong-026.txt",
    ]

    /// `contents`: whether the table of contents must come back too. A page or workbook whose
    /// title reads as a table's (a one-table document) shows that title as a heading, which the
    /// recogniser lists as a contents entry.
    func compare(_ original: Disclosure, _ again: Disclosure, plainNumbers: Bool = false, contents: Bool = true) {
        #expect(again.title == original.title)
        if contents {
            #expect(again.contents.map { "\($0.attachment ?? "-") \($0.title)" } == original.contents.map { "\($0.attachment ?? "-") \($0.title)" })
        }
        #expect(again.tables.count == original.tables.count)
        for (a, b) in zip(original.tables, again.tables) {
            let expected = RenderFixture.describe(a, plainNumbers: plainNumbers)
            let actual = RenderFixture.describe(b, plainNumbers: plainNumbers)
            #expect(actual == expected)
        }
    }

    @Test(arguments: fixtures) func text(_ path: String) throws {
        let d = try Recogniser.recognise(DocumentReader.read(path: Fixtures.path(path)))
        compare(d, try Recogniser.recognise(TextReader.read(DisclosureText.render(d), source: "t.txt")))
    }

    @Test(arguments: fixtures) func html(_ path: String) throws {
        let d = try Recogniser.recognise(DocumentReader.read(path: Fixtures.path(path)))
        compare(d, try Recogniser.recognise(HTMLReader.read(DisclosureHTML.render(d), source: "t.html")), contents: false)
    }

    @Test(arguments: fixtures) func xlsx(_ path: String) throws {
        let d = try Recogniser.recognise(DocumentReader.read(path: Fixtures.path(path)))
        compare(d, try Recogniser.recognise(XLSXReader.read(try DisclosureXLSX.write(d), source: "t.xlsx")), plainNumbers: true, contents: false)
    }
}
