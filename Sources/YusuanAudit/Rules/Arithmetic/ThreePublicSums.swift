import YusuanCore

/// The 三公 identities, whether the items are columns (grouped by year) or rows.
enum ThreePublicSums {
    /// The figures of one series (a year, or budget vs final) by item. Each figure keeps its row's position and its
    /// column, and the series its heading and row: the label and the places findings name are written only for a
    /// finding (most series add up).
    struct Series {
        /// The heading over the items' columns and the row (items as columns), or the figure column (items as rows).
        var head: String
        var row: Int?
        var total: (Figure, Place)?
        var items: [Measure: (Figure, Place, Bool)] = [:]  // figure, where, printed blank

        init(head: String, row: Int? = nil) {
            self.head = head
            self.row = row
        }

        /// "2022年 合计" for messages: the heading and the row's label (either left out when empty).
        func label(_ table: DisclosureTable) -> String {
            guard let row else { return head }
            return [head, table.rows[row].label].filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// A figure's row (its position in the table's rows) and column.
    struct Place {
        var row: Int
        var column: Column

        func location(_ table: DisclosureTable, _ ctx: AuditContext) -> FindingLocation {
            ctx.location(table, row: table.rows[row], column: column)
        }
    }

    static func series(_ table: DisclosureTable, ctx: AuditContext) -> [Series] {
        let itemMeasures: Set<Measure> = [.threePublicOutbound, .threePublicReception, .threePublicVehicle,
                                          .threePublicVehiclePurchase, .threePublicVehicleOperation]
        let cols = table.additiveColumns
        var out: [Series] = []
        if cols.contains(where: { itemMeasures.contains($0.measure ?? .other) }) {
            // Items as columns: one series per heading and row.
            let heads = Array(Set(cols.map { $0.headerPath.count > 1 ? $0.headerPath[0] : "" })).sorted()
            for (r, row) in table.rows.enumerated() {
                for head in heads {
                    var s = Series(head: head, row: r)
                    for c in cols where (c.headerPath.count > 1 ? c.headerPath[0] : "") == head {
                        guard let f = table.figure(row, c), let m = c.measure else { continue }
                        let at = Place(row: r, column: c)
                        if m == .total { if s.total == nil { s.total = (f, at) } } else if itemMeasures.contains(m) { s.items[m] = (f, at, table.isBlank(row, c)) }
                    }
                    out.append(s)
                }
            }
            return out
        }
        // Items as rows: one series per figure column.
        for c in cols where c.measure != .change {
            var s = Series(head: c.header)
            for (r, row) in table.rows.enumerated() {
                let m = row.kind == .subtotal || row.kind == .grandTotal ? .total : MeasureVocabulary.measure(of: row.name)
                guard let m, let f = table.figure(row, c) else { continue }
                let at = Place(row: r, column: c)
                if m == .total, s.total == nil { s.total = (f, at) } else if itemMeasures.contains(m), s.items[m] == nil {
                    s.items[m] = (f, at, table.isBlank(row, c))
                }
            }
            out.append(s)
        }
        return out
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let tables = ctx.disclosure.tables(.threePublic)
        guard !tables.isEmpty else { return .notApplicable(reason: "no “三公” table") }
        var findings: [Finding] = []
        let sum = SumCheck(rule: rule, context: ctx)
        for table in tables {
            for s in series(table, ctx: ctx) {
                let purchase = s.items[.threePublicVehiclePurchase]
                let operation = s.items[.threePublicVehicleOperation]
                var vehicle = s.items[.threePublicVehicle]
                let split = purchase != nil && operation != nil && !((purchase?.2 ?? true) && (operation?.2 ?? true))
                if let v = vehicle, let p = purchase, let o = operation, split {
                    if let f = sum.check(total: v.0, parts: [p.0, o.0],
                                         what: "\(s.label(table)) 公务用车购置及运行费应等于购置费与运行维护费之和",
                                         whatEnglish: "\(s.label(table)): vehicle costs should equal purchase plus operation",
                                         location: v.1.location(table, ctx)) {
                        findings.append(f)
                    }
                }
                if vehicle == nil, let p = purchase, let o = operation {
                    vehicle = (Figure(p.0.value(in: p.0.unit) + o.0.value(in: p.0.unit), unit: p.0.unit), p.1, false)
                }
                guard let total = s.total, let out = s.items[.threePublicOutbound], let rec = s.items[.threePublicReception],
                      let veh = vehicle else { continue }
                if let f = sum.check(total: total.0, parts: [out.0, rec.0, veh.0],
                                     what: "\(s.label(table)) “三公”经费合计应等于因公出国（境）费 + 公务接待费 + 公务用车购置及运行费",
                                     whatEnglish: "\(s.label(table)): the “three public” total should equal travel abroad + reception + vehicles",
                                     location: total.1.location(table, ctx)) {
                    findings.append(f)
                }
            }
        }
        return .ran(findings)
    }
}
