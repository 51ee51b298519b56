import Testing
@testable import YusuanAudit
import YusuanCore

@Suite struct CrossTableRulesTests {
    let rules = CrossTableRules.all

    func document(summary201: String = "12.00", basic30113: String = "2.00", reception: String = "1.00", total8: String = "12.00") -> String {
        """
        某局2022年部门预算情况说明
        附件 6
        某局2022年部门收支总表
        单位：万元
        收入\t\t支出\t
        项目\t预算数\t项目\t预算数
        一般公共预算拨款收入\t12.00\t一、一般公共服务支出\t\(summary201)
        本年收入合计\t12.00\t本年支出合计\t12.00
        附件 2
        某局2022年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t总计\t基本支出\t项目支出
        \t合计\t12.00\t7.00\t5.00
        201\t一般公共服务支出\t10.00\t5.00\t5.00
        221\t住房保障支出\t2.00\t2.00\t
        22102\t住房改革支出\t2.00\t2.00\t
        2210201\t住房公积金\t2.00\t2.00\t
        附件 3
        某局一般公共预算财政拨款基本支出预算表
        单位：万元
        科目编码\t科目名称\t总计\t人员经费\t日常公用经费
        \t合计\t7.00\t3.00\t4.00
        30113\t住房公积金\t\(basic30113)\t\(basic30113)\t
        30217\t公务接待费\t\(reception)\t\t\(reception)
        附件 4
        某局2022年一般公共预算“三公”经费支出表
        单位：万元
        总计\t因公出国（境）费用\t公务用车购置及运行费\t\t\t公务接待费
        \t\t小计\t购置\t运行维护\t
        1.00\t\t\t\t\t1.00
        附件 8
        某局部门支出总表
        单位：万元
        科目编码\t科目名称\t总计\t基本支出\t项目支出
        \t合计\t\(total8)\t7.00\t5.00
        201\t一般公共服务支出\t10.00\t5.00\t5.00
        221\t住房保障支出\t2.00\t2.00\t
        """
    }

    @Test func xt001PassesWhenTablesAgree() throws {
        let r = try audit(document(summary201: "10.00"), rules: rules)
        #expect(r.findings("XT-001").isEmpty)
        #expect(r.status("XT-001")?.applicable == true)
    }

    @Test func xt001FindsAFunctionalLineThatDiffers() throws {
        let r = try audit(document(summary201: "10.50"), rules: rules)
        let f = try #require(r.findings("XT-001").first)
        #expect(f.location.attachment == "6")
        #expect(f.message.contains("201 一般公共服务支出"))
        #expect(f.expected == "10.00" && f.found == "10.50")
    }

    @Test func oneLinePrintedTwiceMayNotDifferEvenByACent() throws {
        // Both are roundings of one exact value at the same precision: 0.01 apart is an error, not rounding.
        let r = try audit(document(summary201: "10.01"), rules: rules)
        let f = try #require(r.findings("XT-001").first)
        #expect(f.severity == .error)
        // A total summed from rounded lines may be a cent off another printing: that stays a warning.
        let t = try audit(document(summary201: "10.00", total8: "12.01"), rules: rules)
        #expect(t.findings("XT-002").first?.severity == .warning)
    }

    @Test func xt002FindsTotalsThatDiffer() throws {
        #expect(try audit(document(summary201: "10.00"), rules: rules).findings("XT-002").isEmpty)
        let r = try audit(document(summary201: "10.00", total8: "12.10"), rules: rules)
        let f = try #require(r.findings("XT-002").first)
        #expect(f.location.attachment == "8")
        #expect(f.message.contains("支出合计"))
    }

    @Test func xt003FindsThreePublicUnderReported() throws {
        #expect(try audit(document(summary201: "10.00"), rules: rules).findings("XT-003").isEmpty)
        let r = try audit(document(summary201: "10.00", reception: "1.50"), rules: rules)
        let f = try #require(r.findings("XT-003").first)
        #expect(f.message.contains("30217"))
        #expect(f.location.attachment == "4")
    }

    @Test func xt004ComparesCorrespondingLines() throws {
        #expect(try audit(document(summary201: "10.00"), rules: rules).findings("XT-004").isEmpty)
        let r = try audit(document(summary201: "10.00", basic30113: "2.20"), rules: rules)
        let f = try #require(r.findings("XT-004").first)
        #expect(f.message.contains("30113") && f.message.contains("2210201"))
    }
}
