import YusuanCore

/// CLS-002: each printed code and its name agree with the catalog of the fiscal year.
///
/// The shipped catalogs are partly compiled from memory (Resources/catalogs/README.md), so a
/// difference is worded as "differs from the catalog name" and is at most a warning; an unknown
/// code is a notice that says the catalog's coverage is partial.
enum CatalogNameCheck {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        let codes = PrintedCodes.all(ctx, derived: false).filter { c in
            // Revenue codes (1xx) share the functional code shape but have no catalog here.
            c.code.scheme != .functional || c.code.digits.hasPrefix("2")
        }
        guard !codes.isEmpty else { return .notApplicable(reason: "no printed expenditure classification codes") }
        // Codes with the same digits and name (by label key) are one finding; the key is worked out once per code.
        let keys = codes.map(\.key)
        // Most documents print every code under its catalog name: then every group's first code below is known to
        // its catalog and skipped, and the rule ran without a finding. Found per code, without grouping the codes.
        func isKnown(_ i: Int, in catalog: Catalog) -> Bool {
            catalog.entry(codes[i].code.digits) != nil && catalog.accepts(key: keys[i], for: codes[i].code.digits)
        }
        if codes.indices.allSatisfy({ i in ctx.catalog(for: codes[i].code.scheme).map { isKnown(i, in: $0) } ?? false }) {
            return .ran([])
        }
        let groups = TextNormalization.groupIndices(codes.indices.map { codes[$0].code.digits + "|" + keys[$0] })
        var findings: [Finding] = []
        var checked = false
        for indices in groups {
            guard let i = indices.first, let catalog = ctx.catalog(for: codes[i].code.scheme) else { continue }
            let first = codes[i]
            checked = true
            let code = first.code.digits
            // Most codes are in the catalog under the printed name: skip them before any message is written.
            if isKnown(i, in: catalog) { continue }
            let others = indices.dropFirst().map { codes[$0].tableName }.filter { $0 != first.tableName }
            let also = others.isEmpty ? "" : "（\(Array(Set(others)).sorted().joined(separator: "、"))同）"
            let alsoEn = others.isEmpty ? "" : " (also \(Array(Set(others)).sorted().joined(separator: ", ")))"
            let source = PrintedCodes.catalogName(catalog, year: ctx.year)
            let location = ctx.location(first.table, row: first.row, column: first.column)
            guard let entry = catalog.entry(code) else {
                findings.append(rule.finding(location, expected: "\(source.zh)中的科目", found: "\(code) \(first.name)",
                    message: "\(first.tableName)的科目 \(code) \(first.name)\(also)不在 \(source.zh)中（科目表收录不全，请核对官方科目表）。",
                    english: "The code \(code) \(first.name) in \(first.tableNameEnglish)\(alsoEn) is not in \(source.en) (the catalog's coverage is partial; check the official one).",
                    severity: .notice))
                continue
            }
            findings.append(rule.finding(location, expected: entry.name, found: first.name,
                message: "\(first.tableName)的科目 \(code) 名称为“\(first.name)”\(also)，与 \(source.zh)的名称“\(entry.name)”不同，请核对。",
                english: "The code \(code) in \(first.tableNameEnglish)\(alsoEn) is named “\(first.name)”, which differs from the catalog name “\(entry.name)” in \(source.en); please check."))
        }
        return checked ? .ran(findings) : .notApplicable(reason: "no catalog for the codes' schemes and year")
    }
}
