import YusuanCore

/// PRJ-001: the project codes of a department share one length, one shape and one region prefix;
/// the odd one out, decided by the majority, is reported.
enum ProjectCodeCheck {
    struct Occurrence {
        var code: String
        var location: FindingLocation
        var place: String
        var placeEnglish: String
    }

    static func occurrences(_ ctx: AuditContext) -> [Occurrence] {
        var out: [Occurrence] = []
        // Joined lazily: `+` made an array of both, copying every form (its table, rows and indicators retained).
        for form in [PerformanceForm.projects(ctx), PerformanceForm.overall(ctx)].joined() {
            guard let code = form.code else { continue }
            out.append(Occurrence(code: code, location: form.location(form.codeField),
                                  place: "\(form.shortName)“\(form.codeField?.label ?? "项目名称")”",
                                  placeEnglish: "\(form.shortNameEnglish), field \(form.codeField?.label ?? "项目名称")"))
        }
        for e in ProjectListEntries.read(ctx) {
            guard let code = e.code else { continue }
            let name = e.table.attachment.map { "附件\($0)" } ?? e.table.title
            out.append(Occurrence(code: code, location: ctx.location(e.table, row: e.row, column: e.codeColumn),
                                  place: "\(name)“\(e.name)”行", placeEnglish: "\(name), row \(e.name)"))
        }
        return out
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let all = occurrences(ctx)
        var codes: [String] = []
        for o in all where !codes.contains(o.code) { codes.append(o.code) }
        guard codes.count >= 3 else {
            return .notApplicable(reason: "fewer than three project codes printed; no majority to compare with")
        }
        var findings: [Finding] = []
        var reported = Set<String>()
        func report(_ code: String, expected: String, found: String, zh: String, en: String) {
            guard !reported.contains(code), let first = all.first(where: { $0.code == code }) else { return }
            reported.insert(code)
            let others = all.filter { $0.code == code }.dropFirst()
            let also = others.isEmpty ? "" : "（\(others.map(\.place).joined(separator: "、"))同）"
            let alsoEn = others.isEmpty ? "" : " (also in \(others.map(\.placeEnglish).joined(separator: "; ")))"
            findings.append(rule.finding(first.location, expected: expected, found: found,
                                         message: "\(first.place)中的项目编码“\(code)”\(also)\(zh)",
                                         english: "Project code \(code) in \(first.placeEnglish)\(alsoEn): \(en)"))
        }
        // Length.
        if let (length, count) = majority(codes.map(\.count)) {
            let model = codes.first { $0.count == length } ?? ""
            let shape = ProjectCode.describe(model)
            for code in codes where code.count != length {
                let own = ProjectCode.describe(code)
                let gap = abs(code.count - length)
                let (more, moreEn) = code.count < length ? ("少", "short") : ("多", "long")
                report(code, expected: "\(length) 位", found: "\(code.count) 位",
                       zh: "为 \(code.count) 位，比本部门其余 \(count) 个项目编码（均为 \(length) 位：\(shape.zh)）\(more) \(gap) 位；此编码为 \(own.zh)。",
                       en: "it has \(code.count) characters, \(gap) too \(moreEn) against the other \(count) codes of the department (\(length): \(shape.en)); this one reads \(own.en).")
            }
        }
        // Digit and letter positions.
        let shapes = codes.map(ProjectCode.shape)  // each code's shape worked out once
        if let (shape, count) = majority(shapes), let m = shapes.firstIndex(of: shape) {
            let expected = ProjectCode.describe(codes[m])
            for (code, codeShape) in zip(codes, shapes) where codeShape != shape {
                let own = ProjectCode.describe(code)
                report(code, expected: expected.zh, found: own.zh,
                       zh: "构成为 \(own.zh)，本部门其余 \(count) 个项目编码均为 \(expected.zh)。",
                       en: "it reads \(own.en) where the other \(count) codes read \(expected.en).")
            }
        }
        // Region prefix.
        if let (region, count) = majority(codes.map { ProjectCode.region($0) ?? "" }), !region.isEmpty {
            for code in codes where ProjectCode.region(code) != region {
                let own = ProjectCode.region(code) ?? String(code.prefix(6))
                report(code, expected: region, found: own,
                       zh: "前 6 位（行政区划代码）为 \(own)，本部门其余 \(count) 个项目编码均为 \(region)。",
                       en: "its first six digits (the administrative division) are \(own) where the other \(count) codes have \(region).")
            }
        }
        return .ran(findings)
    }

    /// The value more than half of `values` share, with how many share it.
    static func majority<T: Hashable>(_ values: [T]) -> (T, Int)? {
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        guard let best = counts.max(by: { $0.value < $1.value }), best.value * 2 > values.count else { return nil }
        return (best.key, best.value)
    }
}
