import YusuanCore

/// Writes the 情况说明: every figure comes from the same rounded books as the tables, changes are
/// computed from the printed figures, and the officer's reasons are put in where they belong.
struct NarrativeWriter {
    let c: BuildContext
    var paragraphs: [String] = []

    init(_ c: BuildContext) { self.c = c }

    static func wan(_ f: Fixed) -> String { f.formatted(digits: 2) + "万元" }

    func reason(_ subject: String) -> String? {
        c.budget.reasons.first { $0.subject == subject }?.text
    }

    /// "增加 13.66 万元" / "减少 9.34 万元" / "持平", with the reason when given.
    func change(_ now: Fixed, _ before: Fixed, subject: String) -> String {
        let d = now - before
        if d.isZero { return "与\(c.year - 1)年持平" }
        let word = d.isNegative ? "减少" : "增加"
        var s = "比\(c.year - 1)年\(word)\(Self.wan(d.magnitude))"
        if let r = reason(subject) { s += "，主要原因是\(r)" }
        return s
    }

    mutating func write() -> [String] {
        let b = c.budget
        let total = c.books.figure(.all)
        let general = c.books.figure(.fund(.generalBudget))
        let basic = c.books.figure(LeafFilter.fund(.generalBudget).and(.basic))
        let project = c.books.figure(LeafFilter.fund(.generalBudget).and(.project))
        let prior = PriorYearFigures(b.priorYear)
        let priorTotal = b.priorYear.functional.isEmpty ? b.priorYear.total.map { Fixed(mantissa: Ledger.nearest($0.fen, 10_000), scale: 2) } : prior.functionalTotal

        paragraphs.append("\(c.department)\(c.year)年部门预算情况说明")
        paragraphs.append("一、单位基本情况")
        paragraphs.append("（一）职能职责。")
        paragraphs += b.duties.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed.isEmpty }
        paragraphs.append("（二）单位构成。")
        var composition = b.composition
        if b.staffing.inPost > 0 || b.staffing.retired > 0 {
            composition += "截至\(b.staffing.asOf ?? "\(c.year - 1)年12月")，在编在岗人员\(b.staffing.inPost)人，退休人员\(b.staffing.retired)人。"
        }
        paragraphs.append(composition)

        paragraphs.append("二、部门收支总体情况")
        var income = "（一）收入预算：\(c.year)年年初预算数\(Self.wan(total))，其中："
        income += RevenueSource.allCases.compactMap { s -> String? in
            let f = c.books.figure(.fund(s))
            return f.isZero ? nil : "\(s.rawValue)\(Self.wan(f))"
        }.joined(separator: "，")
        if let p = priorTotal { income += "。收入" + change(total, p, subject: "total") }
        paragraphs.append(income + "。")
        var spend = "（二）支出预算：\(c.year)年年初预算数\(Self.wan(total))，其中："
        spend += c.summaryClasses.compactMap { code -> String? in
            let f = c.books.figure(BuildContext.inFunctional(code))
            return f.isZero ? nil : "\(c.functionalName(code))\(Self.wan(f))"
        }.joined(separator: "，")
        if let p = priorTotal { spend += "。支出" + change(total, p, subject: "total") }
        paragraphs.append(spend + "。")

        paragraphs.append("三、部门预算情况说明")
        var fiscal = "\(c.year)年一般公共预算财政拨款收入\(Self.wan(general))，一般公共预算财政拨款支出\(Self.wan(general))"
        if let p = priorTotal { fiscal += "，" + change(general, p, subject: "general") }
        fiscal += "。其中：基本支出\(Self.wan(basic))"
        if let pb = b.priorYear.basic { fiscal += "，" + change(basic, Fixed(mantissa: Ledger.nearest(pb.fen, 10_000), scale: 2), subject: "basic") }
        fiscal += "；项目支出\(Self.wan(project))"
        if let pp = b.priorYear.project { fiscal += "，" + change(project, Fixed(mantissa: Ledger.nearest(pp.fen, 10_000), scale: 2), subject: "project") }
        paragraphs.append(fiscal + "。")
        let fund = c.books.figure(.fund(.govFund))
        paragraphs.append(fund.isZero ? "\(c.department)\(c.year)年无使用政府性基金预算拨款安排的支出。"
                                      : "\(c.year)年政府性基金预算拨款支出\(Self.wan(fund))。")
        paragraphs += ThreePublicParagraphs.write(c)
        paragraphs += OtherMatters.write(c, projectTotal: project)
        paragraphs += Glossary.paragraphs
        paragraphs.append(RoundingStatement.sentence)
        if let contact = b.contact { paragraphs.append(contact) }
        return paragraphs
    }
}
