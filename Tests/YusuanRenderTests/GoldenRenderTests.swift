import Foundation
import Testing
import YusuanCore
@testable import YusuanRender
import YusuanXLSX
import YusuanTestSupport

/// Every output format of the parsed seed against its golden file (re-record with YUSUAN_RECORD=1).
@Suite struct GoldenRenderTests {
    @Test func text() throws {
        let d = try RenderFixture.seed()
        #expect(Golden.compare(DisclosureText.render(d), to: "render/seed.txt") == nil)
    }
}

extension GoldenRenderTests {
    @Test func html() throws {
        let d = try RenderFixture.seed()
        #expect(Golden.compare(DisclosureHTML.render(d), to: "render/seed.html") == nil)
    }
}

extension GoldenRenderTests {
    @Test func xlsx() throws {
        let d = try RenderFixture.seed()
        #expect(Golden.compare(DisclosureXLSX.workbook(d).textDump, to: "render/seed.xlsx.txt") == nil)
    }
}

extension GoldenRenderTests {
    @Test func dataPackage() throws {
        let files = DisclosureDataPackage.render(try RenderFixture.seed())
        #expect(Golden.compare(files["datapackage.json"] ?? "", to: "render/seed.datapackage.json") == nil)
        #expect(Golden.compare(files["budget-lines.csv"] ?? "", to: "render/seed.budget-lines.csv") == nil)
    }
}
