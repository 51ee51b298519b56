import YusuanCore

/// Turns a `Budget` into the tables of the CSV and XLSX encodings (the same tables for both).
enum SourceTableWriter {
    static func tables(_ b: Budget) -> [SourceTable] {
        SourceTableKind.allCases.map { kind in
            let header = kind.columns.map(\.header)
            return SourceTable(kind: kind, file: kind.file, sheet: kind.sheet, header: header, rows: rows(kind, b))
        }
    }

    static func rows(_ kind: SourceTableKind, _ b: Budget) -> [[String]] {
        let amount = SourceValues.format
        switch kind {
        case .department: return department(b)
        case .units: return b.units.map { [$0.code, $0.name, $0.kind.rawValue] }
        case .revenue: return b.revenue.map { [$0.unit, $0.source.rawValue, amount($0.amount)] }
        case .lineItems:
            let functional = CatalogLibrary.catalog(.functional, year: b.year)
            let economic = CatalogLibrary.catalog(.economicDepartment, year: b.year)
            return b.lineItems.map { l in
                let w = SourceWords.word(l.nature)
                return [l.unit, l.functional, functional?.entry(l.functional)?.name ?? "", l.economic,
                        economic?.entry(l.economic)?.name ?? "", l.governmentEconomic ?? "", w.nature, w.project,
                        l.fund.rawValue, amount(l.amount)]
            }
        case .projects:
            return b.projects.map { p in
                [p.code, p.name, p.unit, p.category.rawValue, p.functional, p.attribute, p.start, p.end, p.basis, p.overview, p.goal]
            }
        case .indicators:
            let rows = b.projects.flatMap { p in p.indicators.map { indicator($0, owner: p.code) } }
            return rows + b.overallIndicators.map { indicator($0, owner: "overall") }
        case .procurement: return b.procurement.map { [$0.unit, $0.kind.rawValue, $0.fund.rawValue, $0.item, amount($0.amount)] }
        case .vehicles: return b.vehicles.map { [$0.kind, String($0.count)] }
        case .priorYear: return priorYear(b.priorYear)
        case .reasons: return b.reasons.map { [SourceWords.subjectLabel($0.subject), $0.text] }
        }
    }

    static func indicator(_ i: Indicator, owner: String) -> [String] {
        [owner, i.level1, i.level2, i.name, i.op, i.value.description, i.unit, i.weight.description]
    }

    /// Key/value rows; prose is one row per line, so that no cell holds a line break.
    static func department(_ b: Budget) -> [[String]] {
        var rows: [[String]] = [[DepartmentKey.department.rawValue, b.department]]
        if let c = b.departmentCode { rows.append([DepartmentKey.departmentCode.rawValue, c]) }
        rows.append([DepartmentKey.year.rawValue, String(b.year)])
        rows.append([DepartmentKey.profile.rawValue, b.profile])
        if let c = b.contact { rows += lines(c).map { [DepartmentKey.contact.rawValue, $0] } }
        if !b.duties.isEmpty { rows += lines(b.duties).map { [DepartmentKey.duties.rawValue, $0] } }
        if !b.composition.isEmpty { rows += lines(b.composition).map { [DepartmentKey.composition.rawValue, $0] } }
        rows.append([DepartmentKey.inPost.rawValue, String(b.staffing.inPost)])
        rows.append([DepartmentKey.retired.rawValue, String(b.staffing.retired)])
        if let a = b.staffing.asOf { rows.append([DepartmentKey.asOf.rawValue, a]) }
        rows += b.overallGoals.map { [DepartmentKey.overallGoal.rawValue, $0] }
        return rows
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func priorYear(_ p: PriorYear) -> [[String]] {
        var rows: [[String]] = []
        let amount = SourceValues.format
        if let t = p.total { rows.append([PriorYearScope.total.rawValue, "", amount(t)]) }
        if let t = p.basic { rows.append([PriorYearScope.basic.rawValue, "", amount(t)]) }
        if let t = p.project { rows.append([PriorYearScope.project.rawValue, "", amount(t)]) }
        if let t = p.operatingCost { rows.append([PriorYearScope.operatingCost.rawValue, "", amount(t)]) }
        rows += p.functional.sorted { $0.key < $1.key }.map { [PriorYearScope.functional.rawValue, $0.key, amount($0.value)] }
        rows += p.threePublic.sorted { $0.key < $1.key }.map { [PriorYearScope.threePublic.rawValue, ThreePublicItem.label($0.key), amount($0.value)] }
        return rows
    }
}
