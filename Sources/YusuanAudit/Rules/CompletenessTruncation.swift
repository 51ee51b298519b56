import YusuanCore

extension CompletenessRules {
    /// CMP-008: a table cut off before its end is reported, so that readers know some checks were skipped.
    static let truncatedTables = Rule(
        id: "CMP-008", severity: .notice, category: .completeness,
        title: "表格完整未截断", titleEnglish: "No table is cut off",
        why: "截断的表格缺少部分行，依赖这些行的核对无法进行。",
        whyEnglish: "A cut-off table lacks rows; checks that need them could not be made.",
        check: checkTruncation)

    static func checkTruncation(_ c: AuditContext) -> RuleOutcome {
        let d = c.disclosure
        var out: [Finding] = d.tables.filter(\.truncated).map { t in
            truncatedTables.finding(
                c.location(t, row: t.rows.last), expected: "完整表格", found: "截断",
                message: "\(t.displayName)似乎被截断，需要其缺失行的规则未予执行（文本在表格结束前中止，最后读到\(quoted(t.rows.last?.label ?? t.title))）。",
                english: "\(t.displayName) appears cut off; rules that need its missing rows were not applied (the text stops before the table ends; the last line read is \(quoted(t.rows.last?.label ?? t.title))).")
        }
        if out.isEmpty && d.truncated {
            let lastTableLine = d.tables.compactMap { $0.rows.last?.location.line }.max() ?? 0
            if let p = d.narrative.last, (p.location.line ?? 0) > lastTableLine {
                let tail = String(p.text.suffix(16))
                out.append(truncatedTables.finding(
                    c.location(p), expected: "完整文档", found: "截断",
                    message: "文档似乎在句子中途结束（最后一段止于“…\(tail)”）；之后的内容无法核对。",
                    english: "The document appears to stop mid-sentence (the last paragraph ends “…\(tail)”); whatever followed could not be checked."))
            } else {
                let last = d.tables.last
                let hint = last.map { "，最后一张表为\($0.displayName)" } ?? ""
                let hintEn = last.map { "; the last table is \($0.displayName)" } ?? ""
                let location = last.map { c.location($0, row: $0.rows.last) }
                    ?? FindingLocation(table: "情况说明", source: d.narrative.last?.location)
                out.append(truncatedTables.finding(
                    location, expected: "完整文档", found: "截断",
                    message: "文档似乎在中途结束（最后一张表不完整\(hint)）；依赖缺失部分的规则未予执行。",
                    english: "The document appears to stop midway (its last table is incomplete\(hintEn)); rules that need the missing part were not applied."))
            }
        }
        return .ran(out)
    }
}
