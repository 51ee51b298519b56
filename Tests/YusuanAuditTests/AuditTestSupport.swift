import YusuanAudit
import YusuanCore
import YusuanIngest

/// Reads document text (tab-separated tables, as disclosures are copied) and audits it with some rules.
func audit(_ text: String, rules: [Rule], year: Int? = nil) throws -> AuditReport {
    let d = try Recogniser.recognise(TextReader.read(text, source: "test.txt"))
    return Auditor.audit(d, profile: nil, profileDetected: false, rules: rules)
}

extension AuditReport {
    func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }
    func status(_ rule: String) -> RuleStatus? { rules.first { $0.rule == rule } }
}

/// A small general-budget expenditure table (附件2 style) with the given 合计 and 201 figures.
func expenditureTable(total: String = "12.00", basic: String = "7.00", project: String = "5.00",
                      klass: String = "12.00", kuan: String = "12.00", xiang: String = "12.00") -> String {
    """
    某局2022年部门预算情况说明
    附件 2
    某局2022年一般公共预算财政拨款支出预算表
    单位：万元
    科目编码\t科目名称\t2022年预算数\t\t
    \t\t总计\t基本支出\t项目支出
    \t合计\t\(total)\t\(basic)\t\(project)
    201\t一般公共服务支出\t\(klass)\t7.00\t5.00
    20103\t政府办公厅（室）及相关机构事务\t\(kuan)\t7.00\t5.00
    2010308\t信访事务\t\(xiang)\t7.00\t5.00

    """
}
