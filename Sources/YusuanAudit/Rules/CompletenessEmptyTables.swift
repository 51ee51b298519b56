import YusuanCore

extension CompletenessRules {
    /// CMP-005: a table without data says why, naming the fund it is about; a table with data
    /// does not carry a note saying it is empty.
    static let emptyTableNotes = Rule(
        id: "CMP-005", severity: .warning, category: .completeness,
        title: "空表须说明原因", titleEnglish: "An empty table says why it is empty",
        why: "按规定没有数据的表格应列出空表并说明；说明与表不符会误导读者。",
        whyEnglish: "The rules require an empty table to be printed with an explanation; an explanation that does not fit the table misleads readers.",
        check: checkEmptyTables)

    /// Tables that hold money and so can be "empty"; performance forms are not checked here.
    static let moneyTableKinds: Set<TableKind> = [
        .budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary, .generalExpenditure,
        .basicExpenditure, .threePublic, .govFundExpenditure, .stateCapitalExpenditure, .projectList, .procurement,
    ]

    /// Words that say something is absent ("本单位无…", "未安排…", "故此表无数据").
    static let absenceWords = ["无", "未安排", "没有", "不涉及", "空表", "为空", "为零", "为0"]
    /// Words with which a note says its own table is empty.
    static let emptyClaims = ["空表", "无数据", "表为空", "此表无", "本表无"]
    /// The funds notes name, to tell a note copied from another table.
    static let fundWords = ["政府性基金", "国有资本经营", "三公", "一般公共预算", "财政专户", "政府采购"]

    /// What a note on an empty table of this kind must mention; empty: anything that says it is empty.
    static func subjectWords(_ kind: TableKind) -> [String] {
        switch kind {
        case .govFundExpenditure: ["政府性基金"]
        case .stateCapitalExpenditure: ["国有资本经营"]
        case .threePublic: ["三公"]
        case .generalExpenditure, .basicExpenditure: ["一般公共预算"]
        case .fiscalSummary: ["财政拨款"]
        case .projectList: ["项目"]
        case .procurement: ["采购"]
        default: []
        }
    }

    static func checkEmptyTables(_ c: AuditContext) -> RuleOutcome {
        let d = c.disclosure
        let tables = d.tables.filter { moneyTableKinds.contains($0.kind) && $0.hasMoneyColumns && !$0.truncated }
        guard !tables.isEmpty else {
            return .notApplicable(reason: "没有可判断是否为空的金额表 / no money table to check")
        }
        // The narrative's sentences, split on first need: only an empty table without an explaining note reads them.
        var sentences: [(text: String, paragraph: Paragraph)]?
        var out: [Finding] = []
        for parts in tableGroups(tables, department: d.department) {
            guard let t = parts.first else { continue }
            let notes = parts.flatMap(\.notes).filter { !$0.trimmed.isEmpty }
            if !parts.allSatisfy(\.hasNoData) {
                if let note = notes.first(where: { n in emptyClaims.contains { TextNormalization.key(n).contains($0) } }) {
                    let figure = parts.lazy.compactMap(firstFigure).first
                    out.append(emptyTableNotes.finding(
                        c.location(t), expected: "表注与数据相符", found: note,
                        message: "\(t.displayName)列有数据\(figure.map { "（如\($0)）" } ?? "")，但表注称\(quoted(note.trimmed))，说明与表格不符，像是模板残留。",
                        english: "\(t.displayName) has figures\(figure.map { " (such as \($0))" } ?? ""), yet its note says \(quoted(note.trimmed)); the note contradicts the table and looks left over from the template."))
                }
                continue
            }
            let subject = subjectWords(t.kind)
            let core = titleCore(t.title, department: d.department)
            let mentions: (String) -> Bool = { text in
                let k = TextNormalization.key(text)
                return subject.isEmpty ? k.contains(core) || k.contains("此表") || k.contains("本表") : subject.contains { k.contains($0) }
            }
            let says: (String) -> Bool = { text in
                let k = TextNormalization.key(text)
                return absenceWords.contains { k.contains($0) }
            }
            let explaining = notes.filter(says)
            if let note = explaining.first {
                guard !subject.isEmpty, !explaining.contains(where: mentions) else { continue }
                let k = TextNormalization.key(note)
                let others = fundWords.filter { k.contains($0) && !subject.contains($0) }
                let named = others.isEmpty ? "" : "，却提到“\(others.joined(separator: "、"))”"
                let namedEn = others.isEmpty ? "" : " but names “\(others.joined(separator: "、"))”"
                out.append(emptyTableNotes.finding(
                    c.location(t), expected: "说明提及\(subject.joined(separator: "、"))", found: note.trimmed,
                    message: "\(t.displayName)没有数据，其表注\(quoted(note.trimmed))未提及\(subject.joined(separator: "、"))\(named)，与本表不符（可能抄自其他表）。",
                    english: "\(t.displayName) has no data; its note \(quoted(note.trimmed)) does not mention \(subject.joined(separator: "、"))\(namedEn), so it does not fit this table (possibly copied from another)."))
                continue
            }
            let narrative = sentences ?? narrativeSentences(d)
            sentences = narrative
            if narrative.contains(where: { says($0.text) && mentions($0.text) }) { continue }
            let example = subject.first.map { "本单位无\($0)收支，故此表无数据" } ?? "本单位无相关收支，故此表无数据"
            out.append(emptyTableNotes.finding(
                c.location(t), expected: "空表说明", found: "无说明",
                message: "\(t.displayName)没有数据，但表下没有说明，情况说明中也未交代原因（应注明如“\(example)”）。",
                english: "\(t.displayName) has no data, and neither a note under it nor the narrative says why (it should say, e.g., “\(example)”)."))
        }
        return .ran(out)
    }

    /// The parts of one printed table (continuation pages, 收入 and 支出 sides) together, in document order.
    private static func tableGroups(_ tables: [DisclosureTable], department: String?) -> [[DisclosureTable]] {
        var order: [String] = []
        var groups: [String: [DisclosureTable]] = [:]
        for t in tables {
            let key = t.kind.rawValue + "|" + (t.attachment ?? titleCore(t.title, department: department))
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(t)
        }
        return order.compactMap { groups[$0] }
    }

    /// The first non-zero figure of a table, as printed.
    private static func firstFigure(_ t: DisclosureTable) -> String? {
        for row in t.rows {
            for col in t.moneyColumns {
                if let cell = row.cell(col.index), let n = cell.number, !n.isPercent, n.value != .zero { return cell.text.trimmed }
            }
        }
        return nil
    }
}
