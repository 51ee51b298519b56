import YusuanCore

extension SourceTableReader {
    /// The key/value department table: prose keys may repeat (one row per line), goals repeat (one per goal).
    static func department(_ rows: [SourceTableRow], log: DecodeLog) -> Budget {
        var values: [DepartmentKey: [(String, SourceTableRow)]] = [:]
        for r in rows {
            let raw = r.raw("key")
            let key = TextNormalization.key(raw)
            guard let k = DepartmentKey.allCases.first(where: { TextNormalization.key($0.rawValue) == key }) else {
                let known = DepartmentKey.allCases.map(\.rawValue).joined(separator: "、")
                log.add(.unknownField, at: "department", r.position("key"), "unknown 字段 “\(raw.trimmed)”; known: \(known)")
                continue
            }
            values[k, default: []].append((r.raw("value"), r))
        }
        let multi: Set<DepartmentKey> = [.duties, .composition, .contact, .overallGoal]
        for (k, list) in values where list.count > 1 && !multi.contains(k) {
            log.add(.duplicate, at: k.path, list[1].1.position("key"), "“\(k.rawValue)” is given twice")
        }
        func one(_ k: DepartmentKey) -> String? {
            guard let (v, r) = values[k]?.first else { return nil }
            log.map.set(k.path, r.position("value"))
            return v
        }
        func joined(_ k: DepartmentKey) -> String? {
            guard let list = values[k], let first = list.first else { return nil }
            log.map.set(k.path, first.1.position("value"))
            return list.map(\.0).joined(separator: "\n")
        }
        func parsed<T>(_ k: DepartmentKey, required: Bool, _ parse: (String) -> Result<T, ValueProblem>) -> T? {
            guard let raw = one(k) else {
                if required { log.add(.missingField, at: k.path, nil, "the department table has no “\(k.rawValue)” row") }
                return nil
            }
            if raw.trimmed.isEmpty && !required { return nil }
            switch parse(raw) {
            case .success(let v): return v
            case .failure(let p):
                log.add(p.kind, at: k.path, log.map.position(k.path), "\(k.rawValue): \(p.message)")
                return nil
            }
        }
        let text: (String) -> Result<String, ValueProblem> = { s in
            s.trimmed.isEmpty ? .failure(ValueProblem(.missingField, "is empty")) : .success(s)
        }
        var b = Budget(department: parsed(.department, required: true, text) ?? "",
                       year: parsed(.year, required: true, SourceValues.integer) ?? 0,
                       profile: parsed(.profile, required: true, text)?.trimmed ?? "", units: [])
        b.departmentCode = one(.departmentCode).map(SourceValues.code)
        b.contact = joined(.contact)
        b.duties = joined(.duties) ?? ""
        b.composition = joined(.composition) ?? ""
        b.staffing = Staffing(inPost: parsed(.inPost, required: false, SourceValues.integer) ?? 0,
                              retired: parsed(.retired, required: false, SourceValues.integer) ?? 0, asOf: one(.asOf))
        b.overallGoals = (values[.overallGoal] ?? []).enumerated().map { i, pair in
            log.map.set("overall_goals[\(i)]", pair.1.position("value"))
            return pair.0
        }
        return b
    }

    static func priorYear(_ rows: [SourceTableRow], log: DecodeLog) -> PriorYear {
        var p = PriorYear()
        for r in rows {
            let raw = r.raw("scope")
            let key = TextNormalization.key(raw)
            guard let scope = PriorYearScope.allCases.first(where: { TextNormalization.key($0.rawValue) == key }) else {
                let known = PriorYearScope.allCases.map(\.rawValue).joined(separator: "、")
                log.add(.badValue, at: "prior_year", r.position("scope"), "unknown 口径 “\(raw.trimmed)”; one of \(known)")
                continue
            }
            let code: String
            switch scope {
            case .functional: code = SourceValues.code(r.raw("code"))
            case .threePublic: code = ThreePublicItem.key(r.raw("code"))
            default: code = ""
            }
            let path: String
            switch scope {
            case .total: path = "prior_year.total"
            case .basic: path = "prior_year.basic"
            case .project: path = "prior_year.project"
            case .operatingCost: path = "prior_year.operating_cost"
            case .functional: path = "prior_year.functional." + code
            case .threePublic: path = "prior_year.three_public." + code
            }
            if (scope == .functional || scope == .threePublic) && code.isEmpty {
                log.add(.missingField, at: path, r.position("code"), "a \(scope.rawValue) row needs its 编码")
                continue
            }
            if log.map.positions[path] != nil {
                log.add(.duplicate, at: path, r.position(nil), "\(scope.rawValue) \(code) is given twice")
                continue
            }
            log.map.set(path, r.position("amount"))
            guard let amount = r.value("amount", path, log: log, SourceValues.amount) else { continue }
            switch scope {
            case .total: p.total = amount
            case .basic: p.basic = amount
            case .project: p.project = amount
            case .operatingCost: p.operatingCost = amount
            case .functional: p.functional[code] = amount
            case .threePublic: p.threePublic[code] = amount
            }
        }
        return p
    }
}
