import Foundation
import Testing
import YusuanCore
import YusuanIngest
@testable import YusuanRender
import YusuanTestSupport

@Suite struct TextRenderTests {
    @Test func seedReadsBackToTheSameTables() throws {
        let seed = try RenderFixture.seed()
        let text = DisclosureText.render(seed)
        let again = try RenderFixture.readText(text)
        #expect(again.tables.count == seed.tables.count)
        for (a, b) in zip(seed.tables, again.tables) {
            #expect(RenderFixture.describe(a) == RenderFixture.describe(b))
        }
        #expect(again.narrative.map(\.text) == seed.narrative.map(\.text))
        #expect(again.title == seed.title)
        #expect(again.year == seed.year)
        #expect(again.department == seed.department)
    }
}
