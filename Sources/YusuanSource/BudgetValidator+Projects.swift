import YusuanCore

extension ValidationRun {
    func projects() {
        var seen: Set<String> = []
        let funded = Set(budget.lineItems.compactMap { l -> String? in
            if case .project(let c) = l.nature { return c }
            return nil
        })
        for (i, p) in budget.projects.enumerated() {
            let path = "projects[\(i)]"
            if p.code.trimmed.isEmpty { add(.missingField, path + ".code", "project “\(p.name)” has no code") }
            if !seen.insert(p.code).inserted { add(.duplicate, path + ".code", "project code “\(p.code)” is declared twice") }
            if p.name.trimmed.isEmpty { add(.missingField, path + ".name", "project “\(p.code)” has no name") }
            unit(p.unit, path + ".unit")
            code(p.functional, .functional, path + ".functional")
            if !funded.contains(p.code) {
                add(.projectWithoutItems, .warning, path, "project “\(p.code)” \(p.name) has no line items (no money)")
            }
            if p.indicators.isEmpty {
                add(.projectWithoutIndicators, path, "project “\(p.code)” \(p.name) has no performance indicators")
                continue
            }
            indicators(p.indicators, path + ".indicators", totals: projectTotals, owner: "project “\(p.code)”")
        }
        if !budget.overallIndicators.isEmpty {
            indicators(budget.overallIndicators, "overall_indicators", totals: overallTotals, owner: "the overall performance table")
        }
    }

    /// What a project table's weights may add up to: the profile's total, else the usual 100 or 90.
    var projectTotals: (values: [Int], source: String) {
        if let p = profile, let t = p.performanceWeightTotal { return ([t], "profile \(p.id)") }
        return ([100, 90], "usual")
    }

    var overallTotals: (values: [Int], source: String) {
        if let p = profile, let t = p.overallWeightTotal ?? p.performanceWeightTotal { return ([t], "profile \(p.id)") }
        return ([100], "usual")
    }

    func indicators(_ list: [Indicator], _ path: String, totals: (values: [Int], source: String), owner: String) {
        for (k, i) in list.enumerated() {
            let p = "\(path)[\(k)]"
            if !SourceValues.operators.contains(i.op) {
                add(.badValue, p + ".op", "operator “\(i.op)”; one of \(SourceValues.operators.joined(separator: " "))")
            }
            if i.weight.isNegative { add(.badValue, p + ".weight", "a negative weight \(i.weight)") }
            for (field, text) in [("level1", i.level1), ("level2", i.level2), ("name", i.name)] where text.trimmed.isEmpty {
                add(.missingField, p + "." + field, "an indicator of \(owner) has no \(field == "name" ? "三级指标" : field == "level1" ? "一级指标" : "二级指标")")
            }
        }
        let sum = list.map(\.weight).sum()
        guard !totals.values.contains(where: { Fixed($0) == sum }) else { return }
        let terms = list.map(\.weight.description).joined(separator: " + ")
        let want = totals.values.map(String.init).joined(separator: " or ")
        add(.weightTotal, path, "the indicator weights of \(owner) add up to \(sum) (\(terms)); \(totals.source) wants \(want)")
    }
}
