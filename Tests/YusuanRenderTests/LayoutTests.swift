import Foundation
import Testing
import YusuanCore
import YusuanIngest
@testable import YusuanRender
import YusuanTestSupport
import YusuanXLSX

/// The one layout every renderer draws (DisclosureGrid): header spans, side-by-side halves,
/// tables built from line items rather than read from a page.
@Suite struct LayoutTests {
    @Test func headerPathsBecomeSpanningCells() {
        let lines = DisclosureGrid.headerLines([["科目编码"], ["2022年基本支出", "总计"], ["2022年基本支出", "人员经费"], []], width: 4)
        let cells = lines.map { $0.slots.map { $0.map { "\($0.text) \($0.colspan)x\($0.rowspan)" } ?? "-" } }
        #expect(cells == [["科目编码 1x2", "2022年基本支出 2x1", "-", " 1x2"], ["-", "总计 1x1", "人员经费 1x1", "-"]])
    }

    /// Halves built without source lines pair from the top, their closing totals on the last lines.
    @Test func halvesWithoutSourceLinesAlignTheirTotals() throws {
        var seed = try RenderFixture.seed()
        for t in seed.tables.indices where seed.tables[t].kind == .budgetSummary {
            for r in seed.tables[t].rows.indices { seed.tables[t].rows[r].location = SourceLocation() }
        }
        let text = DisclosureText.render(seed)
        #expect(text.contains("其他收入\t\t九、社会保险基金支出\t\n\t\t十、卫生健康支出\t32.63\n"))
        #expect(text.contains("\t\t二十八、抗疫特别国债安排的支出\t\n本年收入合计\t951.81\t本年支出合计\t951.80\n上年结转\t\t结转下年\t\n收入总计\t951.81\t支出总计\t951.80\n"))
        let again = try RenderFixture.readText(text)
        for (a, b) in zip(seed.tables, again.tables) where a.kind == .budgetSummary {
            #expect(RenderFixture.describe(a) == RenderFixture.describe(b))
        }
    }

    /// Halves are paired as row indices: by source line when every row has a distinct one, else from the top with
    /// the closing blocks (from the last 合计 among the last three rows, or the last 总计) aligned at the end.
    @Test func halvesPairAsRowIndices() {
        func row(_ kind: RowKind, line: Int? = nil) -> Row {
            Row(code: nil, codePrinted: false, name: "", kind: kind, outline: nil, cells: [], location: SourceLocation(line: line))
        }
        let income = [row(.item), row(.item), row(.subtotal), row(.grandTotal)]
        let spending = [row(.item), row(.item), row(.item), row(.item), row(.subtotal), row(.item), row(.grandTotal)]
        let pairs = DisclosureGrid.pairRows(income, spending).map { [$0.0 ?? -1, $0.1 ?? -1] }
        #expect(pairs == [[0, 0], [1, 1], [-1, 2], [-1, 3], [-1, 4], [2, 5], [3, 6]])
        let located = DisclosureGrid.pairRows([row(.item, line: 3), row(.item, line: 5)], [row(.item, line: 4), row(.item, line: 5)])
        #expect(located.map { [$0.0 ?? -1, $0.1 ?? -1] } == [[0, -1], [-1, 0], [1, 1]])
    }

    /// A table built from line items may leave the code and name cells blank: they print from the row.
    @Test func blankCodeAndNameCellsPrintTheRowsCodeAndName() throws {
        let seed = try RenderFixture.seed()
        var built = seed
        for t in built.tables.indices where built.tables[t].kind == .generalExpenditure {
            for r in built.tables[t].rows.indices where built.tables[t].rows[r].code != nil {
                built.tables[t].rows[r].cells[0].text = ""
                built.tables[t].rows[r].cells[1].text = ""
            }
        }
        #expect(DisclosureText.render(built) == DisclosureText.render(seed))
    }

    @Test func anEmptyDisclosureStillRenders() throws {
        let d = Disclosure(title: "某局2024年部门预算", department: "某局", year: 2024, phase: .budget, tables: [], narrative: [], source: "-")
        #expect(DisclosureText.render(d) == "某局2024年部门预算\n")
        #expect(DisclosureHTML.render(d).contains("<h1>某局2024年部门预算</h1>"))
        let book = DisclosureXLSX.workbook(d)
        #expect(book.sheets.map(\.name) == ["情况说明"])
        #expect(try XLSXReader.read(try DisclosureXLSX.write(d), source: "e.xlsx").lines.map(\.text) == ["某局2024年部门预算"])
        #expect(DisclosureBudgetLines.csv(d) == DisclosureBudgetLines.fields.joined(separator: ",") + "\n")
    }
}
