import Foundation
import Testing
import YusuanAudit
import YusuanCore
import YusuanIngest

/// A 决算's 收入决算表 prints each function's income, which differs from its expenditure by the balances
/// carried over: it is not compared with the 支出决算表 (XT-001/XT-002). A 预算's 收入总表 still is.
@Suite struct FinalIncomeByFunctionTests {
    func text(title: String, revenue: String, spending: String) -> String {
        """
        \(title)
        \(revenue)
        单位：万元
        科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入
        \t合计\t2,946.25\t2,940.05\t6.20
        201\t一般公共服务支出\t2,112.86\t2,106.66\t6.20
        208\t社会保障和就业支出\t833.39\t833.39\t
        \(spending)
        单位：万元
        科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
        \t合计\t2,940.05\t2,336.91\t603.14
        201\t一般公共服务支出\t2,106.66\t1,503.52\t603.14
        208\t社会保障和就业支出\t833.39\t833.39\t

        """
    }

    func crossTableFindings(_ text: String) throws -> [Finding] {
        let d = try Recogniser.recognise(TextReader.read(text, source: "income.txt"))
        return Auditor.audit(d, profile: nil, profileDetected: false, rules: CrossTableRules.all).findings
    }

    @Test func aFinalAccountsIncomeByFunctionIsNotItsExpenditure() throws {
        let findings = try crossTableFindings(text(title: "某局2024年度部门决算", revenue: "收入决算表", spending: "支出决算表"))
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func aBudgetIncomeByFunctionIsStillCompared() throws {
        let findings = try crossTableFindings(text(title: "某局2024年部门预算", revenue: "部门收入总表", spending: "部门支出总表"))
        #expect(findings.contains { $0.rule == "XT-001" || $0.rule == "XT-002" })
    }
}
