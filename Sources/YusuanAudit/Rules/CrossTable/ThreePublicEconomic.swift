import YusuanCore

/// Economic lines of the basic-expenditure table against the 三公 items they belong to.
enum ThreePublicEconomic {
    /// Economic 款 → 三公 item, from Resources/catalogs/threepublic.tsv (the same file build reads).
    static let pairs: [(String, Measure, String)] = {
        let names: [Measure: String] = [.threePublicReception: "公务接待费", .threePublicVehicleOperation: "公务用车运行维护费",
                                        .threePublicOutbound: "因公出国（境）费用", .threePublicVehiclePurchase: "公务用车购置"]
        return ReferenceTables.threePublicCodes.sorted { $0.key < $1.key }.flatMap { item, codes in
            codes.compactMap { code in Measure(rawValue: item).flatMap { m in names[m].map { (code, m, $0) } } }
        }
    }()

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        for (code, item, name) in pairs {
            let econ = ctx.facts.all.first { $0.quantity.subject == .economic(code) && $0.quantity.measure == .basic && $0.quantity.year == ctx.year }
            let three = ctx.facts.all.first { $0.quantity.subject == .threePublic(item) && $0.quantity.year == ctx.year && $0.quantity.phase == ctx.disclosure.phase }
            guard let e = econ, let t = three, let ea = e.figure.amount, let ta = t.figure.amount else { continue }
            applicable = true
            if ea.fen - ta.fen > slack(basic: e.figure, threePublic: t.figure, controlled: ctx.exactTotals) {
                let scale = max(t.figure.value.scale, e.figure.unit == t.figure.unit ? e.figure.value.scale : 2)
                let ev = e.figure.value(in: t.figure.unit).rounded(to: scale)
                let zh = "基本支出表 \(code) \(e.row.name) 为 \(ev)，大于“三公”经费表的\(name) \(t.figure.value)：“三公”经费表少报了 \((ev - t.figure.value))。"
                let en = "Basic expenditure line \(code) prints \(ev), more than the “three public” \(name) of \(t.figure.value): the latter is under-reported by \(ev - t.figure.value)."
                findings.append(rule.finding(t.location, expected: "≥ \(ev)", found: t.figure.value.description, message: zh, english: en))
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no “三公” table and basic-expenditure table printing these lines")
    }

    /// How far (in 分) the basic line may exceed the 三公 item before it is under-reported. Printed alike
    /// (same unit and digits), none: both round one exact value's parts the same way. Printed at different
    /// precisions (a 三公 table in 万元 against a basic table in 元), each is a rounding of its exact value:
    /// up to half a printed unit off, or just under a whole unit where the document declares controlled rounding.
    static func slack(basic: Figure, threePublic: Figure, controlled: Bool) -> Int64 {
        guard basic.unit != threePublic.unit || basic.value.scale != threePublic.value.scale else { return 0 }
        let half = threePublic.halfResolutionFen + basic.halfResolutionFen
        return controlled ? max(2 * half - 1, 0) : half
    }
}
