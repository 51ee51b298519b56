import YusuanCore

/// CLS-003: one code carries one name throughout the document (compared by label key).
enum CodeNameConsistency {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let codes = PrintedCodes.all(ctx, derived: true)
        guard !codes.isEmpty else { return .notApplicable(reason: "no classification codes in the tables") }
        var byCode: [String: [PrintedCode]] = [:]
        var order: [String] = []
        for c in codes {
            if byCode[c.code.digits] == nil { order.append(c.code.digits) }
            byCode[c.code.digits, default: []].append(c)
        }
        var findings: [Finding] = []
        for digits in order {
            guard let uses = byCode[digits] else { continue }
            var variants: [String] = []
            for u in uses where !variants.contains(u.key) { variants.append(u.key) }
            guard variants.count > 1 else { continue }
            let catalog = uses.first.flatMap { ctx.catalog(for: $0.code.scheme) }
            let count = { (k: String) in uses.filter { $0.key == k }.count }
            let reference = variants.first { k in catalog?.accepts(name: k, for: digits) == true }
                ?? variants.max { count($0) < count($1) } ?? variants[0]
            func describe(_ k: String) -> (zh: String, en: String, first: PrintedCode?) {
                let these = uses.filter { $0.key == k }
                var names: [String] = []
                for t in these where !names.contains(t.tableName) { names.append(t.tableName) }
                let shown = these.first?.name ?? k
                return ("\(names.joined(separator: "、"))为“\(shown)”", "“\(shown)” in \(names.joined(separator: ", "))", these.first)
            }
            let ref = describe(reference)
            for k in variants where k != reference {
                let odd = describe(k)
                guard let at = odd.first else { continue }
                findings.append(rule.finding(ctx.location(at.table, row: at.row, column: at.column),
                    expected: ref.first?.name ?? reference, found: at.name,
                    message: "科目 \(digits) 在本文档中名称不一：\(ref.zh)，\(odd.zh)。",
                    english: "The code \(digits) has different names in this document: \(ref.en), \(odd.en)."))
            }
        }
        return .ran(findings)
    }
}
