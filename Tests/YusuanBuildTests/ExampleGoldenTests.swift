import Foundation
import Testing
import YusuanBuild
import YusuanCore
import YusuanRender
import YusuanSource
import YusuanTestSupport
import YusuanXLSX

/// Every output format of the bundled example, against golden files (re-record with YUSUAN_RECORD=1).
@Suite(.serialized) struct ExampleGoldenTests {
    static func disclosure() throws -> Disclosure {
        DisclosureCompiler.compile(try BudgetSource.read(path: Fixtures.path("examples/tongnan-xinfang-2022/budget.yaml")))
    }

    func check(_ text: String, _ name: String) {
        let problem = Golden.compare(text, to: "build/\(name)")
        #expect(problem == nil, "\(problem ?? "")")
    }

    @Test func text() throws { check(DisclosureText.render(try Self.disclosure()), "tongnan-xinfang-2022.txt") }
    @Test func html() throws { check(DisclosureHTML.render(try Self.disclosure()), "tongnan-xinfang-2022.html") }
    @Test func json() throws { check(DisclosureJSON.render(try Self.disclosure()), "tongnan-xinfang-2022.json") }
    @Test func xlsx() throws {
        let d = try Self.disclosure()
        check(DisclosureXLSX.workbook(d).textDump, "tongnan-xinfang-2022.xlsx.txt")
        let data = try DisclosureXLSX.write(d)
        #expect(data.count > 1_000 && data.prefix(2) == Data("PK".utf8))
    }
    @Test func dataPackage() throws {
        for (name, text) in DisclosureDataPackage.render(try Self.disclosure()) where name != "disclosure.json" {
            check(text, "tongnan-xinfang-2022.\(name)")
        }
    }
}
