import Testing
@testable import YusuanAudit
import YusuanCore
import YusuanIngest

@Suite struct ArithmeticRulesTests {
    let rules = ArithmeticRules.all

    @Test func sum001PassesWhenLevelsAdd() throws {
        let r = try audit(expenditureTable(), rules: rules)
        #expect(r.findings("SUM-001").isEmpty)
        #expect(r.status("SUM-001")?.applicable == true)
    }

    @Test func sum001FindsAKuanThatIsNotTheSumOfItsXiang() throws {
        let r = try audit(expenditureTable(kuan: "12.50"), rules: rules)
        let f = try #require(r.findings("SUM-001").first { $0.location.row == "20103 政府办公厅（室）及相关机构事务" })
        #expect(f.severity == .error)
        #expect(f.message.contains("12.00 = 12.00，表中为 12.50"))
        #expect(f.location.attachment == "2")
    }

    @Test func aCentOffIsAWarningThatSaysRoundingCouldExplainIt() throws {
        let r = try audit(expenditureTable(kuan: "12.01", xiang: "12.00"), rules: rules)
        let f = try #require(r.findings("SUM-001").first)
        #expect(f.severity == .warning)
        #expect(f.message.contains("舍入"))
        #expect(f.messageEnglish.contains("Rounding each figure separately can explain"))
    }

    @Test func aCentOffIsAnErrorWhereTheDocumentDeclaresExactTotals() throws {
        // The note of a table (or a paragraph) stating that totals equal their parts removes the tolerance.
        let text = expenditureTable(kuan: "12.01", xiang: "12.00") + "注：本表各合计数均等于其分项之和。\n"
        let r = try audit(text, rules: rules)
        let f = try #require(r.findings("SUM-001").first)
        #expect(f.severity == .error)
        #expect(f.message.contains("受控舍入"))
        // Without the statement the same table is the warning above; with it and no difference, nothing.
        #expect(try audit(expenditureTable() + "注：本表各合计数均等于其分项之和。\n", rules: rules).findings("SUM-001").isEmpty)
    }

    @Test func sum002ChecksEconomicClasses() throws {
        let text = """
        某局一般公共预算财政拨款基本支出预算表
        单位：万元
        科目编码\t科目名称\t总计\t人员经费\t日常公用经费
        \t合计\t10.00\t6.00\t4.00
        301\t工资福利支出\t6.00\t6.00\t
        30101\t基本工资\t5.00\t5.00\t
        30102\t津贴补贴\t1.00\t1.00\t
        302\t商品和服务支出\t4.00\t\t4.00
        30201\t办公费\t3.00\t\t3.00
        30217\t公务接待费\t1.00\t\t1.00
        """
        #expect(try audit(text, rules: rules).findings("SUM-002").isEmpty)
        let bad = try audit(text.replacingOccurrences(of: "30102\t津贴补贴\t1.00\t1.00", with: "30102\t津贴补贴\t1.50\t1.50"), rules: rules)
        #expect(bad.findings("SUM-002").count == 2)
        #expect(bad.findings("SUM-002").allSatisfy { $0.severity == .error && $0.location.row == "301 工资福利支出" })
    }

    @Test func sum003ChecksTotalRows() throws {
        #expect(try audit(expenditureTable(), rules: rules).findings("SUM-003").isEmpty)
        let r = try audit(expenditureTable(total: "13.00"), rules: rules)
        let f = try #require(r.findings("SUM-003").first)
        #expect(f.location.row == "合计")
        #expect(f.expected == "12.00" && f.found == "13.00")
    }

    @Test func sum004ChecksTotalColumns() throws {
        #expect(try audit(expenditureTable(), rules: rules).findings("SUM-004").isEmpty)
        let r = try audit(expenditureTable(total: "12.00", basic: "8.00"), rules: rules)
        let f = try #require(r.findings("SUM-004").first)
        #expect(f.message.contains("总计 应等于 基本支出 + 项目支出"))
        #expect(f.message.contains("8.00 + 5.00 = 13.00，表中为 12.00"))
    }

    static let threePublicRows = """
    2021年“三公”经费支出预算表
    单位:万元
    项目 | 预算数 |
    合计 | 30.8 |
    因公出国(境)费 | 0 |
    公务接待费 | 14.8 |
    公务用车购置及运行费 | 16 |
    其中:公务用车运行维护费 | 16 |
    公务用车购置费 | 0 |
    """

    @Test func sum005ChecksThreePublicItemsAsRows() throws {
        #expect(try audit(Self.threePublicRows, rules: rules).findings("SUM-005").isEmpty)
        let r = try audit(Self.threePublicRows.replacingOccurrences(of: "公务用车购置及运行费 | 16", with: "公务用车购置及运行费 | 0"), rules: rules)
        let fs = r.findings("SUM-005")
        #expect(fs.count == 2)  // the vehicle line and the total both disagree
        #expect(fs.contains { $0.message.contains("0.0 + 14.8 + 0.0 = 14.8，表中为 30.8") })
    }

    @Test func sum005ChecksThreePublicItemsAsColumns() throws {
        let text = """
        某局2022年一般公共预算“三公”经费支出表
        单位：万元
        2022 年预算数\t\t\t\t\t
        总计\t因公出国 (境)费用\t公务用车购置及运行费\t\t\t公务接待 费
        \t\t小计\t公务用车 购置\t公务用车 运行维护 费\t
        20.00\t\t4.00\t\t4.00\t16.00
        """
        #expect(try audit(text, rules: rules).findings("SUM-005").isEmpty)
        let bad = try audit(text.replacingOccurrences(of: "20.00\t\t4.00", with: "21.00\t\t4.00"), rules: rules)
        #expect(bad.findings("SUM-005").first?.message.contains("0.00 + 16.00 + 4.00 = 20.00，表中为 21.00") == true)
    }

    static let summary = """
    某局2022年部门收支总表
    单位：万元
    收入\t\t支出\t
    项目\t预算数\t项目\t预算数
    一般公共预算拨款收入\t10.00\t一、一般公共服务支出\t8.00
    事业收入\t\t二、住房保障支出\t2.00
    本年收入合计\t10.00\t本年支出合计\t10.00
    上年结转\t\t结转下年\t
    收入总计\t10.00\t支出总计\t10.00
    """

    @Test func sum006ChecksBalance() throws {
        #expect(try audit(Self.summary, rules: rules).findings("SUM-006").isEmpty)
        let r = try audit(Self.summary.replacingOccurrences(of: "支出总计\t10.00", with: "支出总计\t11.00"), rules: rules)
        #expect(r.findings("SUM-006").count == 1)
        #expect(r.findings("SUM-003").count == 1)  // and 支出总计 ≠ 本年支出合计 + 结转下年
    }

    static let changes = """
    2024年某镇“三公”经费预算财政拨款情况统计表
    单位:万元
    项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |
    增、减金额 | 增、减幅度 | |||
    合计 | 18.15 | 22.15 | 4 | 22% |
    1.因公出国(境)费 | ||||
    2.公务接待费 | 3 | 7 | 4 | 133% |
    3.公务用车购置及运行费 | 15.15 | 15.15 | | |
    其中:(1)公务用车购置费 | ||||
    (2)公务用车运行费 | 15.15 | 15.15 | 0 | 0 |
    """

    @Test func sum007ChecksChangeColumns() throws {
        let ok = try audit(Self.changes, rules: rules)
        #expect(ok.findings("SUM-007").isEmpty)
        #expect(ok.status("SUM-007")?.applicable == true)
        let bad = try audit(Self.changes.replacingOccurrences(of: "| 3 | 7 | 4 | 133% |", with: "| 3 | 7 | 5 | 150% |"), rules: rules)
        #expect(bad.findings("SUM-007").count == 2)
        #expect(bad.findings("SUM-007").contains { $0.message.contains("7 − 3 = 4") })
        #expect(bad.findings("SUM-007").contains { $0.expected == "133%" })
    }

    /// A table that prints codes with their sub-codes but no figure column is not a grid: SUM-001 does not run on
    /// it (the hierarchy check tests a table as a grid only once it has found a parent line with children).
    @Test func sum001SkipsCodedTablesWithoutFigures() throws {
        let text = """
        某局2022年部门预算情况说明
        某局2022年一般公共预算财政拨款支出预算表
        科目编码\t科目名称\t说明
        201\t一般公共服务支出\t见附注一
        20103\t政府办公厅（室）及相关机构事务\t见附注二
        2010308\t信访事务\t见附注三

        """
        let d = try Recogniser.recognise(TextReader.read(text, source: "test.txt"))
        // The premise: the table is read, with printed codes, and without money columns.
        let table = try #require(d.tables.first { $0.rows.contains { $0.code?.digits == "20103" && $0.codePrinted } })
        #expect(table.moneyColumns.isEmpty)
        #expect(try audit(text, rules: rules).status("SUM-001")?.applicable == false)
    }

    @Test func rulesWithoutTheirTablesAreNotApplicable() throws {
        let r = try audit(Self.threePublicRows, rules: rules)
        #expect(r.status("SUM-006")?.applicable == false)
        #expect(r.status("SUM-007")?.applicable == false)
    }
}
