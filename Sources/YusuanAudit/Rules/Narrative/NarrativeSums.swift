import YusuanCore

/// NAR-007: totals the narrative states against the parts it states — 支出 = 基本支出 + 项目支出,
/// “三公” = 出国 + 接待 + 公务用车, 政府采购 = 货物 + 工程 + 服务 … — checked when every part is stated.
enum NarrativeSums {
    static let vehicle = NarrativeTopic.threePublic(.threePublicVehicle)
    static let decompositions: [(NarrativeTopic, [NarrativeTopic])] = [
        (.expenditure, [.fact(.expenditureTotal, .basic), .fact(.expenditureTotal, .project)]),
        (.fact(.expenditureTotal, .basic), [.fact(.expenditureTotal, .personnel), .fact(.expenditureTotal, .publicCost)]),
        (.threePublic(.total), [.threePublic(.threePublicOutbound), .threePublic(.threePublicReception), vehicle]),
        (vehicle, [.threePublic(.threePublicVehiclePurchase), .threePublic(.threePublicVehicleOperation)]),
        (.procurement(.total), [.procurement(.goods), .procurement(.works), .procurement(.services)]),
    ]

    struct Key: Hashable {
        var scope: FundScope
        var year: Int?
        var phase: Phase
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let look = NarrativeLookup(ctx)
        var groups: [Key: [NarrativeTopic: NarrativeStatement]] = [:]
        var order: [Key] = []
        for s in look.statements where (s.kind == .level || s.kind == .none) && s.figure != nil {
            guard let topic = s.topic else { continue }
            var scope = s.scope
            if ctx.facts.scopesCoincide && [.all, .fiscal, .general].contains(scope) { scope = .all }
            let key = Key(scope: scope, year: s.year, phase: s.phase)
            if groups[key] == nil { order.append(key) }
            if groups[key]?[topic] == nil { groups[key, default: [:]][topic] = s }
        }
        var findings: [Finding] = []
        var applicable = false
        for key in order {
            guard let stated = groups[key] else { continue }
            for (whole, parts) in decompositions {
                guard let w = stated[whole], let wf = w.figure else { continue }
                var terms: [(NarrativeTopic, Figure)] = []
                for p in parts {
                    if let f = stated[p]?.figure {
                        terms.append((p, f))
                    } else if p == vehicle, let a = stated[.threePublic(.threePublicVehiclePurchase)]?.figure,
                              let b = stated[.threePublic(.threePublicVehicleOperation)]?.figure {
                        terms.append((p, Figure(a.value + FigureMath.value(b, in: a.unit), unit: a.unit)))
                    }
                }
                guard terms.count == parts.count else { continue }
                applicable = true
                let figures = terms.map(\.1)
                guard let computed = NarrativeArithmetic.sum(figures) else { continue }
                let agreement = NarrativeArithmetic.compare(stated: wf, computed: computed, from: figures)
                if agreement == .equal { continue }
                let (expr, sum) = FigureComparison.expression(figures, total: wf)
                let names = terms.map { $0.0.name(catalog: ctx.functionalCatalog) }
                let wn = whole.name(catalog: ctx.functionalCatalog)
                let scale = FigureComparison.displayScale(figures + [wf])
                var zh = "情况说明中\(names.map(\.zh).joined(separator: "、"))之和 \(expr)，但说明写\(wn.zh) \(wf.value.formatted(digits: scale))（\(w.quoted)）。"
                var en = "The narrative's \(names.map(\.en).joined(separator: ", ")) add up to \(expr), but it states \(wn.en) as \(wf.value.formatted(digits: scale))."
                if agreement == .withinRounding {
                    zh += "差额在舍入可以解释的范围内。"
                    en += " Rounding can explain the difference."
                }
                findings.append(rule.finding(look.location(w), expected: sum.formatted(digits: scale), found: wf.value.formatted(digits: scale),
                                             message: zh, english: en, severity: agreement == .withinRounding ? .warning : nil))
            }
        }
        if findings.isEmpty && !applicable {
            return .notApplicable(reason: "the narrative states no total together with all its parts")
        }
        return .ran(findings)
    }
}
