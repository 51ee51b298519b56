import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

@Suite struct RecogniserTests {
    func read(_ text: String) throws(IngestError) -> Disclosure {
        try Recogniser.recognise(TextReader.read(text, source: "test.txt"))
    }

    @Test func readsTheSeedCompletely() throws {
        let d = try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
        #expect(d.year == 2022)
        #expect(d.phase == .budget)
        #expect(d.department == "重庆市潼南区信访办公室")
        let listing = d.tables.map { "\($0.attachment ?? "-") \($0.kind.rawValue) \($0.side.rawValue) \($0.rows.count)" }
        #expect(listing == [
            "1 fiscal-summary income 9", "1 fiscal-summary expenditure 31", "2 general-expenditure whole 17",
            "3 basic-expenditure whole 35", "4 three-public whole 2", "5 gov-fund-expenditure whole 1",
            "6 budget-summary income 12", "6 budget-summary expenditure 31", "8 expenditure-summary whole 17",
            "10 project-list whole 10", "11 overall-performance whole 14",
            "12-1 project-performance whole 3", "12-2 project-performance whole 12", "12-3 project-performance whole 8",
            "12-4 project-performance whole 3", "12-5 project-performance whole 10", "12-6 project-performance whole 6",
            "12-7 project-performance whole 3", "12-8 project-performance whole 3", "12-9 project-performance whole 2",
        ])
        #expect(d.narrative.contains { $0.text.contains("卫生健康支出") })
        #expect(d.tables.first { $0.attachment == "5" }?.notes.first?.contains("故此表无数据") == true)
    }

    @Test func buildsHeaderPathsFromSpanningCells() throws {
        let d = try read("""
        某局2022年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t2021 年预算数\t2022 年预算数\t\t
        \t\t\t总计\t基本支出\t项目支出
        \t合计\t10.00\t12.00\t7.00\t5.00
        201\t一般公共服务支出\t10.00\t12.00\t7.00\t5.00
        """)
        let t = try #require(d.tables.first)
        #expect(t.columns.map(\.header) == ["科目编码", "科目名称", "2021年预算数", "2022年预算数/总计", "2022年预算数/基本支出", "2022年预算数/项目支出"])
        #expect(t.columns.map(\.measure) == [nil, nil, .total, .total, .basic, .project])
        #expect(t.columns[2].year == 2021)
        #expect(t.rows.map(\.kind) == [.subtotal, .item])
        #expect(t.rows[1].code?.digits == "201")
    }

    @Test func joinsATableContinuedAfterAPageBreakAndSplitsSides() throws {
        let d = try read("""
        附件 1
        某局 2022 年财政拨款收支总表
        单位：万元
        收入\t\t支出\t\t
        项目\t预算数\t支出科目\t合计\t一般公共预算
        一、本年收入\t5.00\t一、本年支出\t5.00\t5.00
        (一) 一般公共预算拨款\t5.00\t(一) 一般公共服务支出\t5.00\t5.00

        某局 2022 年财政拨款收支总表
        单位：万元
        收入\t\t支出\t\t
        项目\t预算数\t支出科目\t合计\t一般公共预
        \t\t(二) 住房保障支出\t\t
        收入总计\t5.00\t支出总计\t5.00\t5.00
        """)
        #expect(d.tables.count == 2)
        let exp = try #require(d.table(.fiscalSummary, side: .expenditure))
        #expect(exp.rows.map(\.name) == ["一、本年支出", "(一)一般公共服务支出", "(二)住房保障支出", "支出总计"])
        #expect(exp.rows[1].code?.digits == "201" && exp.rows[1].codePrinted == false)
        #expect(d.table(.fiscalSummary, side: .income)?.rows.count == 3)
    }

    @Test func splitsColumnsAlignedBySpaces() {
        #expect(TextReader.split("201  一般公共服务支出    827.23   508.23") == ["201", "一般公共服务支出", "827.23", "508.23"])
        #expect(TextReader.split("潼南区 2 名安保人员专项") == ["潼南区 2 名安保人员专项"])
        #expect(TextReader.split("合计 | 34.35 | 34.35 |") == ["合计", "34.35", "34.35"])
    }

    @Test func aDocumentWithoutTablesIsRejectedWithWhatWasSeen() {
        #expect(throws: IngestError.self) { try read("这是一段普通文字。\n没有任何表格。") }
        do {
            _ = try read("这是一段普通文字。")
        } catch {
            #expect(error.description.contains("no disclosure table recognised"))
            #expect(error.description.contains("这是一段普通文字"))
        }
    }

    @Test(arguments: ["sangong-001.txt", "sangong-003.txt", "sangong-006.txt", "sangong-014.txt", "sangong-015.txt",
                      "sangong-018.txt", "sangong-022.txt", "sangong-026.txt"])
    func readsEverySnippetAsAThreePublicTable(_ name: String) throws {
        let d = try Recogniser.recognise(TextReader.read(Fixtures.text("Tests/Fixtures/snippets/\(name)"), source: name))
        let t = try #require(d.tables.first)
        #expect(d.tables.count == 1)
        #expect(t.kind == .threePublic)
        #expect(t.rows.count == 6)
        #expect(t.moneyColumns.count >= 1)
        // Every item of the 三公 is a row the reader named.
        let measures = Set(t.rows.compactMap { MeasureVocabulary.measure(of: $0.name) })
        #expect(measures.isSuperset(of: [.threePublicOutbound, .threePublicReception, .threePublicVehiclePurchase]))
    }

    @Test func regroupsOneCellPerLineTables() throws {
        let d = try read("一、2020年“三公”经费支出决算表\n单位:万元\n项 目 |\n预 算 数 |\n决 算 数 |\n合 计 |\n3 |\n1.71 |\n公务接待费 |\n1 |\n0.53 |\n二、说明\n")
        let t = try #require(d.tables.first)
        #expect(t.columns.map(\.header) == ["项目", "预算数", "决算数"])
        #expect(t.rows.map(\.name) == ["合计", "公务接待费"])
    }

    @Test func repairsHeaderSpansLostInCopy() throws {
        let d = try read(Fixtures.text("Tests/Fixtures/snippets/sangong-014.txt"))
        let t = try #require(d.tables.first)
        #expect(t.columns.map(\.header) == ["项目", "预算数/合计", "预算数/一般公共预算", "预算数/政府性基金", "决算数/合计", "决算数/一般公共预算", "决算数/政府性基金"])
    }
}
