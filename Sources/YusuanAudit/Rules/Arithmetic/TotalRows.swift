import YusuanCore

/// 合计 / 总计 rows against the lines they total, and outline parents ("一、本年收入") against their children.
enum TotalRows {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let sum = SumCheck(rule: rule, context: ctx)
        for table in ctx.grids where table.kind != .threePublic {
            let rows = table.rows
            // Rows tested and read in place, by index.
            for i in rows.indices where rows[i].kind == .subtotal || rows[i].kind == .grandTotal {
                let parts = partsOfTotal(rows, at: i)
                guard !parts.isEmpty else { continue }
                applicable = true
                findings += compare(table, rows, i, parts, sum: sum, ctx: ctx,
                                    zh: "\(rows[i].name) 应等于所列各项之和", en: "\(rows[i].name) should equal the sum of the lines it totals")
            }
            for i in rows.indices where rows[i].kind == .item && !(rows[i].codePrinted) {
                guard let depth = rows[i].outline else { continue }
                var children: [Int] = []
                var j = i + 1
                while j < rows.count, rows[j].kind == .item || rows[j].kind == .ofWhich, (rows[j].outline ?? Int.max) > depth {
                    if rows[j].kind == .item { children.append(j) }
                    j += 1
                }
                let childDepth = children.compactMap { rows[$0].outline }.min()
                let direct = children.filter { rows[$0].outline == childDepth && childDepth != nil }
                guard !direct.isEmpty else { continue }
                applicable = true
                findings += compare(table, rows, i, direct, sum: sum, ctx: ctx,
                                    zh: "\(rows[i].name) 应等于其下各项之和", en: "\(rows[i].name) should equal the sum of the lines under it")
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table prints total rows")
    }

    /// The lines a total row sums: the outermost items since the previous total (or, for a total
    /// printed first, until the next one); a 总计 also takes in the 合计 lines since the previous 总计. The lines are
    /// given by their index in `rows`, in order.
    static func partsOfTotal(_ rows: [Row], at i: Int) -> [Int] {
        let kind = rows[i].kind
        var start = i
        while start > 0 {
            let k = rows[start - 1].kind
            if k == .grandTotal || (k == .subtotal && kind == .subtotal) { break }
            start -= 1
        }
        var segment = Array(start..<i)
        if !segment.contains(where: { rows[$0].kind == .item }) && kind == .subtotal || segment.isEmpty {
            var end = i + 1
            while end < rows.count, rows[end].kind == .item || rows[end].kind == .ofWhich { end += 1 }
            segment = Array((i + 1)..<end)
        }
        if kind == .grandTotal {
            let subtotals = segment.filter { rows[$0].kind == .subtotal }
            if let lastSub = segment.lastIndex(where: { rows[$0].kind == .subtotal }) {
                let after = rows.topLevel(Array(segment[(lastSub + 1)...]))
                return subtotals + after
            }
        }
        return rows.topLevel(segment)
    }

    /// The row at `i` against the rows at `parts`, column by column.
    static func compare(_ table: DisclosureTable, _ rows: [Row], _ i: Int, _ parts: [Int], sum: SumCheck, ctx: AuditContext,
                        zh: String, en: String) -> [Finding] {
        var out: [Finding] = []
        // One array of terms for every column, filled afresh (not grown term by term each time).
        var terms: [Figure] = []
        terms.reserveCapacity(parts.count)
        for col in table.additiveColumns {
            guard let total = table.figure(rows[i], col) else { continue }
            terms.removeAll(keepingCapacity: true)
            for p in parts {
                guard let figure = table.figure(rows[p], col) else { break }
                terms.append(figure)
            }
            guard terms.count == parts.count else { continue }
            if table.isBlank(rows[i], col) && terms.allSatisfy({ $0.value.isZero }) { continue }
            if let f = sum.check(total: total, parts: terms, what: zh, whatEnglish: en,
                                 location: ctx.location(table, row: rows[i], column: col)) {
                out.append(f)
            }
        }
        return out
    }
}
