import YusuanCore

/// CLS-003: one code carries one name throughout the document (compared by label key).
enum CodeNameConsistency {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let codes = PrintedCodes.all(ctx, derived: true)
        guard !codes.isEmpty else { return .notApplicable(reason: "no classification codes in the tables") }
        // Each code numbered in the order first seen (one dictionary lookup per use), with its first use and whether
        // a later use has another key: the uses of a code are gathered only when it has more than one name (most
        // codes have one, and no array is made for them).
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(codes.count)  // no table grown and hashed again on the way
        var numberOfUse: [Int] = [], firstUse: [Int] = [], renamed: [Bool] = []
        numberOfUse.reserveCapacity(codes.count)
        for i in codes.indices {
            let n = number(of: codes[i].code.digits, in: &numbers, next: firstUse.count)
            if n == firstUse.count {
                firstUse.append(i)
                renamed.append(false)
            } else if !renamed[n] && codes[i].key != codes[firstUse[n]].key {
                renamed[n] = true
            }
            numberOfUse.append(n)
        }
        var findings: [Finding] = []
        for n in firstUse.indices where renamed[n] {
            let digits = codes[firstUse[n]].code.digits
            let indices = codes.indices.filter { numberOfUse[$0] == n }
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

    /// The number of `key` in `numbers`; `next`, now its number, when it had none. One hash, where asking and then
    /// inserting takes two: the `default:` subscript stores the default it yields.
    static func number(of key: String, in numbers: inout [String: Int], next: Int) -> Int {
        func value(_ n: inout Int) -> Int { n }
        return value(&numbers[key, default: next])
    }
}
