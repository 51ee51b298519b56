import Foundation
import Testing
import YusuanAudit
import YusuanTestSupport

@Suite struct RulesDocumentTests {
    @Test func docsRulesMatchesTheCatalog() {
        let doc = Fixtures.text("docs/rules.md")
        #expect(doc == RuleDocs.markdown(), "docs/rules.md is stale: run `swift run yusuan rules --format markdown > docs/rules.md`")
    }

    @Test func everyRuleHasAUniqueIdAndBothLanguages() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for r in RuleCatalog.all {
            #expect(!r.title.isEmpty && !r.titleEnglish.isEmpty && !r.why.isEmpty && !r.whyEnglish.isEmpty, "\(r.id)")
        }
    }
}
