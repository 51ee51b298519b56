import YusuanCore

/// Total columns against their part columns, following the header tree: a 合计/总计/小计 column
/// equals the other columns under the same heading (a sub-heading counts by its own 小计).
enum TotalColumns {
    static let totalWords: Set<String> = ["合计", "总计", "小计"]

    struct Identity {
        var total: Column
        var parts: [Column]
    }

    static func identities(_ table: DisclosureTable) -> [Identity] {
        let cols = table.additiveColumns.filter { $0.measure != .change }
        var out: [Identity] = []
        let parents = Set(cols.map { Array($0.headerPath.dropLast()) })
        for parent in parents {
            let members = cols.filter { $0.headerPath.count > parent.count && $0.headerPath.starts(with: parent) }
            let direct = members.filter { $0.headerPath.count == parent.count + 1 }
            guard let total = direct.first(where: { totalWords.contains($0.leaf) }) else { continue }
            var parts: [Column] = direct.filter { $0.index != total.index }
            // Sub-headings: their own total column, or all their leaves.
            let subHeads = Set(members.filter { $0.headerPath.count > parent.count + 1 }.map { $0.headerPath[parent.count] })
            for head in subHeads {
                let sub = members.filter { $0.headerPath.count > parent.count + 1 && $0.headerPath[parent.count] == head }
                if let subTotal = sub.first(where: { $0.headerPath.count == parent.count + 2 && totalWords.contains($0.leaf) }) {
                    parts.append(subTotal)
                } else {
                    parts += sub
                }
            }
            // 基本支出 beside 人员经费 and 日常公用经费: the latter two are its parts, not the total's.
            if let basic = parts.first(where: { $0.measure == .basic }) {
                let split = parts.filter { $0.measure == .personnel || $0.measure == .publicCost }
                if !split.isEmpty {
                    parts.removeAll { $0.measure == .personnel || $0.measure == .publicCost }
                    out.append(Identity(total: basic, parts: split))
                }
            }
            if !parts.isEmpty { out.append(Identity(total: total, parts: parts.sorted { $0.index < $1.index })) }
        }
        return out.sorted { $0.total.index < $1.total.index }
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let sum = SumCheck(rule: rule, context: ctx)
        for (g, table) in ctx.grids.enumerated() where table.kind != .threePublic {
            let ids = ctx.gridColumnIdentities[g]
            if !ids.isEmpty { applicable = true }
            // One array of terms for every row, filled afresh (no allocation per row).
            var parts: [Figure] = []
            for id in ids {
                parts.reserveCapacity(id.parts.count)
                // Rows read in place (not a copy of each, `for row in`): every row is read once per identity.
                table.rows.forEachInPlace { row in
                    guard row.kind != .ofWhich, let total = table.figure(row, id.total) else { return }
                    parts.removeAll(keepingCapacity: true)
                    for c in id.parts {
                        guard let figure = table.figure(row, c) else { break }
                        parts.append(figure)
                    }
                    guard parts.count == id.parts.count else { return }
                    if table.isBlank(row, id.total) && parts.allSatisfy({ $0.value.isZero }) { return }
                    // The part columns' names, only for a finding (most rows pass).
                    // (A local function, not a closure value: no context is allocated for it on each row.)
                    func names() -> String { id.parts.map(\.leaf).joined(separator: " + ") }
                    if let f = sum.check(total: total, parts: parts,
                                         what: "\(row.label.isEmpty ? "该行" : row.label)：\(id.total.leaf) 应等于 \(names())",
                                         whatEnglish: "\(row.label.isEmpty ? "this row" : row.label): \(id.total.leaf) should equal \(names())",
                                         location: ctx.location(table, row: row, column: id.total)) {
                        findings.append(f)
                    }
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table has a total column with part columns")
    }
}
