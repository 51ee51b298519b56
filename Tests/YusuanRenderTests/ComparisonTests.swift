import Testing
import YusuanCore
import YusuanIngest
import YusuanRender

/// `yusuan compare`: figures paired across years by code and relative column, changes and rates
/// exact, last year's figures checked against last year's own disclosure.
@Suite struct ComparisonTests {
    static func disclosure(year: Int, current: String, prior: String, klass: String = "") -> Disclosure? {
        let text = """
        某局\(year)年部门预算情况说明
        附件 2
        某局\(year)年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t\(year - 1)年预算数\t\(year)年预算数
        \t合计\t\(prior)\t\(current)
        201\t一般公共服务支出\t\(prior)\t\(current)
        \(klass)
        """
        return try? Recogniser.recognise(TextReader.read(text, source: "\(year).txt"))
    }

    @Test func figuresArePairedByCodeAndRelativeYear() throws {
        let a = try #require(Self.disclosure(year: 2023, current: "100.00", prior: "90.00"))
        let b = try #require(Self.disclosure(year: 2024, current: "110.50", prior: "100.00"))
        let changes = FigureChanges.compare(a, b)
        let current = try #require(changes.first { $0.row.hasPrefix("201") && $0.column == "本年预算数" })
        #expect(current.before == 100_000_000 && current.after == 110_500_000)
        #expect(current.change == 10_500_000)
        #expect(current.rate == Fixed(mantissa: 1050, scale: 2))
        // 上年 against 上年: 2022's 90.00 in A, 2023's 100.00 in B.
        let prior = try #require(changes.first { $0.row.hasPrefix("201") && $0.column == "上年预算数" })
        #expect(prior.before == 90_000_000 && prior.after == 100_000_000)
        #expect(ComparisonReport.restatements(a, b).isEmpty, "B's 上年 equals A's own figure")
    }

    @Test func aRestatedFigureIsListed() throws {
        let a = try #require(Self.disclosure(year: 2023, current: "100.00", prior: "90.00"))
        let b = try #require(Self.disclosure(year: 2024, current: "110.00", prior: "100.01"))
        let restated = ComparisonReport.restatements(a, b)
        #expect(restated.count == 2, "合计 and 201 both print 100.01 for 2023")
        #expect(restated.allSatisfy { $0.original == 100_000_000 && $0.restated == 100_010_000 })
        let text = ComparisonReport.text(a, b)
        #expect(text.contains("B 列示的上年数与 A 本身公开的数字不一致"))
        #expect(text.contains("A 100.00, B 100.01"))
    }

    @Test func aRateAgainstZeroIsNotGiven() throws {
        let a = try #require(Self.disclosure(year: 2023, current: "0.00", prior: "0.00"))
        let b = try #require(Self.disclosure(year: 2024, current: "5.00", prior: "0.00"))
        let change = try #require(FigureChanges.compare(a, b).first { $0.column == "本年预算数" && $0.row == "合计" })
        #expect(change.change == 5_000_000)
        #expect(change.rate == nil)
        #expect(ComparisonReport.text(a, b).contains("0.00 → 5.00  +5.00  —"))
    }

    @Test func figuresPrintedByOneSideOnlyAreCounted() throws {
        let a = try #require(Self.disclosure(year: 2023, current: "10.00", prior: "10.00"))
        let b = try #require(Self.disclosure(year: 2024, current: "10.00", prior: "10.00", klass: "208\t社会保障和就业支出\t0.00\t0.00"))
        let changes = FigureChanges.compare(a, b)
        #expect(changes.filter { $0.before == nil }.count == 2, "208's two figures are B's only")
        #expect(changes.filter { $0.after == nil }.isEmpty)
        #expect(ComparisonReport.json(a, b, options: .init(changedOnly: true)).contains("\"row\" : \"208 社会保障和就业支出\""))
    }

    @Test func wanIsExact() {
        #expect(ComparisonReport.wan(1) == "0.000001")
        #expect(ComparisonReport.wan(-12_340_000) == "-12.34")
        #expect(ComparisonReport.wan(100_000_000) == "100.00")
    }
}
