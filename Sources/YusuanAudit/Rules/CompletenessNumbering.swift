import YusuanCore

extension CompletenessRules {
    /// CMP-002: attachment numbers run 1, 2, 3 … and sub-numbers 12-1, 12-2 … without gaps.
    static let attachmentSequence = Rule(
        id: "CMP-002", severity: .warning, category: .completeness,
        title: "附件编号连续", titleEnglish: "Attachment numbers have no gaps",
        why: "编号中断通常意味着有附表漏公开或被删去。",
        whyEnglish: "A gap in the numbering usually means a table was left out of the published document.",
        check: checkAttachmentSequence)

    static func checkAttachmentSequence(_ c: AuditContext) -> RuleOutcome {
        var first: [AttachmentNumber: DisclosureTable] = [:]
        for t in c.disclosure.tables {
            guard let raw = t.attachment, let n = AttachmentNumber(raw), first[n] == nil else { continue }
            first[n] = t
        }
        guard !first.isEmpty else {
            return .notApplicable(reason: "表格未印附件编号 / the tables carry no attachment numbers")
        }
        var out: [Finding] = []
        let mains = Set(first.keys.map(\.main))
        out += gaps(in: mains, c: c) { m in
            let present = first.keys.filter { $0.main == m }.sorted()
            return present.first.flatMap { first[$0] }
        } label: { "\($0)" }

        for m in mains.sorted() {
            let subs = Set(first.keys.filter { $0.main == m }.compactMap(\.sub))
            guard !subs.isEmpty else { continue }
            out += gaps(in: subs, c: c) { s in first[AttachmentNumber(main: m, sub: s)] } label: { "\(m)-\($0)" }
        }
        return .ran(out)
    }

    /// One finding per run of missing numbers in 1…max of `present`.
    private static func gaps(in present: Set<Int>, c: AuditContext, table: (Int) -> DisclosureTable?,
                             label: (Int) -> String) -> [Finding] {
        guard let top = present.max(), top > 0 else { return [] }
        var out: [Finding] = []
        var missing: [Int] = []
        for n in 1...(top + 1) {
            if n <= top && !present.contains(n) {
                missing.append(n)
                continue
            }
            guard let firstMissing = missing.first else { continue }
            let names = missing.map { "附件\(label($0))" }.joined(separator: "、")
            let namesEn = missing.map { "attachment \(label($0))" }.joined(separator: ", ")
            let after = table(n)
            let before = (1..<firstMissing).reversed().first { present.contains($0) }
            let hint = templateHint(missing.map(label), c.profile)
            let zhContext = before.map { "附件\(label($0))之后是附件\(label(n))" } ?? "首个附件为附件\(label(n))，编号应从\(label(1))开始"
            let enContext = before.map { "attachment \(label($0)) is followed by attachment \(label(n))" }
                ?? "the first attachment is \(label(n)); numbering should start at \(label(1))"
            let location = FindingLocation(table: "附件\(label(firstMissing))", attachment: label(firstMissing),
                                           source: after?.location)
            out.append(attachmentSequence.finding(
                location, expected: names, found: "未见",
                message: "附件编号不连续：\(zhContext)，缺少\(names)\(hint.zh)。",
                english: "Attachment numbers have a gap: \(enContext), so \(namesEn) \(missing.count > 1 ? "are" : "is") missing\(hint.en)."))
            missing = []
        }
        return out
    }

    /// "（按模板应为部门收入总表）" when the profile says what the missing numbers hold.
    private static func templateHint(_ labels: [String], _ profile: Profile?) -> (zh: String, en: String) {
        guard let profile else { return ("", "") }
        let titles = labels.compactMap { l in profile.tables.first { $0.attachment == l }?.title }
        guard !titles.isEmpty else { return ("", "") }
        let list = titles.joined(separator: "、")
        return ("（按模板应为\(list)）", " (the template puts \(list) there)")
    }
}
