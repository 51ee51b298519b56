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
        guard let missing = missingSections(d.narrative.map(\.text), title: d.title,
                                            keywords: profile.narrativeSections.map(\.keywords)) else {
            return .notApplicable(reason: "文中没有情况说明文字 / the document has no narrative")
        }
        var out: [Finding] = []
        for section in missing.map({ profile.narrativeSections[$0] }) {
            let words = section.keywords.map(quoted).joined(separator: "、")
            let wordsEn = section.keywords.map(quoted).joined(separator: ", ")
            out.append(narrativeSections.finding(
                FindingLocation(table: "情况说明", row: section.title), expected: section.title, found: "未见",
                message: "情况说明缺少\(quoted(section.title))部分（\(profile.name)要求；文中未见\(words)等字样）。",
                english: "The narrative lacks the section \(quoted(section.title)) required by the template “\(profile.nameEnglish)” (none of \(wordsEn) occurs)."))
        }
        return .ran(out)
    }

    /// The indices of the sections (each given by its `keywords`) none of whose keywords' keys occurs in the key of
    /// a paragraph whose key is neither empty nor the title's; nil when no paragraph's key is such.
    /// A paragraph's key is made only when asked: `key` maps each scalar on its own and a key is its own key, so a
    /// paragraph whose text holds a keyword, or its key, holds the keyword's key in its key too; a section is nearly
    /// always found so (SectionSearchTests holds this to keying every paragraph first).
    static func missingSections(_ paragraphs: [String], title: String, keywords: [[String]]) -> [Int]? {
        let titleKey = TextNormalization.key(title)
        var keys = [String?](repeating: nil, count: paragraphs.count)
        func key(_ i: Int) -> String {
            if let k = keys[i] { return k }
            let k = TextNormalization.key(paragraphs[i])
            keys[i] = k
            return k
        }
        func counts(_ i: Int) -> Bool {
            let k = key(i)
            return !k.isEmpty && k != titleKey
        }
        guard paragraphs.indices.contains(where: counts) else { return nil }
        return keywords.indices.filter { s in
            let counted = keywords[s].map { (printed: $0, key: TextNormalization.key($0)) }.filter { !$0.key.isEmpty }
            let wanted = counted.map(\.key)
            let printed = counted.map(\.printed) + wanted
            if printed.contains(where: { w in paragraphs.indices.contains { paragraphs[$0].contains(w) && counts($0) } }) {
                return false
            }
            return !paragraphs.indices.contains { i in counts(i) && wanted.contains { key(i).contains($0) } }
        }
    }
}
