import YusuanCore

extension CompletenessRules {
    /// CMP-003: the table of contents lists the tables that are there, with the numbers they carry.
    static let contentsAgreement = Rule(
        id: "CMP-003", severity: .warning, category: .completeness,
        title: "目录与正文表格一致", titleEnglish: "The table of contents agrees with the tables present",
        why: "目录与正文不符，说明有表漏发、错号或目录未随正文更新。",
        whyEnglish: "When the contents and the body disagree, a table was dropped, misnumbered, or the contents were not updated.",
        check: checkContents)

    /// Headings of a contents list that name the table part, not a table ("五、部门预算表").
    static let contentsGroupHeadings: Set<String> = [
        "部门预算表", "部门决算表", "预算表", "决算表", "附表", "报表", "部门预算公开表", "部门决算公开表",
        "预算公开表", "部门预算表格", "部门预算公开表格",
    ]

    static func checkContents(_ c: AuditContext) -> RuleOutcome {
        let d = c.disclosure
        guard !d.contents.isEmpty else {
            return .notApplicable(reason: "文中没有目录 / the document has no table of contents")
        }
        let tableCores = d.tables.map { titleCore($0.title, department: d.department) }
        var matched = Set<Int>()
        var out: [Finding] = []
        for entry in d.contents {
            let core = titleCore(entry.title, department: d.department)
            guard core.hasSuffix("表"), !contentsGroupHeadings.contains(core) else { continue }
            let number = entry.attachment.flatMap(AttachmentNumber.init)
            let listed = entryName(entry)
            let location = FindingLocation(table: "目录", attachment: entry.attachment, row: listed, source: entry.location)
            let byTitle = d.tables.indices.filter { sameTitle(tableCores[$0], core) }
            let sameNumber = d.tables.indices.filter { i in
                guard let number, let n = d.tables[i].attachment.flatMap(AttachmentNumber.init) else { return false }
                return n == number || (number.sub == nil && n.main == number.main)
            }
            if byTitle.isEmpty {
                if let i = sameNumber.first(where: { !matched.contains($0) }) ?? sameNumber.first {
                    matched.formUnion(sameNumber)
                    let t = d.tables[i]
                    out.append(contentsAgreement.finding(
                        location, expected: listed, found: t.displayName,
                        message: "目录所列\(quoted(listed))与正文不符：正文附件\(t.attachment ?? "")为\(quoted(t.title))。",
                        english: "The contents list \(quoted(listed)), but attachment \(t.attachment ?? "") in the body is \(quoted(t.title))."))
                } else {
                    out.append(contentsAgreement.finding(
                        location, expected: listed, found: "正文未见",
                        message: "目录列有\(quoted(listed))，正文中未见此表。",
                        english: "The contents list \(quoted(listed)), but the body has no such table."))
                }
                continue
            }
            guard let number else {
                matched.formUnion(byTitle)
                continue
            }
            // The same number, or no number printed on the table (Shanghai numbers tables only in the contents).
            let exact = byTitle.filter { sameNumber.contains($0) }
            let unnumbered = byTitle.filter { d.tables[$0].attachment.flatMap(AttachmentNumber.init) == nil }
            if !exact.isEmpty || !unnumbered.isEmpty {
                matched.formUnion(exact.isEmpty ? unnumbered : exact)
                continue
            }
            guard let i = byTitle.first(where: { !matched.contains($0) }) ?? byTitle.first else { continue }
            matched.insert(i)
            let t = d.tables[i]
            let printed = t.attachment.map { "附件\($0)" } ?? "未编号"
            let printedEn = t.attachment.map { "attachment \($0)" } ?? "unnumbered"
            out.append(contentsAgreement.finding(
                location, expected: "附件\(number)", found: printed,
                message: "目录中\(quoted(entry.title))编为附件\(number)，正文中为\(printed)。",
                english: "The contents number \(quoted(entry.title)) as attachment \(number), but the body prints it as \(printedEn)."))
        }
        var reported = Set<String>()
        for (i, t) in d.tables.enumerated() where !matched.contains(i) && reported.insert(t.displayName).inserted {
            out.append(contentsAgreement.finding(
                c.location(t), expected: "列入目录", found: "目录未列",
                message: "正文中的\(quoted(t.displayName))未列入目录。",
                english: "\(quoted(t.displayName)) is in the body but not in the table of contents."))
        }
        return .ran(out)
    }

    private static func entryName(_ e: ContentsEntry) -> String {
        e.attachment.map { "附件\($0) \(e.title)" } ?? e.title
    }
}
