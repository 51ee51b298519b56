import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// Text whose columns are aligned with spaces, as `pdftotext -layout` prints a PDF.
@Suite struct LayoutTextTests {
    @Test func splitsFiguresFromTheLabelBesideThem() {
        let segments = LayoutSegments.split("一、财政拨款收入                   156,211,123 一、一般公共服务支出                  2,932,700")
        #expect(segments.map(\.text) == ["一、财政拨款收入", "156,211,123", "一、一般公共服务支出", "2,932,700"])
        #expect(segments[1].span == 27..<38)
        #expect(LayoutSegments.split("1. 一般公共预算资金       5").map(\.text) == ["1. 一般公共预算资金", "5"])
        #expect(LayoutSegments.split("重庆市某局 2022 年部门预算").map(\.text) == ["重庆市某局 2022 年部门预算"])
    }

    @Test func putsCellsUnderTheirColumnsWhateverTheSpacing() throws {
        let text = """
                       2024年部门支出预算总表
        编制部门：某街道办事处                                 单位：元

                   项目                         支出预算
        功能分类科目编码
                         功能分类科目名称    合计            基本支出       项目支出
        类     款    项

        201             一般公共服务支出              2,932,700           0    2,932,700

        201   05        统计信息事务                 257,700            0      257,700

        201   05   07   专项普查活动                 257,700                   257,700

        201   29        群众团体事务                2,675,000           0    2,675,000

        201   29   02   一般行政管理事务            2,675,000           0    2,675,000
        合计   2,932,700   0   2,932,700
        """

        let d = try Recogniser.recognise(TextReader.read(text, source: "layout.txt"))
        let t = try #require(d.tables.first)
        #expect(t.kind == .expenditureSummary)
        #expect(t.unit == .yuan)
        #expect(t.rows.map { $0.code?.digits ?? "-" } == ["201", "20105", "2010507", "20129", "2012902", "-"])
        let money = t.moneyColumns
        #expect(money.map(\.measure) == [.total, .basic, .project])
        // A blank cell stays blank; the tighter last line still fills its columns in order.
        #expect(t.rows[2].cell(money[1].index)?.text == "")
        #expect(t.rows[5].kind == .subtotal && t.rows[5].cell(money[2].index)?.text == "2,932,700")
    }

    @Test func readsTheShanghaiStreetOfficeBudgetFromItsPDFText() throws {
        let d = try Recogniser.recognise(TextReader.read(
            Fixtures.text("Tests/Fixtures/shanghai/putuo-wanli-street-2024-department-budget.layout.txt"), source: "wanli"))
        #expect(d.year == 2024)
        let listing = d.tables.map { "\($0.kind.rawValue) \($0.side.rawValue) \($0.rows.count)" }
        #expect(listing == [
            "budget-summary income 8", "budget-summary expenditure 10", "revenue-summary whole 67",
            "expenditure-summary whole 67", "fiscal-summary income 4", "fiscal-summary expenditure 10",
            "general-expenditure whole 67", "gov-fund-expenditure whole 1", "state-capital-expenditure whole 1",
            "basic-expenditure whole 32", "three-public whole 1",
        ])
        let basic = try #require(d.table(.basicExpenditure))
        #expect(basic.moneyColumns.map(\.measure) == [.basic, .personnel, .publicCost] || basic.moneyColumns.map(\.measure) == [.total, .personnel, .publicCost])
        let three = try #require(d.table(.threePublic))
        #expect(three.moneyColumns.compactMap(\.measure).prefix(6) == [.total, .threePublicOutbound, .threePublicReception,
                                                                     .threePublicVehicle, .threePublicVehiclePurchase, .threePublicVehicleOperation])
    }
}
