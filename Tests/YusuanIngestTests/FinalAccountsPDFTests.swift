import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// The finance bureau's 2024 部门决算 PDF read completely, and the reading rules it needed, each on
/// a small synthetic text: a table printed in two halves side by side, a two-sided summary table
/// whose 收入 side ends before its 支出 side, the department printed on the cover above the title.
@Suite struct FinalAccountsPDFTests {
    @Test func readsTheShanghaiFinanceBureauFinalAccountsPDF() throws {
        guard PDFText.available else {
            print("FinalAccountsPDFTests: pdftotext is not installed (apt-get install poppler-utils); skipped")
            return
        }
        let doc = try DocumentReader.read(path: Fixtures.path("Tests/Fixtures/shanghai/putuo-finance-bureau-2024-final-accounts.pdf"))
        let d = try Recogniser.recognise(doc)
        #expect(d.year == 2024 && d.phase == .final)
        #expect(d.department == "上海市普陀区财政局")
        let listing = d.tables.map { "\($0.kind.rawValue) \($0.side.rawValue) \($0.rows.count)" }
        #expect(listing == [
            "budget-summary income 12", "budget-summary expenditure 30", "revenue-summary whole 20",
            "expenditure-summary whole 20", "fiscal-summary income 9", "fiscal-summary expenditure 29",
            "general-expenditure whole 20", "basic-expenditure whole 66", "three-public whole 1",
            "gov-fund-expenditure whole 1", "state-capital-expenditure whole 1",
        ])
        // The summary's 支出 side goes on after its 收入 side has ended, to 总计.
        let summary = d.tables.filter { $0.kind == .budgetSummary }
        #expect(summary.first?.rows.last?.kind == .grandTotal && summary.last?.rows.last?.kind == .grandTotal)
        #expect(summary.last?.rows.contains { $0.name.contains("抗疫特别国债") } == true)
        // The basic table's two halves: 人员经费 rows, then 公用经费 rows, codes joined with their 款.
        let basic = try #require(d.table(.basicExpenditure))
        let names = basic.rows.map(\.name)
        #expect(names.firstIndex(of: "人员经费合计").map { $0 < (names.firstIndex(of: "商品和服务支出") ?? 0) } == true)
        #expect(basic.rows.contains { $0.code?.digits == "30212" && $0.name.hasPrefix("因公出国") })
        #expect(basic.rows.contains { $0.code?.digits == "30108" && $0.name == "机关事业单位基本养老保险缴费" })
        #expect(basic.rows.last?.name == "公用经费合计")
        // The 财政拨款 summary's 总计 on both sides.
        let fiscal = d.tables.filter { $0.kind == .fiscalSummary }
        #expect(fiscal.allSatisfy { $0.rows.last?.kind == .grandTotal && $0.rows.last?.cells.contains { $0.text == "2,961.68" } == true })
        // Its 支出 columns: 合计 and the three funds, whose headings are printed one piece per line.
        let fiscalSpending = try #require(fiscal.last)
        #expect(fiscalSpending.moneyColumns.map { $0.headerPath.last ?? "" }
                == ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
        #expect(fiscalSpending.moneyColumns.map(\.measure) == [.total, .generalBudget, .govFund, .stateCapital])
        let general = try #require(fiscalSpending.rows.first)
        #expect(fiscalSpending.moneyColumns.map { general.cell($0.index)?.text ?? "?" } == ["2,106.66", "2,106.66", "", ""])
        // 收入决算表 and 支出决算表: each heading broken over lines joined, each column its own.
        let revenue = try #require(d.table(.revenueSummary))
        #expect(revenue.moneyColumns.map { $0.headerPath.last ?? "" }
                == ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"])
        let other = try #require(revenue.moneyColumns.last)
        #expect(revenue.rows.first { $0.code?.digits == "2010602" }?.cell(other.index)?.text == "6.19")
        let spending = try #require(d.table(.expenditureSummary))
        #expect(spending.moneyColumns.map { $0.headerPath.last ?? "" }
                == ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"])
        #expect(spending.moneyColumns.prefix(3).map(\.measure) == [.total, .basic, .project])
        let run = try #require(spending.rows.first { $0.code?.digits == "2010601" })
        #expect(spending.moneyColumns.map { run.cell($0.index)?.text ?? "?" } == ["1,511.89", "1,503.52", "8.37", "", "", ""])
        // The 三公 table: a 预算数 and a 决算数 under each item, whose headings are printed among the higher ones.
        let threePublic = try #require(d.table(.threePublic))
        #expect(threePublic.moneyColumns.map(\.measure) == [
            .total, .total, .threePublicOutbound, .threePublicOutbound, .threePublicVehicle, .threePublicVehicle,
            .threePublicVehiclePurchase, .threePublicVehiclePurchase, .threePublicVehicleOperation, .threePublicVehicleOperation,
            .threePublicReception, .threePublicReception,
        ])
        #expect(threePublic.moneyColumns.map(\.phase) == Array(repeating: [Phase.budget, .final], count: 6).flatMap { $0 })
        // The empty 政府性基金 and 国有资本经营 tables: each heading over a column of its own.
        for kind in [TableKind.govFundExpenditure, .stateCapitalExpenditure] {
            let t = try #require(d.table(kind))
            #expect(t.moneyColumns.suffix(6).map { $0.headerPath.last ?? "" }
                    == ["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"], "\(kind)")
            #expect(t.moneyColumns.suffix(6).map(\.measure) == [.carryover, .other, .total, .basic, .project, .carryover], "\(kind)")
        }
        let sangong = try #require(threePublic.rows.first)
        #expect(threePublic.moneyColumns.map { sangong.cell($0.index)?.text ?? "?" } == ["0.95", "", "", "", "", "", "", "", "", "", "0.95", ""])
    }

    /// "科目编码 科目名称 决算数 | 科目编码 科目名称 决算数": one table, the left half's rows then the right half's.
    @Test func stacksATablePrintedInTwoHalvesSideBySide() throws {
        let text = [
            "一般公共预算财政拨款基本支出决算表", placed([(50, "单位：万元")]),
            placed([(0, "科目编码"), (8, "科目名称"), (20, "决算数"), (30, "科目编码"), (38, "科目名称"), (50, "决算数")]),
            placed([(0, "301"), (8, "工资福利支出"), (20, "100.00"), (30, "302"), (38, "商品和服务支出"), (51, "30.00")]),
            placed([(0, "30101"), (8, "基本工资"), (21, "60.00"), (30, "30201"), (38, "办公费"), (51, "10.00")]),
            placed([(0, "30102"), (8, "津贴补贴"), (21, "40.00"), (30, "30202"), (38, "印刷费"), (51, "20.00")]),
            placed([(8, "人员经费合计"), (20, "100.00"), (38, "公用经费合计"), (51, "30.00")]),
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "halves.txt"))
        let t = try #require(d.table(.basicExpenditure))
        #expect(t.rows.map(\.name) == ["工资福利支出", "基本工资", "津贴补贴", "人员经费合计",
                                       "商品和服务支出", "办公费", "印刷费", "公用经费合计"])
        #expect(t.rows.compactMap { $0.code?.digits } == ["301", "30101", "30102", "302", "30201", "30202"])
        #expect(t.moneyColumns.count == 1)
        let money = try #require(t.moneyColumns.first)
        #expect(t.rows.map { $0.cell(money.index)?.text ?? "?" } == ["100.00", "60.00", "40.00", "100.00", "30.00", "10.00", "20.00", "30.00"])
        // Each row keeps the line it was printed on.
        #expect(t.rows[4].location.line == t.rows[0].location.line)
    }

    @Test func stacksTabSeparatedHalves() throws {
        let text = """
        一般公共预算财政拨款基本支出决算表
        单位：万元
        科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数
        301\t工资福利支出\t100.00\t302\t商品和服务支出\t30.00
        30101\t基本工资\t100.00\t30201\t办公费\t30.00
        """
        let d = try Recogniser.recognise(TextReader.read(text, source: "halves.tsv"))
        let t = try #require(d.table(.basicExpenditure))
        #expect(t.rows.map(\.name) == ["工资福利支出", "基本工资", "商品和服务支出", "办公费"])
        #expect(t.columns.count == 3)
    }

    /// A header whose groups differ is not two halves: "项目 | 2023年 | 2024年" stays one table as it was.
    @Test func aHeaderThatDoesNotRepeatIsNotSplit() throws {
        let lines = [
            RawLine(cells: ["科目编码", "科目名称", "决算数", "科目名称", "预算数"], location: SourceLocation(line: 1)),
            RawLine(cells: ["301", "工资福利支出", "100.00", "x", "1.00"], location: SourceLocation(line: 2)),
        ]
        #expect(SideBySideHalves.halves(lines) == nil)
    }

    /// The 收入 side ends (八、其他收入) while the 支出 side goes on: its numbered labels alone on their
    /// lines, where the 支出 labels start, are rows of the table, not headings of the text after it.
    @Test func readsTheSideThatGoesOnAfterTheOtherHasEnded() throws {
        let text = [
            "收入支出决算总表", placed([(50, "单位：万元")]),
            placed([(6, "收入"), (36, "支出")]),
            placed([(0, "项目"), (18, "决算数"), (28, "项目"), (48, "决算数")]),
            placed([(0, "一、财政拨款收入"), (18, "100.00"), (28, "一、一般公共服务支出"), (49, "60.00")]),
            placed([(0, "二、其他收入"), (19, "10.00"), (28, "二、外交支出")]),
            placed([(28, "三、国防支出"), (49, "30.00")]),
            placed([(28, "四、文化旅游体育与传媒支出")]),
            placed([(28, "五、社会保障和就业支出"), (49, "20.00")]),
            placed([(0, "本年收入合计"), (18, "110.00"), (28, "本年支出合计"), (48, "110.00")]),
            placed([(0, "总计"), (18, "110.00"), (28, "总计"), (48, "110.00")]),
            "", "三、收入决算情况说明", "本年收入合计110万元。",
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "summary.txt"))
        let sides = d.tables.filter { $0.kind == .budgetSummary }
        #expect(sides.map(\.side) == [.income, .expenditure])
        #expect(sides.first?.rows.map(\.name) == ["一、财政拨款收入", "二、其他收入", "本年收入合计", "总计"])
        #expect(sides.last?.rows.map(\.name) == ["一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、文化旅游体育与传媒支出",
                                                  "五、社会保障和就业支出", "本年支出合计", "总计"])
        // A heading at the margin after the table is still narrative.
        #expect(d.narrative.contains { $0.text.contains("收入决算情况说明") })
    }

    /// A line of space-aligned text with each cell starting at the given character position.
    func placed(_ cells: [(Int, String)]) -> String {
        var line = ""
        for (at, text) in cells {
            line += String(repeating: " ", count: max(at - line.count, line.isEmpty ? at : 2)) + text
        }
        return line
    }

    @Test func readsTheDepartmentFromTheCoverLineAboveTheTitle() {
        func meta(_ texts: [String]) -> DocumentMeta {
            DocumentMeta.read(texts.enumerated().map { RawLine(cells: [$1], location: SourceLocation(line: $0 + 1)) }, commentTitle: nil)
        }
        let m = meta(["上海市普陀区某某局", "2024年度部门决算", "目 录"])
        #expect(m.department == "上海市普陀区某某局" && m.year == 2024 && m.phase == .final)
        // The department in the title itself still wins; a sentence above the title is no name.
        #expect(meta(["说明", "重庆市某某办公室2022年部门预算"]).department == "重庆市某某办公室")
        #expect(meta(["本表按要求公开。", "2024年度部门决算"]).department == nil)
    }
}
