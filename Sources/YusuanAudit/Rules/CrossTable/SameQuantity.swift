import YusuanCore

/// Facts that print one quantity in different tables, compared against the value most of them print.
enum SameQuantity {
    static func check(_ ctx: AuditContext, rule: Rule, subjects: (Subject) -> Bool) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        let cmp = SumCheck(rule: rule, context: ctx)
        // Which tables (by `tableID`, numbered from 0 per audit) the group being read has a printing in, cleared after
        // each group; that group's printings, one per table, as indices into `all`, and their amounts: all kept for
        // the next group (no set or array allocated per group). Facts are read in place, one copied only when
        // compared.
        var seen: [Bool] = []
        var perTable: [Int] = []
        var fen: [Int64] = []
        let groups = ctx.facts.groups
        let all = groups.all
        for group in groups {
            // A 总计 line is 合计 plus carried balances: the 合计 lines are compared across tables and the
            // balance rules tie 总计 to them, so comparing 总计 lines too would only repeat those findings.
            let members = group.members
            guard let first = members.first else { continue }
            let subject = all[first].quantity.subject
            guard subject != .grandTotal, subjects(subject) else { continue }
            // One printing per table (a table that prints it twice is checked inside the table).
            perTable.removeAll(keepingCapacity: true)
            for m in members {
                let id = all[m].tableID
                if id >= seen.count { seen += repeatElement(false, count: id + 1 - seen.count) }
                if !seen[id] {
                    seen[id] = true
                    perTable.append(m)
                }
            }
            for m in perTable { seen[all[m].tableID] = false }
            guard perTable.count >= 2 else { continue }
            applicable = true
            fen.removeAll(keepingCapacity: true)
            for m in perTable { fen.append(all[m].figure.amount?.fen ?? 0) }
            // The reference printing read in place too, copied only for a finding.
            let r = perTable[majorityIndex(fen)]
            let referenceTable = all[r].tableID
            let referenceFigure = all[r].figure
            for m in perTable where all[m].tableID != referenceTable && !UnitMismatch.isUnitSlip(referenceFigure, all[m].figure) {
                // Most printings agree: skip them before any message is written.
                if FigureComparison.same(referenceFigure, all[m].figure) == .equal { continue }
                let f = all[m]
                let reference = all[r]
                let what = describe(f.quantity, ctx: ctx, row: f.row)
                if let finding = cmp.same(reference.figure, f.figure, what: "\(what.zh) 在各表中应一致",
                                          whatEnglish: "\(what.en) should be the same in every table",
                                          aWhere: reference.table.displayName + "「\(reference.column.header)」",
                                          bWhere: f.table.displayName + "「\(f.column.header)」", location: f.location,
                                          derived: isDerived(reference) || isDerived(f)) {
                    findings.append(finding)
                }
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no quantity is printed in two tables")
    }

    /// What tells tables apart in a finding (the parts of `displayName`), without building the name.
    struct TableIdentity: Hashable {
        /// The title as a `TextKey`: equal and hashed as the string is, on its bytes where that is exact.
        var title: TextKey
        var attachment: String?
        var side: TableSide
        init(_ t: DisclosureTable) { title = TextKey(t.title); attachment = t.attachment; side = t.side }
    }

    /// A total line, or a code line whose sub-codes the same table prints: its figure may be a sum of rounded parts.
    static func isDerived(_ f: Fact) -> Bool {
        if f.row.kind != .item { return true }
        guard let code = f.row.code else { return f.table.kind == .overallPerformance }
        return f.table.rows.contains { $0.code.map(code.isAncestor) ?? false }
    }

    /// The first index of the value most of `fen` hold (0 when empty): the printing most tables agree on, ties
    /// going to the earliest table. The values are one printing per table, a handful: each is counted against the
    /// others, without a dictionary.
    static func majorityIndex(_ fen: [Int64]) -> Int {
        var best = 0
        var chosen = 0
        for i in fen.indices {
            var agreeing = 0
            for other in fen where other == fen[i] { agreeing += 1 }
            if agreeing > best {
                best = agreeing
                chosen = i
            }
        }
        return chosen
    }

    static func describe(_ q: Quantity, ctx: AuditContext, row: Row) -> (zh: String, en: String) {
        let measureZh: [Measure: String] = [.total: "", .basic: "基本支出", .project: "项目支出", .personnel: "人员经费", .publicCost: "日常公用经费"]
        let m = measureZh[q.measure] ?? q.measure.rawValue
        let yearZh = q.year.map { $0 != ctx.year ? "\($0)年" : "" } ?? ""
        var subjectZh: String
        var subjectEn: String
        switch q.subject {
        case .functional(let c):
            let name = ctx.functionalCatalog?.entry(c)?.name ?? RowLabels.outline(row.name).rest
            subjectZh = "\(c) \(name)"
            subjectEn = "\(c) \(name)"
        case .economic(let c):
            subjectZh = "\(c) \(row.name)"
            subjectEn = subjectZh
        case .expenditureTotal: subjectZh = "支出合计"; subjectEn = "total expenditure"
        case .incomeTotal: subjectZh = "收入合计"; subjectEn = "total income"
        case .grandTotal: subjectZh = "收支总计"; subjectEn = "grand total of income and spending"
        case .income: subjectZh = row.name; subjectEn = row.name
        case .threePublic: subjectZh = "“三公”经费 " + row.name; subjectEn = "“three public” " + row.name
        case .project: subjectZh = "项目“\(row.name)”"; subjectEn = "project “\(row.name)”"
        }
        let zh = yearZh + subjectZh + (m.isEmpty ? "" : "（\(m)）")
        let en = subjectEn + (q.measure == .total ? "" : " (\(q.measure.rawValue))") + (yearZh.isEmpty ? "" : " in \(q.year ?? 0)")
        return (zh, en)
    }
}
