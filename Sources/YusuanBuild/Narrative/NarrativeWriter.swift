import YusuanCore

/// Writes the 情况说明: every figure is the figure of the table that prints the same quantity (from
/// the same books, at that table's scale), stated in the profile's narrative unit; changes are computed
/// from the printed figures, and the officer's reasons are put in where they belong.
struct NarrativeWriter {
    let c: BuildContext

    init(_ c: BuildContext) { self.c = c }

    /// "951.81万元": a printed figure in the narrative's unit, with every digit it has in the table
    /// (two decimals at least), so it equals the table figure exactly ("15621.1123万元" for a table
    /// printing 156211123.00 元).
    func money(_ a: Amount) -> String {
        Self.digits(a, in: c.narrativeUnit) + c.narrativeUnit.rawValue
    }

    /// An exact amount in `unit`, without trailing zeros past the second decimal.
    static func digits(_ a: Amount, in unit: MoneyUnit) -> String {
        var v = a.value(in: unit)
        while v.scale > 2, let shorter = v.rescaled(to: v.scale - 1) { v = shorter }
        return v.formatted(digits: max(v.scale, 2))
    }

    func reason(_ subject: String) -> String? {
        c.budget.reasons.first { $0.subject == subject }?.text
    }

    /// "增加 13.66 万元" / "减少 9.34 万元" / "持平", with the reason when given.
    func change(_ now: Amount, _ before: Amount, subject: String) -> String {
        let d = now - before
        if d.fen == 0 { return "与\(c.year - 1)年持平" }
        let word = d.fen < 0 ? "减少" : "增加"
        var s = "比\(c.year - 1)年\(word)\(money(Amount(fen: d.fen == .min ? .max : abs(d.fen))))"
        if let r = reason(subject) { s += "，主要原因是\(r)" }
        return s
    }

    /// The 情况说明 in the order and with the headings of the profile's narrative sections; a profile
    /// without sections gets the national order. `bodies`: `sectionBodies`' paragraphs, written from the rounded books.
    func write(_ bodies: [String: [String]]) -> [String] {
        let b = c.budget
        var paragraphs: [String] = []
        paragraphs.append("\(c.department)\(c.year)年部门预算情况说明")
        let sections = c.profile?.narrativeSections ?? NarrativeWriter.nationalOrder
        let keys = Set(sections.map(\.key))
        var top = 0
        for section in sections where section.parent == nil {
            top += 1
            paragraphs.append("\(ChineseNumerals.ordinal(top))、\(section.title)")
            paragraphs += body(section.key, bodies, keys: keys)
            for (k, child) in sections.filter({ $0.parent == section.key }).enumerated() {
                var text = body(child.key, bodies, keys: keys)
                if child.inline == true {
                    let head = "\(k + 1).\(child.title)。"
                    if text.isEmpty { text = [head] } else { text[0] = head + text[0] }
                    paragraphs += text
                } else {
                    paragraphs.append("（\(ChineseNumerals.ordinal(k + 1))）\(child.title)。")
                    paragraphs += text
                }
            }
        }
        paragraphs.append(RoundingStatement.sentence)
        if let contact = b.contact { paragraphs.append(contact) }
        return paragraphs
    }

    /// A section's paragraphs. Content the profile has no section of its own for is put where it
    /// belongs in that template: the fiscal paragraphs under the overview, the units under the
    /// structure (机构设置) or composition (单位构成) section, whichever the profile names.
    func body(_ key: String, _ bodies: [String: [String]], keys: Set<String>) -> [String] {
        var out = bodies[key] ?? []
        if key == "overview", !keys.contains("budget") { out += bodies["budget"] ?? [] }
        if key == "structure", !keys.contains("composition") { out += bodies["composition"] ?? [] }
        return out
    }

    /// The national template's order (财预〔2017〕143号), for a budget without a profile.
    static let nationalOrder: [Profile.Section] = [
        ("duties", "部门职责"), ("structure", "机构设置"), ("overview", "收支预算总体情况及增减变化"),
        ("three-public", "“三公”经费预算情况"), ("operating-costs", "机关运行经费"), ("procurement", "政府采购情况"),
        ("assets", "国有资产占有使用情况"), ("performance", "绩效目标设置情况"), ("glossary", "名词解释"),
    ].map { Profile.Section(key: $0.0, title: $0.1, keywords: [], parent: nil, inline: nil) }

    /// Every section's paragraphs, keyed as the profiles key their sections: the figures noted now (`c`'s books,
    /// before rounding, in the order they are stated), the paragraphs written from the rounded books.
    func sectionBodies() -> (RoundedBooks) -> [String: [String]] {
        let b = c.budget
        // Each figure as the table that prints its quantity prints it.
        let summary = c.printing(like: .budgetSummary).books
        let fiscalBooks = c.printing(like: .generalExpenditure)
        let pendingTotal = summary.pending(.all)
        let pendingGeneral = fiscalBooks.books.pending(.fund(.generalBudget))
        let pendingBasic = fiscalBooks.books.pending(LeafFilter.fund(.generalBudget).and(.basic))
        let pendingProject = fiscalBooks.books.pending(LeafFilter.fund(.generalBudget).and(.project))
        let scale = fiscalBooks.scale
        let prior = PriorYearFigures(b.priorYear, scale: scale)
        let priorTotal = b.priorYear.functional.isEmpty ? b.priorYear.total.map { scale.amount(scale.nearest($0)) } : scale.amount(prior.functionalTotal)
        let sources = RevenueSource.allCases.map { (name: $0.rawValue, figure: summary.pending(.fund($0))) }
        let classes = c.summaryClasses.map { (name: c.functionalName($0), figure: summary.pending(BuildContext.inFunctional($0))) }
        let pendingFund = c.printing(like: .govFundExpenditure).books.pending(.fund(.govFund))
        let threePublic = ThreePublicParagraphs.write(c)
        let otherMatters = OtherMatters.write(c)
        let projects = ProjectParagraphs.write(c)
        return { rounded in
            let total = rounded.amount(pendingTotal)
            let general = rounded.amount(pendingGeneral)
            let basic = rounded.amount(pendingBasic)
            let project = rounded.amount(pendingProject)
            var bodies: [String: [String]] = [:]

            bodies["duties"] = b.duties.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed.isEmpty }
            var composition = b.composition
            if b.staffing.inPost > 0 || b.staffing.retired > 0 {
                composition += "截至\(b.staffing.asOf ?? "\(c.year - 1)年12月")，在编在岗人员\(b.staffing.inPost)人，退休人员\(b.staffing.retired)人。"
            }
            bodies["composition"] = [composition]

            // A total's parts that print a figure, each named, in order.
            func nonzero(_ parts: [(name: String, figure: PendingFigure)]) -> String {
                parts.compactMap { name, pending -> String? in
                    let f = rounded.amount(pending)
                    return f.fen == 0 ? nil : "\(name)\(money(f))"
                }.joined(separator: "，")
            }
            var income = "（一）收入预算：\(c.year)年年初预算数\(money(total))，其中：" + nonzero(sources)
            if let p = priorTotal { income += "。收入" + change(total, p, subject: "total") }
            var spend = "（二）支出预算：\(c.year)年年初预算数\(money(total))，其中：" + nonzero(classes)
            if let p = priorTotal { spend += "。支出" + change(total, p, subject: "total") }
            bodies["overview"] = [income + "。", spend + "。"]

            var fiscal = "\(c.year)年一般公共预算财政拨款收入\(money(general))，一般公共预算财政拨款支出\(money(general))"
            if let p = priorTotal { fiscal += "，" + change(general, p, subject: "general") }
            fiscal += "。其中：基本支出\(money(basic))"
            if let pb = b.priorYear.basic { fiscal += "，" + change(basic, scale.amount(scale.nearest(pb)), subject: "basic") }
            fiscal += "；项目支出\(money(project))"
            if let pp = b.priorYear.project { fiscal += "，" + change(project, scale.amount(scale.nearest(pp)), subject: "project") }
            let fund = rounded.amount(pendingFund)
            bodies["budget"] = [fiscal + "。", fund.fen == 0 ? "\(c.department)\(c.year)年无使用政府性基金预算拨款安排的支出。"
                                                            : "\(c.year)年政府性基金预算拨款支出\(money(fund))。"]
            bodies["three-public"] = threePublic(rounded)
            for (key, text) in otherMatters(rounded, project) { bodies[key] = [text] }
            bodies["projects"] = projects(rounded)
            bodies["glossary"] = Glossary.paragraphs
            return bodies
        }
    }
}
