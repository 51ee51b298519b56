import YusuanCore

/// CLS-003: one code carries one name throughout the document (compared by label key).
enum CodeNameConsistency {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let codes = PrintedCodes.all(ctx, derived: true)
        guard !codes.isEmpty else { return .notApplicable(reason: "no classification codes in the tables") }
        // Each code's uses by index: the uses themselves are copied out only for a code with more than one name.
        var byCode: [String: [Int]] = [:]
        var order: [String] = []
        for i in codes.indices {
            let digits = codes[i].code.digits
            if byCode[digits] == nil { order.append(digits) }
            byCode[digits, default: []].append(i)
        }
        var findings: [Finding] = []
        for digits in order {
            guard let indices = byCode[digits] else { continue }
            var variants: [String] = []
            for i in indices where !variants.contains(codes[i].key) { variants.append(codes[i].key) }
            guard variants.count > 1 else { continue }
            let uses = indices.map { codes[$0] }
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
