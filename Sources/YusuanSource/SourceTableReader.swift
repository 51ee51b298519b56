import YusuanCore

/// Reads the tables of the CSV and XLSX encodings into a `Budget`, every problem at once.
enum SourceTableReader {
    static func decode(_ tables: [SourceTable], source: String, log: DecodeLog) -> Budget {
        var byKind: [SourceTableKind: SourceTableLayout] = [:]
        for t in tables {
            guard let kind = t.kind else { continue }
            if byKind[kind] != nil {
                log.add(.duplicate, at: kind.rawValue, t.position(row: nil, column: nil), "a second \(kind.rawValue) table; only one is read")
                continue
            }
            byKind[kind] = SourceTableLayout(t, kind: kind, log: log)
        }
        for kind in [SourceTableKind.department, .units] where byKind[kind] == nil {
            log.add(.missingField, at: kind.rawValue, SourcePosition(file: source),
                    "no \(kind.file) (sheet \(kind.sheet)): every budget source has one")
        }
        if byKind[.department] == nil { log.failed.formUnion(DepartmentKey.allCases.map(\.path)) }
        func rows(_ kind: SourceTableKind) -> [SourceTableRow] { byKind[kind]?.rows ?? [] }

        // Without a department table, its missing rows would only repeat that it is missing.
        var b = department(rows(.department), log: byKind[.department] == nil ? DecodeLog() : log)
        b.units = rows(.units).enumerated().map { i, r in
            let p = "units[\(i)]"
            log.map.set(p, r.position(nil))
            return BudgetUnit(code: r.code("code", p + ".code", log: log), name: r.text("name", p + ".name", log: log, required: true),
                              kind: r.value("kind", p + ".kind", log: log) { SourceValues.choice($0, BudgetUnit.Kind.self, what: "unit kind") } ?? .other)
        }
        b.revenue = rows(.revenue).enumerated().map { i, r in
            let p = "revenue[\(i)]"
            log.map.set(p, r.position(nil))
            return RevenueItem(unit: r.code("unit", p + ".unit", log: log), source: fund(r, "source", p + ".source", log),
                               amount: r.value("amount", p + ".amount", log: log, SourceValues.amount) ?? .zero)
        }
        b.lineItems = rows(.lineItems).enumerated().map { i, r in lineItem(r, "line_items[\(i)]", log) }
        b.projects = rows(.projects).enumerated().map { i, r in project(r, "projects[\(i)]", log) }
        indicators(rows(.indicators), into: &b, log: log)
        b.procurement = rows(.procurement).enumerated().map { i, r in
            let p = "procurement[\(i)]"
            log.map.set(p, r.position(nil))
            let kind = r.value("kind", p + ".kind", log: log) { SourceValues.choice($0, ProcurementItem.Kind.self, what: "procurement kind") }
            return ProcurementItem(unit: r.code("unit", p + ".unit", log: log), kind: kind ?? .goods, fund: fund(r, "fund", p + ".fund", log),
                                   item: r.text("item", p + ".item", log: log), amount: r.value("amount", p + ".amount", log: log, SourceValues.amount) ?? .zero)
        }
        b.vehicles = rows(.vehicles).enumerated().map { i, r in
            let p = "vehicles[\(i)]"
            log.map.set(p, r.position(nil))
            return VehicleCount(kind: r.text("kind", p + ".kind", log: log, required: true),
                                count: r.value("count", p + ".count", log: log, SourceValues.integer) ?? 0)
        }
        b.priorYear = priorYear(rows(.priorYear), log: log)
        b.reasons = rows(.reasons).enumerated().map { i, r in
            let p = "reasons[\(i)]"
            log.map.set(p, r.position(nil))
            return ChangeReason(subject: SourceWords.subjectKey(r.text("subject", p + ".subject", log: log, required: true)),
                                text: r.text("text", p + ".text", log: log, required: true))
        }
        return b
    }

    static func fund(_ r: SourceTableRow, _ field: String, _ path: String, _ log: DecodeLog) -> RevenueSource {
        r.value(field, path, log: log) { SourceValues.choice($0, RevenueSource.self, what: "fund source") } ?? .generalBudget
    }

    static func lineItem(_ r: SourceTableRow, _ p: String, _ log: DecodeLog) -> LineItem {
        log.map.set(p, r.position(nil))
        let project = r.code("project", p + ".project", log: log, required: false)
        let nature = r.value("nature", p + ".nature", log: log, required: project.isEmpty) { SourceWords.nature($0, project: project) }
        let gov = r.code("government_economic", p + ".government_economic", log: log, required: false)
        return LineItem(unit: r.code("unit", p + ".unit", log: log), functional: r.code("functional", p + ".functional", log: log),
                        economic: r.code("economic", p + ".economic", log: log), governmentEconomic: gov.isEmpty ? nil : gov,
                        nature: nature ?? (project.isEmpty ? .publicCost : .project(project)), fund: fund(r, "fund", p + ".fund", log),
                        amount: r.value("amount", p + ".amount", log: log, SourceValues.amount) ?? .zero,
                        origin: r.position(nil).description)
    }

    static func project(_ r: SourceTableRow, _ p: String, _ log: DecodeLog) -> Project {
        log.map.set(p, r.position(nil))
        let category = r.value("category", p + ".category", log: log) { SourceValues.choice($0, Project.Category.self, what: "project category") }
        let attribute = r.text("attribute", p + ".attribute", log: log)
        return Project(code: r.code("code", p + ".code", log: log), name: r.text("name", p + ".name", log: log, required: true),
                       unit: r.code("unit", p + ".unit", log: log), category: category ?? .general,
                       functional: r.code("functional", p + ".functional", log: log), basis: r.text("basis", p + ".basis", log: log),
                       overview: r.text("overview", p + ".overview", log: log), goal: r.text("goal", p + ".goal", log: log),
                       attribute: attribute.trimmed.isEmpty ? "新增" : attribute, start: r.text("start", p + ".start", log: log),
                       end: r.text("end", p + ".end", log: log))
    }

    /// Indicator rows go to their project (by code) or to the overall table ("overall" / "整体").
    static func indicators(_ rows: [SourceTableRow], into b: inout Budget, log: DecodeLog) {
        let index = Dictionary(b.projects.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        for r in rows {
            let owner = r.code("project", "indicators", log: log)
            let p: String
            if ["overall", "整体"].contains(owner.lowercased()) {
                p = "overall_indicators[\(b.overallIndicators.count)]"
            } else if let k = index[owner] {
                p = "projects[\(k)].indicators[\(b.projects[k].indicators.count)]"
                if b.projects[k].indicators.isEmpty { log.map.set("projects[\(k)].indicators", r.position(nil)) }
            } else {
                if !owner.isEmpty {
                    log.add(.undeclaredProject, at: "indicators", r.position("project"),
                            "indicator for project “\(owner)”, which the projects table does not declare (or write overall)")
                }
                continue
            }
            log.map.set(p, r.position(nil))
            let value = r.value("value", p + ".value", log: log, SourceValues.decimal)
            var unit = r.text("unit", p + ".unit", log: log)
            if value?.percent == true && unit.isEmpty { unit = "%" }
            let op = r.text("op", p + ".op", log: log)
            let i = Indicator(level1: r.text("level1", p + ".level1", log: log, required: true),
                              level2: r.text("level2", p + ".level2", log: log, required: true),
                              name: r.text("name", p + ".name", log: log, required: true), op: SourceValues.op(op),
                              value: value?.0 ?? .zero, unit: unit, weight: r.value("weight", p + ".weight", log: log, SourceValues.decimal)?.0 ?? .zero)
            if let k = index[owner] { b.projects[k].indicators.append(i) } else { b.overallIndicators.append(i) }
        }
    }
}
