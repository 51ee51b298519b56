import YusuanCore

/// Parent code lines against the sum of their child lines, column by column.
enum CodeHierarchy {
    /// `scheme` nil: both economic schemes.
    static func check(_ ctx: AuditContext, scheme: ClassificationScheme?, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let sum = SumCheck(rule: rule, context: ctx)
        // Every grid (`ctx.grids`), tested as a grid and its columns worked out only once it has a parent line with
        // children: most tables print no codes of the scheme.
        for table in ctx.disclosure.tables {
            // Rows by their index, read in place: a row is copied only as a parent that has children.
            let rows = table.rows
            let coded = rows.indices.filter { i in
                guard let c = rows[i].code, rows[i].codePrinted else { return false }
                return scheme.map { c.scheme == $0 } ?? (c.scheme != .functional)
            }
            var childrenOf: [ClassificationCode: [Int]] = [:]
            childrenOf.reserveCapacity(coded.count)
            for i in coded { if let p = rows[i].code?.parent { childrenOf[p, default: []].append(i) } }
            if childrenOf.isEmpty { continue }
            var gridColumns: [Column]?
            // One array of terms for every parent and column of the table, filled afresh (not made for each parent,
            // nor grown term by term each time).
            var parts: [Figure] = []
            for p in coded {
                guard let pc = rows[p].code, let children = childrenOf[pc] else { continue }
                let columns: [Column]
                if let known = gridColumns {
                    columns = known
                } else {
                    guard table.isGrid else { break }
                    columns = table.additiveColumns
                    gridColumns = columns
                }
                applicable = true
                let parent = rows[p]
                parts.reserveCapacity(children.count)
                for col in columns {
                    guard let total = table.figure(parent, col) else { continue }
                    parts.removeAll(keepingCapacity: true)
                    for ch in children {
                        guard let figure = table.figure(rows[ch], col) else { break }
                        parts.append(figure)
                    }
                    guard parts.count == children.count else { continue }
                    // The level's name is worked out only for a finding (most checks pass).
                    func childLevel() -> String { children.first.flatMap { rows[$0].code?.levelName } ?? "" }
                    if let f = sum.check(total: total, parts: parts,
                                         what: "\(parent.label) 应等于其下各\(childLevel())之和",
                                         whatEnglish: "\(parent.label) should equal the sum of its \(children.count) \(childLevel()) lines",
                                         location: ctx.location(table, row: parent, column: col)) {
                        findings.append(f)
                    }
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no table prints codes with their sub-codes")
    }
}
