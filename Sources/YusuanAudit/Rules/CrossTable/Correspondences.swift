import Foundation
import YusuanCore

/// Economic 款 that are, by definition, the same money as a functional 项 (basic expenditure of both).
enum Correspondences {
    struct Pair: Sendable {
        var economic: String
        var functional: String
    }

    /// Read from Resources/catalogs/correspondences.tsv (economic code, functional code, note).
    static var pairs: [Pair] { ReferenceTables.correspondences.map { Pair(economic: $0.economic, functional: $0.functional) } }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let cmp = SumCheck(rule: rule, context: ctx)
        for p in pairs {
            let econ = ctx.facts.all.first { $0.quantity.subject == .economic(p.economic) && $0.quantity.measure == .basic && $0.quantity.year == ctx.year }
            let fun = ctx.facts.all.first { $0.quantity.subject == .functional(p.functional) && $0.quantity.measure == .basic && $0.quantity.year == ctx.year
                && ctx.facts.sameScope($0.quantity.scope, .general) }
            guard let e = econ, let f = fun else { continue }
            applicable = true
            if let finding = cmp.same(e.figure, f.figure, what: "\(p.economic) \(e.row.name) 与 \(p.functional) \(f.row.name) 是同一笔支出",
                                      whatEnglish: "\(p.economic) and \(p.functional) are the same expense",
                                      aWhere: e.table.displayName, bWhere: f.table.displayName, location: f.location,
                                      derived: SameQuantity.isDerived(e) || SameQuantity.isDerived(f)) {
                findings.append(finding)
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no economic line printed beside its functional counterpart")
    }
}
