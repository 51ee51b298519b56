import Foundation
import Testing
import YusuanCore
import YusuanIngest
@testable import YusuanRender
import YusuanTestSupport

@Suite struct HTMLRenderTests {
    @Test func seedReadsBackToTheSameTables() throws {
        let seed = try RenderFixture.seed()
        let again = try Recogniser.recognise(HTMLReader.read(DisclosureHTML.render(seed), source: "rendered.html"))
        #expect(again.tables.count == seed.tables.count)
        for (a, b) in zip(seed.tables, again.tables) {
            #expect(RenderFixture.describe(a) == RenderFixture.describe(b))
        }
        // The page's <title> reads as one more paragraph before the narrative.
        #expect(again.narrative.map(\.text).dropFirst() == seed.narrative.map(\.text)[...])
    }

    @Test func isOneSelfContainedPrintablePage() throws {
        let html = DisclosureHTML.render(try RenderFixture.seed())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("page-break-before: always"))
        #expect(html.components(separatedBy: "<section class=\"sheet").count - 1 == 18)
        for banned in ["<script", "<link", "src=", "url(", "@import", "http://", "https://"] {
            #expect(!html.contains(banned), "found \(banned)")
        }
    }

    @Test func headersSpanColumnsAndRowsFromTheirPaths() throws {
        let html = DisclosureHTML.render(try RenderFixture.seed())
        // 附件2: 科目编码 and 2021年预算数 span both header lines, 2022年预算数 spans its three columns.
        #expect(html.contains("<tr><th rowspan=\"2\">单位/科目编码</th><th rowspan=\"2\">单位/科目名称</th><th rowspan=\"2\">2021年预算数</th><th colspan=\"3\">2022年预算数</th></tr>"))
        #expect(html.contains("<tr class=\"l3\"><td class=\"code\">2010308</td><td class=\"name\">信访事务</td><td class=\"num\">814.31</td>"))
        // A blank cell stays blank.
        #expect(html.contains("<td class=\"code\">30202</td><td class=\"name\">印刷费</td><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\"></td>"))
    }

    @Test func escapesEveryText() throws {
        let loc = SourceLocation(line: 1)
        let table = DisclosureTable(
            kind: .expenditureSummary, title: "某局<b>部门支出总表</b>", attachment: "1&2", unit: .wanYuan, unitDeclared: true,
            columns: [Column(index: 0, headerPath: ["科目\"名称\""], role: .name),
                      Column(index: 1, headerPath: ["总计"], role: .money, measure: .total)],
            rows: [Row(code: nil, codePrinted: false, name: "<script>alert(1)</script>", kind: .item, outline: nil,
                       cells: [Cell(text: "<script>alert(1)</script>", location: loc), Cell(text: "1.00", location: loc)], location: loc)],
            notes: ["注：A & B < C"], location: loc)
        let d = Disclosure(title: "某局'2022'年部门预算", department: "某局", year: 2022, phase: .budget, tables: [table],
                           narrative: [Paragraph(text: "<img src=x onerror=alert(1)>", location: loc, isHeading: false)], source: "t")
        let html = DisclosureHTML.render(d)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<title>某局&#39;2022&#39;年部门预算</title>"))
        #expect(html.contains("<th>科目&quot;名称&quot;</th>"))
        #expect(html.contains("附件1&amp;2"))
        #expect(html.contains("注：A &amp; B &lt; C"))
    }

    @Test func escapeHandlesEachSpecialCharacter() {
        #expect(HTMLEscape.text("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        #expect(HTMLEscape.text("x\u{0}y\u{7}z") == "xyz")
        #expect(HTMLEscape.text("单位：万元") == "单位：万元")
    }
}
