import Testing
@testable import YusuanAudit
import YusuanCore

@Suite struct UnitRulesTests {
    @Test func unit001NoticesATableWithoutAUnit() throws {
        #expect(try audit(expenditureTable(), rules: UnitRules.all).findings("UNIT-001").isEmpty)
        let r = try audit(expenditureTable().replacingOccurrences(of: "单位：万元\n", with: ""), rules: UnitRules.all)
        let f = try #require(r.findings("UNIT-001").first)
        #expect(f.severity == .notice && f.message.contains("未注明金额单位"))
    }

    /// The same general-budget table printed twice (as 附件2 and 附件12), the second with `unit`.
    func twoTables(unit: String) -> String {
        expenditureTable() + expenditureTable().replacingOccurrences(of: "附件 2", with: "附件 12")
            .replacingOccurrences(of: "单位：万元", with: "单位：\(unit)").replacingOccurrences(of: "某局2022年部门预算情况说明\n", with: "")
    }

    @Test func unit002FindsAWrongUnitInsteadOfADifference() throws {
        #expect(try audit(twoTables(unit: "万元"), rules: UnitRules.all).findings("UNIT-002").isEmpty)
        let r = try audit(twoTables(unit: "元"), rules: UnitRules.all + CrossTableRules.all)
        let f = try #require(r.findings("UNIT-002").first)
        #expect(f.location.attachment == "12")
        #expect(f.message.contains("单位标错"))
        #expect(r.findings("XT-001").isEmpty && r.findings("XT-002").isEmpty)
    }
}
