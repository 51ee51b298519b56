import YusuanCore

/// FIN-002: on every row, the 决算 (or 本年支出合计 / 年初预算 / 调整预算) column equals 基本支出 + 项目支出,
/// plus 上缴上级支出, 经营支出 and 对附属单位补助支出 where the template prints them.
/// Column groups under one heading (年初预算 | 调整预算 | 决算, each with its parts) are checked each on its own.
/// Identities SUM-004 already checks (a total column headed exactly 合计/总计/小计) are left to it.
enum FinalSpendingColumns {
    /// Words of the part columns besides 基本支出 and 项目支出.
    static let otherParts = ["上缴上级支出", "经营支出", "对附属单位补助支出"]

    struct Identity {
        var total: Column
        var parts: [Column]
    }

    static func isPart(_ c: Column) -> Bool {
        if c.measure == .basic || c.measure == .project { return true }
        let k = TextNormalization.key(c.headerPath.joined())
        return otherParts.contains { k.contains($0) }
    }

    /// Whether a column holds a total of spending: 合计 / 决算数 / 预算数 / 本年支出合计 …
    static func isTotal(_ c: Column) -> Bool {
        let k = TextNormalization.key(c.leaf)
        if isPart(c) || k.contains("收入") || k.contains("结转") || k.contains("结余") { return false }
        return c.measure == .total || k.contains("合计") || k.hasSuffix("决算") || k.hasSuffix("预算")
    }

    /// `checked`: the table's identities that TotalColumns checks (`AuditContext.gridColumnIdentities`), whose
    /// totals are left to it.
    static func identities(_ table: DisclosureTable, checked: [TotalColumns.Identity]) -> [Identity] {
        let cols = table.additiveColumns.filter { $0.measure != .change }
        // Their totals, gathered when a heading first has a total to check here (most have none).
        var covered: Set<Int>?
        var out: [Identity] = []
        for parent in Set(cols.map { Array($0.headerPath.dropLast()) }) {
            let group = cols.filter { $0.headerPath.dropLast().elementsEqual(parent) }.sorted { $0.index < $1.index }
            let parts = group.filter(isPart)
            guard parts.contains(where: { $0.measure == .basic }), parts.contains(where: { $0.measure == .project }),
                  let first = parts.first else { continue }
            // The total nearest before the parts (flat headers: 年初预算数 | 决算数 | 基本支出 | 项目支出); else the
            // heading's only total, printed after them.
            let before = group.filter { $0.index < first.index && isTotal($0) }
            let after = group.filter { $0.index > first.index && isTotal($0) }
            guard let total = before.last ?? (after.count == 1 ? after.first : nil) else { continue }
            let totals = covered ?? Set(checked.map(\.total.index))
            covered = totals
            guard !totals.contains(total.index) else { continue }
            out.append(Identity(total: total, parts: parts))
        }
        return out.sorted { $0.total.index < $1.total.index }
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let sum = SumCheck(rule: rule, context: ctx)
        for (g, table) in ctx.grids.enumerated() where table.kind != .threePublic && table.kind != .basicExpenditure {
            for id in identities(table, checked: ctx.gridColumnIdentities[g]) {
                applicable = true
                let names = id.parts.map(\.leaf).joined(separator: " + ")
                // Rows read in place (not a copy of each, `for row in`); the label is written only for a finding.
                table.rows.forEachInPlace { row in
                    guard row.kind != .ofWhich, let total = table.figure(row, id.total) else { return }
                    let parts = id.parts.compactMap { c in table.figure(row, c) }
                    guard parts.count == id.parts.count else { return }
                    if table.isBlank(row, id.total) && parts.allSatisfy({ $0.value.isZero }) { return }
                    if let f = sum.check(total: total, parts: parts,
                                         what: "\(row.label.isEmpty ? "该行" : row.label)：\(id.total.header) 应等于 \(names)",
                                         whatEnglish: "\(row.label.isEmpty ? "this row" : row.label): \(id.total.header) should equal \(names)",
                                         location: ctx.location(table, row: row, column: id.total)) {
                        findings.append(f)
                    }
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table prints 基本支出 and 项目支出 beside a total not headed 合计")
    }
}
