import YusuanCore

extension CompletenessRules {
    /// CMP-001: every table the profile requires is in the document.
    static let requiredTables = Rule(
        id: "CMP-001", severity: .error, category: .completeness,
        title: "模板要求的表格齐全", titleEnglish: "Every table the template requires is present",
        why: "缺少法定表格即未按规定公开，读者无法核对相应资金。",
        whyEnglish: "A missing statutory table is a disclosure not made; readers cannot check those funds.",
        check: checkRequiredTables)

    static func checkRequiredTables(_ c: AuditContext) -> RuleOutcome {
        guard let profile = c.profile else {
            return .notApplicable(reason: "未确定公开模板（profile），无法判断应有哪些表 / no profile: the required tables are unknown")
        }
        let d = c.disclosure
        let projects = d.tables(.projectList).reduce(0) { n, t in n + t.rows.filter { $0.kind == .item }.count }
        var out: [Finding] = []
        for spec in profile.tables where spec.required {
            if d.tables.contains(where: { table($0, fits: spec, department: d.department) }) { continue }
            let name = specName(spec)
            let location = FindingLocation(table: name, attachment: spec.attachment)
            if spec.repeated == true {
                guard projects > 0 else { continue }
                out.append(requiredTables.finding(
                    location, expected: "每个项目一张\(spec.title)", found: "未见",
                    message: "缺少\(name)：项目支出表列有\(projects)个项目，但文中没有任何一张\(spec.title)（\(profile.name)要求每个项目一张）。",
                    english: "\(name) (\(spec.kind.englishName)) is missing: the project list has \(projects) project(s) but the document has no \(spec.title) at all; the template “\(profile.nameEnglish)” requires one per project."))
            } else {
                out.append(requiredTables.finding(
                    location, expected: name, found: "未见",
                    message: "缺少\(name)：\(profile.name)要求公开此表，文中未见。",
                    english: "\(name) (\(spec.kind.englishName)) is missing: the template “\(profile.nameEnglish)” requires it and the document does not contain it."))
            }
        }
        return .ran(out)
    }

    /// Whether a table is the one a spec asks for: the same kind (and, for `other`, the same title).
    static func table(_ t: DisclosureTable, fits spec: Profile.TableSpec, department: String?) -> Bool {
        guard t.kind == spec.kind else { return false }
        if spec.kind != .other { return true }
        return sameTitle(titleCore(t.title, department: department), titleCore(spec.title, department: nil))
    }
}
