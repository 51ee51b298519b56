import YusuanCore

/// PRJ-002: each project's amount is the same in the project list and in its performance form.
enum ProjectAmountCheck {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let forms = PerformanceForm.projects(ctx)
        let entries = ProjectListEntries.read(ctx)
        guard !forms.isEmpty else { return .notApplicable(reason: "no project performance form") }
        guard !entries.isEmpty else { return .notApplicable(reason: "no project list (项目支出表) with project lines") }
        let sum = SumCheck(rule: rule, context: ctx)
        var findings: [Finding] = []
        for form in forms {
            guard let name = form.name else { continue }
            guard let entry = ProjectListEntries.match(name, in: entries) else {
                let list = entries.first.map { $0.table.attachment.map { "附件\($0)" } ?? $0.table.title } ?? "项目支出表"
                findings.append(rule.finding(
                    form.location(form.nameField), expected: "项目支出表中有此项目", found: "未找到",
                    message: "\(form.shortName)的项目“\(name)”在\(list)中找不到同名项目，无法核对金额。",
                    english: "The project “\(name)” of \(form.shortNameEnglish) has no line of the same name in the project list, so its amount cannot be checked.",
                    severity: .notice))
                continue
            }
            guard let formAmount = form.amount, let listAmount = entry.amount else { continue }
            let listName = entry.table.attachment.map { "附件\($0)" } ?? entry.table.title
            let column = entry.amountColumn?.header ?? ""
            if let f = sum.same(formAmount, listAmount, what: "项目“\(name)”的金额",
                                whatEnglish: "The amount of project “\(name)”",
                                aWhere: "\(form.shortName)“\(form.amountField?.label ?? "资金总额")”",
                                bWhere: "\(listName)“\(column)”列",
                                location: form.location(form.amountField)) {
                findings.append(f)
            }
        }
        return .ran(findings)
    }
}
