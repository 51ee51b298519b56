import YusuanCore

extension CompletenessRules {
    /// CMP-007: the narrative has every section the profile lists.
    static let narrativeSections = Rule(
        id: "CMP-007", severity: .warning, category: .completeness,
        title: "情况说明各部分齐全", titleEnglish: "The narrative has every section the template lists",
        why: "情况说明缺少规定部分，相应事项（如“三公”经费、政府采购）未向公众说明。",
        whyEnglish: "A missing section leaves a required matter (such as the “three public” expenses or procurement) unexplained to the public.",
        check: checkSections)

    static func checkSections(_ c: AuditContext) -> RuleOutcome {
        guard let profile = c.profile, !profile.narrativeSections.isEmpty else {
            return .notApplicable(reason: "未确定公开模板（profile）或模板未列情况说明各部分 / no profile, or it lists no sections")
        }
        let d = c.disclosure
        let titleKey = TextNormalization.key(d.title)
        let texts = d.narrative.map { TextNormalization.key($0.text) }.filter { !$0.isEmpty && $0 != titleKey }
        guard !texts.isEmpty else {
            return .notApplicable(reason: "文中没有情况说明文字 / the document has no narrative")
        }
        var out: [Finding] = []
        for section in profile.narrativeSections {
            let keys = section.keywords.map(TextNormalization.key).filter { !$0.isEmpty }
            if texts.contains(where: { t in keys.contains { t.contains($0) } }) { continue }
            let words = section.keywords.map(quoted).joined(separator: "、")
            let wordsEn = section.keywords.map(quoted).joined(separator: ", ")
            out.append(narrativeSections.finding(
                FindingLocation(table: "情况说明", row: section.title), expected: section.title, found: "未见",
                message: "情况说明缺少\(quoted(section.title))部分（\(profile.name)要求；文中未见\(words)等字样）。",
                english: "The narrative lacks the section \(quoted(section.title)) required by the template “\(profile.nameEnglish)” (none of \(wordsEn) occurs)."))
        }
        return .ran(out)
    }
}
