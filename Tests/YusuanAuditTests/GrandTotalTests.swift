import Testing
import YusuanAudit
import YusuanCore

/// "收入支出总计" in the narrative against the 总计 line of the 收支总表 (carried balances included).
@Suite struct GrandTotalTests {
    static func document(_ sentence: String) -> String {
        let table = FinalDoc.fiscalSummary().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        return """
        某局2024年度部门决算

        三、财政拨款收入支出决算总体情况说明

        \(sentence)

        \(table)
        """
    }

    static func nar001(_ sentence: String) throws -> [Finding] {
        try FinalDoc.audit(document(sentence), rules: NarrativeRules.all).findings.filter { $0.rule == "NAR-001" }
    }

    @Test func aGrandTotalThatMatchesTheTablePasses() throws {
        #expect(try Self.nar001("2024年度财政拨款收入支出总计2961.68万元，与上年相比增加1.00万元。").isEmpty)
    }

    @Test func aGrandTotalThatDiffersIsAnError() throws {
        let bad = try Self.nar001("2024年度财政拨款收入支出总计0.3万元，与上年相比增加1.00万元。")
        #expect(bad.count == 1)
        #expect(bad.first?.severity == .error)
        #expect(bad.first?.expected == "2961.68")
        #expect(bad.first?.message.contains("收支总计") == true, "\(bad.first?.message ?? "")")
    }
}
