import YusuanCore

/// The audit report as text: findings grouped by table in document order, then a summary.
public enum AuditTextReport {
    public static func render(_ report: AuditReport, language: ReportLanguage = .zh) -> String {
        let zh = language == .zh
        let d = report.disclosure
        var out = ""
        out += (zh ? "审核报告：" : "Audit report: ") + d.title + "\n"
        out += (zh ? "文件：" : "File: ") + d.source + "\n"
        var facts: [String] = []
        if let dep = d.department { facts.append((zh ? "部门 " : "Department ") + dep) }
        if let y = d.year { facts.append(zh ? "\(y) 年度" : "fiscal year \(y)") }
        facts.append(zh ? d.phase.rawValue : (d.phase == .budget ? "budget" : "final accounts"))
        facts.append((zh ? "表格 " : "tables ") + "\(d.tables.count)")
        if let p = report.profile {
            let how = report.profileDetected ? (zh ? "自动识别" : "detected") : (zh ? "指定" : "given")
            facts.append(zh ? "模板 \(p.id)（\(how)）" : "profile \(p.id) (\(how))")
        } else {
            facts.append(zh ? "模板：未识别" : "profile: none matched")
        }
        out += facts.joined(separator: " · ") + "\n"

        for group in FindingGroups.grouped(report) {
            out += "\n" + (group.title ?? (zh ? "整份文档" : "Whole document")) + "\n"
            for f in group.findings {
                out += "  " + headline(f, zh: zh) + "\n"
                out += wrap(zh ? f.message : f.messageEnglish, indent: "      ")
            }
        }
        if report.findings.isEmpty { out += "\n" + (zh ? "未发现问题。" : "No findings.") + "\n" }
        out += "\n" + summary(report, zh: zh) + "\n"
        return out
    }

    static func headline(_ f: Finding, zh: Bool) -> String {
        let sev = zh ? f.severity.chinese : f.severity.rawValue
        var parts: [String] = []
        if let line = f.location.source?.line { parts.append(zh ? "第 \(line) 行" : "line \(line)") }
        if let page = f.location.source?.page { parts.insert(zh ? "第 \(page) 页" : "page \(page)", at: 0) }
        if let sheet = f.location.source?.sheet { parts.insert(zh ? "工作表“\(sheet)”" : "sheet “\(sheet)”", at: 0) }
        if let row = f.location.row, !row.isEmpty { parts.append(row) }
        if let col = f.location.column, !col.isEmpty { parts.append((zh ? "列 " : "column ") + col) }
        return "\(sev) \(f.rule)" + (parts.isEmpty ? "" : "  " + parts.joined(separator: " · "))
    }

    public static func summary(_ r: AuditReport, zh: Bool) -> String {
        if zh {
            return "汇总：错误 \(r.count(.error)) 个，警告 \(r.count(.warning)) 个，提示 \(r.count(.notice)) 个；运行规则 \(r.rulesRun) 条，不适用 \(r.rulesNotApplicable) 条。"
        }
        return "Summary: \(r.count(.error)) errors, \(r.count(.warning)) warnings, \(r.count(.notice)) notices; \(r.rulesRun) rules run, \(r.rulesNotApplicable) not applicable."
    }

    /// Indents a message; long lines are kept whole (terminals wrap CJK text themselves).
    static func wrap(_ s: String, indent: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n") + "\n"
    }
}

/// Findings grouped by the table they point at, tables in document order, the document first.
public enum FindingGroups {
    public struct Group {
        public var title: String?
        public var findings: [Finding]
    }

    public static func grouped(_ report: AuditReport) -> [Group] {
        var order: [String?] = [nil, "情况说明"]
        for t in report.disclosure.tables where !order.contains(t.displayName) { order.append(t.displayName) }
        var groups: [String?: [Finding]] = [:]
        for f in report.findings {
            let key = f.location.table
            if !order.contains(key) { order.append(key) }
            groups[key, default: []].append(f)
        }
        return order.compactMap { key in
            guard let fs = groups[key], !fs.isEmpty else { return nil }
            let sorted = fs.enumerated().sorted { a, b in
                let la = a.element.location.source?.line ?? 0, lb = b.element.location.source?.line ?? 0
                if la != lb { return la < lb }
                return a.offset < b.offset
            }.map(\.element)
            return Group(title: key, findings: sorted)
        }
    }
}
