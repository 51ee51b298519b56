import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest

/// Header cells that `pdftotext -layout` breaks over several lines, with lines of other cells in
/// between (`HeaderStacks`), and columns that no figure fills found by their headings in
/// space-aligned text (`HeadedColumns`), each on a small synthetic text laid out as that tool prints.
@Suite struct LayoutHeaderStackTests {
    /// A line of space-aligned text with each cell starting at the given character position.
    func placed(_ cells: [(Int, String)]) -> String {
        var line = ""
        for (at, text) in cells {
            line += String(repeating: " ", count: max(at - line.count, line.isEmpty ? at : 2)) + text
        }
        return line
    }

    /// 财政拨款收入支出决算总表 as the finance bureau's PDF prints it: the fund headings one piece per
    /// printed line, interleaved ("一般公共预算" … "财" … "政拨款"), the last two columns without figures.
    @Test func reassemblesFundHeadingsPrintedVerticallyAndFindsTheirEmptyColumns() throws {
        let text = [
            "财政拨款收入支出决算总表", placed([(78, "单位：万元")]),
            placed([(10, "收入"), (52, "支出")]),
            placed([(77, "国有资本经营")]),
            placed([(52, "一般公共预算"), (68, "政府性基金预")]),
            placed([(79, "预")]),
            placed([(5, "项目"), (16, "决算数"), (31, "项目"), (42, "合计"), (54, "财"), (70, "算")]),
            placed([(78, "算财政拨")]),
            placed([(52, "政拨款"), (68, "财政拨款")]),
            placed([(78, "款")]),
            placed([(0, "一、一般公共预算财政拨款"), (17, "100.00"), (26, "一、一般公共服务支出"), (43, "80.00"), (59, "80.00")]),
            placed([(0, "二、政府性基金预算财政拨款"), (26, "二、社会保障和就业支出"), (43, "20.00"), (59, "20.00")]),
            placed([(0, "三、国有资本经营预算财政拨款"), (26, "三、住房保障支出")]),
            placed([(3, "本年收入合计"), (17, "100.00"), (29, "本年支出合计"), (42, "100.00"), (58, "100.00")]),
            placed([(5, "总计"), (17, "100.00"), (31, "总计"), (42, "100.00"), (58, "100.00")]),
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "fiscal.txt"))
        let sides = d.tables.filter { $0.kind == .fiscalSummary }
        #expect(sides.map(\.side) == [.income, .expenditure])
        let expenditure = try #require(sides.last)
        let money = expenditure.moneyColumns
        #expect(money.map { $0.headerPath.last ?? "" } == ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"])
        #expect(money.map(\.measure) == [.total, .generalBudget, .govFund, .stateCapital])
        // A fund's name is no phase: the columns are the document's 决算.
        #expect(money.allSatisfy { $0.phase == nil })
        let general = try #require(expenditure.rows.first)
        #expect(money.map { general.cell($0.index)?.text ?? "?" } == ["80.00", "80.00", "", ""])
        let income = try #require(sides.first)
        #expect(income.rows.first?.cells.contains { $0.text == "100.00" } == true)
    }

    /// 收入决算表: two-line headings ("上级补助" / "收入", "本年收入合" / "计") and one over three lines
    /// ("附属单" / "位上" / "缴收入") printed among the others; only three columns carry figures.
    @Test func joinsHeadingsBrokenOverLinesAmongOthers() throws {
        let text = [
            "收入决算表", placed([(78, "单位：万元")]),
            placed([(16, "项目"), (76, "附属单")]),
            placed([(31, "本年收入合"), (44, "财政拨款收"), (57, "上级补助"), (64, "事业收"), (70, "经营收"), (82, "其他收")]),
            placed([(2, "支出功能分类"), (76, "位上")]),
            placed([(21, "科目名称"), (33, "计"), (46, "入"), (58, "收入"), (65, "入"), (71, "入"), (83, "入")]),
            placed([(3, "科目编码"), (76, "缴收入")]),
            placed([(1, "类"), (5, "款"), (8, "项")]),
            placed([(21, "合计"), (33, "2,946.25"), (45, "2,940.05"), (83, "6.20")]),
            placed([(0, "201"), (16, "一般公共服务支出"), (33, "2,112.86"), (45, "2,106.66"), (83, "6.20")]),
            placed([(0, "201"), (6, "06"), (16, "财政事务"), (33, "2,112.86"), (45, "2,106.66"), (83, "6.20")]),
            placed([(0, "208"), (16, "社会保障和就业支出"), (35, "833.39"), (47, "833.39")]),
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "revenue.txt"))
        let t = try #require(d.table(.revenueSummary))
        let money = t.moneyColumns
        #expect(money.map { $0.headerPath.last ?? "" } == ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"])
        #expect(money.map(\.measure) == [.total, .other, .superiorSubsidy, .businessIncome, .operatingIncome, .affiliatedIncome, .otherIncome])
        let first = try #require(t.rows.first { $0.code?.digits == "201" })
        #expect(money.map { first.cell($0.index)?.text ?? "?" } == ["2,112.86", "2,106.66", "", "", "", "", "6.20"])
        let social = try #require(t.rows.first { $0.code?.digits == "208" })
        #expect(money.map { social.cell($0.index)?.text ?? "?" } == ["833.39", "833.39", "", "", "", "", ""])
    }

    /// "预 / 算 / 数": a heading printed one character per line.
    @Test func joinsAHeadingPrintedOneCharacterPerLine() throws {
        let text = [
            "一般公共预算财政拨款支出决算表", placed([(40, "单位：万元")]),
            placed([(30, "预"), (40, "决")]),
            placed([(0, "科目编码"), (12, "科目名称"), (30, "算"), (40, "算")]),
            placed([(30, "数"), (40, "数")]),
            placed([(0, "201"), (12, "一般公共服务支出"), (28, "10.00"), (38, "9.00")]),
            placed([(0, "20106"), (12, "财政事务"), (28, "10.00"), (38, "9.00")]),
            placed([(0, "2010601"), (12, "行政运行"), (28, "10.00"), (38, "9.00")]),
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "vertical.txt"))
        let t = try #require(d.table(.generalExpenditure))
        #expect(t.moneyColumns.map { $0.headerPath.last ?? "" } == ["预算数", "决算数"])
        #expect(t.moneyColumns.map(\.phase) == [.budget, .final])
    }

    /// A sub-heading under a spanning heading is no wrap: it has a sibling under the heading's cell.
    @Test func aSubHeadingWithSiblingsStaysALevelOfItsOwn() {
        func line(_ cells: [(Int, String)], _ n: Int) -> RawLine {
            let segments = LayoutSegments.split(placed(cells))
            return RawLine(cells: segments.map(\.text), location: SourceLocation(line: n), spans: segments.map(\.span))
        }
        let header = [line([(20, "本年支出")], 1), line([(14, "小计"), (20, "支出"), (28, "项目支出")], 2)]
        let joined = HeaderStacks.join(header)
        #expect(joined.map { $0.cells.map(\.trimmed) } == [["本年支出"], ["小计", "支出", "项目支出"]])
        // Alone under it, "收入" completes "上级补助".
        let wrapped = HeaderStacks.join([line([(2, "科目"), (20, "上级补助"), (30, "事业收")], 1), line([(21, "收入"), (31, "入")], 2)])
        #expect(wrapped.map { $0.cells.map(\.trimmed) } == [["科目", "上级补助收入", "事业收入"]])
    }

    /// A 决算's “三公” table: 预算数 | 决算数 under each item; the items' headings, cells that span rows,
    /// are printed at their middle height among the higher headings ("公务用车购置费" below "小计").
    @Test func putsTheHeadingsOfRepeatedGroupsOverTheirGroups() throws {
        let text = [
            "财政拨款“三公”经费支出决算表", placed([(75, "单位：万元")]),
            placed([(35, "财政拨款“三公”经费")]),
            placed([(41, "公务用车购置及运行费")]),
            placed([(9, "合计"), (17, "因公出国（境）费")]),
            placed([(34, "小计"), (55, "公务用车运行费"), (70, "公务接待费")]),
            placed([(42, "公务用车购置费")]),
            placed([(0, "预算数"), (10, "决算数"), (16, "预算数"), (22, "决算数"), (28, "预算数"), (35, "决算数"),
                    (41, "预算数"), (48, "决算数"), (54, "预算数"), (60, "决算数"), (66, "预算数"), (75, "决算数")]),
            placed([(2, "3.00"), (10, "2.00"), (16, "1.00"), (22, "1.00"), (28, "1.00"), (35, "1.00"),
                    (41, "0.00"), (48, "0.00"), (54, "1.00"), (60, "1.00"), (68, "1.00"), (75, "0.00")]),
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "sangong.txt"))
        let t = try #require(d.table(.threePublic))
        let money = t.moneyColumns
        #expect(money.map { $0.headerPath.dropLast().last ?? "" } == [
            "合计", "合计", "因公出国(境)费", "因公出国(境)费", "小计", "小计", "公务用车购置费", "公务用车购置费",
            "公务用车运行费", "公务用车运行费", "公务接待费", "公务接待费",
        ])
        #expect(money.map(\.measure) == [
            .total, .total, .threePublicOutbound, .threePublicOutbound, .threePublicVehicle, .threePublicVehicle,
            .threePublicVehiclePurchase, .threePublicVehiclePurchase, .threePublicVehicleOperation, .threePublicVehicleOperation,
            .threePublicReception, .threePublicReception,
        ])
        #expect(money[4].headerPath.contains("公务用车购置及运行费") && !money[2].headerPath.contains("公务用车购置及运行费"))
        #expect(HeaderGroups.groupSize(["预算数", "决算数", "预算数", "决算数"]) == 2)
        #expect(HeaderGroups.groupSize(["合计", "基本支出", "项目支出"]) == nil)
    }

    /// A fund's table printed empty (only its 合计 line): every column is found by its heading,
    /// "小计 基本支出 项目支出" printed one space apart included.
    @Test func findsTheColumnsOfAnEmptyTableFromItsHeadings() throws {
        let text = [
            "政府性基金预算财政拨款收入支出决算表", placed([(42, "单位：万元")]),
            placed([(8, "项目"), (33, "本年支出")]),
            placed([(4, "支出功能分类"), (19, "年初结转和"), (43, "年末结转和")]),
            placed([(25, "本年收入")]),
            placed([(5, "科目编码"), (14, "科目名称"), (20, "结余"), (30, "小计 基本支出 项目支出"), (44, "结余")]),
            placed([(0, "类"), (5, "款"), (10, "项")]),
            placed([(8, "合计")]),
            "注：本单位无政府性基金预算财政拨款支出，故本表无数据。",
        ].joined(separator: "\n")
        let d = try Recogniser.recognise(TextReader.read(text, source: "empty.txt"))
        let t = try #require(d.table(.govFundExpenditure))
        #expect(t.moneyColumns.suffix(6).map { $0.headerPath.last ?? "" }
                == ["年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余"])
        #expect(t.columns.filter { $0.role == .code }.count >= 2)
        #expect(t.rows.count == 1 && t.rows.first?.name == "合计")
    }

    @Test func aFundNameIsNoPhase() {
        #expect(HeaderBuilder.phase(of: "一般公共预算财政拨款") == nil)
        #expect(HeaderBuilder.phase(of: "政府性基金预算财政拨款") == nil)
        #expect(HeaderBuilder.phase(of: "一般公共预算预算数") == .budget)
        #expect(HeaderBuilder.phase(of: "2024年预算数") == .budget)
        #expect(HeaderBuilder.phase(of: "国有资本经营预算决算数") == .final)
    }
}
