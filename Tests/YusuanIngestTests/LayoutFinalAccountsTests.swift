import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// Space-aligned 决算 tables as `pdftotext -layout` prints them: headings one space apart, rows
/// taller than a line, names wrapped under their code, a page printed tighter, 决算 titles.
@Suite struct LayoutFinalAccountsTests {
    @Test func recognisesTheFinalAccountsTitles() {
        let expected: [(String, TableKind)] = [
            ("收入支出决算总表", .budgetSummary), ("收入决算表", .revenueSummary), ("支出决算表", .expenditureSummary),
            ("财政拨款收入支出决算总表", .fiscalSummary), ("一般公共预算财政拨款支出决算表", .generalExpenditure),
            ("一般公共预算财政拨款基本支出决算表", .basicExpenditure), ("财政拨款“三公”经费支出决算表", .threePublic),
            ("政府性基金预算财政拨款收入支出决算表", .govFundExpenditure),
            ("国有资本经营预算财政拨款支出决算表", .stateCapitalExpenditure),
        ]
        for (title, kind) in expected { #expect(TableTitles.kind(of: title) == kind, "\(title)") }
    }

    @Test func splitsHeadingsPrintedOneSpaceApart() throws {
        let text = """
                  一般公共预算财政拨款支出决算表
                                                           单位：万元
                                      合计        基本支出 项目支出
        201               一般公共服务支出           2,106.66   1,503.52    603.14
        201     06   01   行政运行               1,511.89   1,503.52      8.37
        201     06   02   一般行政管理事务              10.00                10.00
        208               社会保障和就业支出            326.72     326.72
                           合计                2,432.77   1,830.24    602.53
        """
        let d = try Recogniser.recognise(TextReader.read(text, source: "final.txt"))
        let t = try #require(d.tables.first)
        #expect(t.kind == .generalExpenditure)
        let money = t.columns.filter { $0.role == .money }.map(\.header)
        #expect(money.count == 3)
        #expect(money.contains { $0.hasSuffix("基本支出") } && money.contains { $0.hasSuffix("项目支出") })
        #expect(t.rows.first?.cells.map(\.text).suffix(3) == ["2,106.66", "1,503.52", "603.14"])
    }

    /// Text from a PDF (a page break before the title): a header word right under a row on the
    /// same page is the rest of a wrapped name, not a header repeated on a new page.
    @Test func joinsRowsPrintedOverSeveralLines() throws {
        let text = """
        \u{0C}                                支出决算表

                                                                                     单位：万元

                        项目                                                           对附属单位
                                        本年支出合                 项目支      上缴上级支   经营支
           支出功能分类                                  基本支出                                补
                               科目名称       计                    出         出      出
            科目编码                                                                      助支出
                                                   2,336.91   603.14
                                        2,940.05
         类    款   项
                                合计
                                                   1,503.52   603.14
        201             一般公共服务支出        2,106.66
                                                   1,503.52   603.14
        201   06        财政事务            2,106.66
                                                   1,503.52
        201   06   01   行政运行            1,511.89               8.37

        208   05   05                    160.75    160.75
                        机关事业单位基本养老保险缴
                        费支出

        208   05   06                     80.38     80.38
                        机关事业单位职业年金缴费支
                        出
        208   05   99   其他行政事业单位养老支出     0.94     0.94
        210             卫生健康支出          60.99    60.99
        """
        let d = try Recogniser.recognise(TextReader.read(text, source: "final.txt"))
        let t = try #require(d.tables.first)
        #expect(t.kind == .expenditureSummary)
        #expect(t.rows.count == 8)
        let total = try #require(t.rows.first)
        #expect(total.kind != .item && total.name == "合计")
        #expect(total.cells.map(\.text).filter { !$0.isEmpty } == ["合计", "2,940.05", "2,336.91", "603.14"])
        let names = t.rows.map(\.name)
        #expect(names.contains("机关事业单位基本养老保险缴费支出"))
        #expect(names.contains("机关事业单位职业年金缴费支出"))
        let general = try #require(t.rows.first { $0.code?.digits == "201" })
        #expect(general.cells.map(\.text).filter { !$0.isEmpty }.suffix(3) == ["2,106.66", "1,503.52", "603.14"])
        // The code headings printed among the first figures stay headings.
        #expect(t.columns.filter { $0.role == .code }.count == 3)
    }

    @Test func aPagePrintedTighterKeepsItsColumnsInOrder() throws {
        let text = """
                                   收入决算表
                                                          单位：万元
                         科目名称        本年收入合计    财政拨款收入     其他收入
        201             一般公共服务支出         2,112.86     2,106.66         6.20
        201   06        财政事务             2,112.86   2,106.66           6.20
        201   06   01   行政运行           1,511.90     1,511.89           0.01
        201   06   02   一般行政管理事务          16.19        10.00         6.19
        \u{0C}221             住房保障支出   445.69   445.69
        221   02        住房改革支出   445.69   445.69
        221   02   01   住房公积金    187.19   187.19
        """
        let d = try Recogniser.recognise(TextReader.read(text, source: "final.txt"))
        let t = try #require(d.tables.first)
        let last = try #require(t.rows.last)
        let money = t.columns.filter { $0.role == .money }.map(\.index)
        #expect(money.count == 3)
        #expect(money.map { last.cells[$0].text } == ["187.19", "187.19", ""])
    }

    @Test func readsTheShanghaiFinanceBureauFinalAccountsPDF() throws {
        guard PDFText.available else {
            print("LayoutFinalAccountsTests: pdftotext is not installed (apt-get install poppler-utils); skipped")
            return
        }
        let doc = try DocumentReader.read(path: Fixtures.path("Tests/Fixtures/shanghai/putuo-finance-bureau-2024-final-accounts.pdf"))
        let d = try Recogniser.recognise(doc)
        #expect(d.year == 2024)
        #expect(d.phase == .final)
        #expect(Set(d.tables.map(\.kind)).isSuperset(of: [.budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary,
                                                         .generalExpenditure, .basicExpenditure, .threePublic,
                                                         .govFundExpenditure, .stateCapitalExpenditure]))
        let general = try #require(d.table(.generalExpenditure))
        #expect(general.rows.count == 20)
        #expect(general.columns.filter { $0.role == .money }.count == 3)
        for kind in [TableKind.revenueSummary, .expenditureSummary] {
            let t = try #require(d.table(kind))
            #expect(t.rows.count == 20, "\(kind)")
            #expect(t.rows.contains { $0.name == "机关事业单位职业年金缴费支出" }, "\(kind)")
            #expect(!t.rows.contains { $0.code != nil && $0.name.isEmpty }, "\(kind)")
        }
    }
}
