import YusuanCore

extension ValidationRun {
    func sum(_ items: [LineItem]) -> Amount { items.reduce(Amount.zero) { $0 + $1.amount } }

    /// Revenue equals expenditure in total (an error) and by fund source (a warning).
    func balance() {
        let revenue = budget.revenue.reduce(Amount.zero) { $0 + $1.amount }
        let spending = sum(budget.lineItems)
        if revenue != spending {
            add(.unbalanced, "revenue", "revenue adds up to \(Self.yuan(revenue)), expenditure to \(Self.yuan(spending)) "
                + "(difference \(Self.yuan(revenue - spending))); the disclosure's 收支总表 must balance")
            return
        }
        for source in RevenueSource.allCases {
            let r = budget.revenue.filter { $0.source == source }.reduce(Amount.zero) { $0 + $1.amount }
            let s = sum(budget.lineItems.filter { $0.fund == source })
            if r != s {
                add(.fundUnbalanced, .warning, "revenue", "\(source.rawValue): revenue \(Self.yuan(r)), expenditure funded by it \(Self.yuan(s))")
            }
        }
    }

    static let subjectKeys = SourceWords.subjects.map(\.key)

    func reasonSubjects() {
        var seen: Set<String> = []
        for (i, r) in budget.reasons.enumerated() {
            let isCode = !r.subject.isEmpty && r.subject.allSatisfy { $0.isASCII && $0.isNumber }
            if !Self.subjectKeys.contains(r.subject) && !isCode {
                let known = SourceWords.subjects.map { "\($0.key) (\($0.label))" }.joined(separator: ", ")
                add(.unknownSubject, "reasons[\(i)].subject", "unknown subject “\(r.subject)”; one of \(known), or a 功能科目 code")
            }
            if !seen.insert(r.subject).inserted {
                add(.duplicate, .warning, "reasons[\(i)].subject", "a second reason for “\(r.subject)”; the first one is used")
            }
            if r.text.trimmed.isEmpty { add(.missingField, "reasons[\(i)].text", "the reason for “\(r.subject)” is empty") }
        }
    }

    /// Amount in 万元 at two decimals, the precision the narrative compares at.
    static func wan(_ a: Amount) -> Int64 {
        let q = a.fen / 10_000, r = a.fen % 10_000
        return r >= 5_000 ? q + 1 : r <= -5_000 ? q - 1 : q
    }

    /// A reason is needed wherever last year's figure is given and this year's printed figure differs.
    func changes() {
        let py = budget.priorYear
        let reasons = Set(budget.reasons.map(\.subject))
        let general = budget.lineItems.filter { $0.fund == .generalBudget }
        let leafPrior = py.functional.filter { $0.key.count == 7 }
        let priorTotal = leafPrior.isEmpty ? py.total : leafPrior.values.reduce(Amount.zero, +)
        let totalPath = leafPrior.isEmpty ? "prior_year.total" : "prior_year.functional"
        func need(_ subject: String, _ now: Amount, _ before: Amount?, _ path: String, _ severity: Severity, _ what: String) {
            guard let before, Self.wan(now) != Self.wan(before), !reasons.contains(subject) else { return }
            add(.missingReason, severity, path, "\(what) changes from \(Self.yuan(before)) last year to \(Self.yuan(now)); "
                + "give the reason (reasons: subject \(subject) / \(SourceWords.subjectLabel(subject)))")
        }
        need("total", sum(budget.lineItems), priorTotal, totalPath, .error, "total expenditure")
        need("basic", sum(general.filter(\.nature.isBasic)), py.basic, "prior_year.basic", .error, "basic expenditure (一般公共预算)")
        need("project", sum(general.filter { !$0.nature.isBasic }), py.project, "prior_year.project", .error, "project expenditure (一般公共预算)")
        need("general", sum(general), priorTotal, totalPath, .warning, "一般公共预算财政拨款 expenditure")
        let admin = Set(budget.units.filter { $0.kind == .administrative }.map(\.code))
        let operating = general.filter { $0.nature == .publicCost && admin.contains($0.unit) }
        need("operating-cost", sum(operating), py.operatingCost, "prior_year.operating_cost", .warning, "机关运行经费")
        threePublic(general, reasons: reasons)
        functionalChanges(general, reasons: reasons, prior: leafPrior)
    }

    func threePublic(_ general: [LineItem], reasons: Set<String>) {
        let prior = budget.priorYear.threePublic
        guard !prior.isEmpty, !reasons.contains("three-public") else { return }
        let codes = Self.threePublicCodes()
        for item in ThreePublicItem.all {
            let now = sum(general.filter { codes[item.key]?.contains($0.economic) == true })
            let before = prior[item.key] ?? .zero
            if Self.wan(now) != Self.wan(before) {
                add(.missingReason, .warning, "prior_year.three_public", "\(item.label) changes from \(Self.yuan(before)) last year to "
                    + "\(Self.yuan(now)); give the reason (reasons: subject three-public / “三公”经费)")
                return
            }
        }
    }

    /// 项 whose general-budget spending changed, without a reason on the code or one of its ancestors.
    func functionalChanges(_ general: [LineItem], reasons: Set<String>, prior: [String: Amount]) {
        guard !prior.isEmpty else { return }
        var now: [String: Amount] = [:]
        for l in general { now[l.functional, default: .zero] = now[l.functional, default: .zero] + l.amount }
        for code in Set(now.keys).union(prior.keys).sorted() {
            let a = now[code] ?? .zero, b = prior[code] ?? .zero
            guard Self.wan(a) != Self.wan(b) else { continue }
            if [code, String(code.prefix(5)), String(code.prefix(3))].contains(where: reasons.contains) { continue }
            add(.missingReason, .warning, "prior_year.functional." + code, "\(code) \(functional?.entry(code)?.name ?? "") changes from "
                + "\(Self.yuan(b)) last year to \(Self.yuan(a)); a reason (subject \(code)) lets the narrative explain it")
        }
    }

    /// The economic 款 of each “三公” item, from the catalogs folder (threepublic.tsv).
    static func threePublicCodes() -> [String: Set<String>] {
        ReferenceTables.threePublicCodes.mapValues(Set.init)
    }
}
