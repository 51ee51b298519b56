import YusuanCore

/// Rules on units: every table says its unit, and no table's figures are in another unit than it says.
public enum UnitRules {
    public static let all: [Rule] = [declared, mismatch]

    static var declared: Rule { Rule(
        id: "UNIT-001", severity: .notice, category: .units,
        title: "每张表注明金额单位（元 / 万元）", titleEnglish: "Every table states its money unit (元 / 万元)",
        why: "没有单位的表格无法与其他表格比较，Yusuan 只能假定为万元。",
        whyEnglish: "A table without a unit cannot be compared with others; Yusuan has to assume 万元.",
        check: { ctx in
            let tables = ctx.disclosure.tables.filter { $0.isGrid && !$0.hasNoData }
            guard !tables.isEmpty else { return .notApplicable(reason: "no table with figures") }
            var seen = Set<String>()
            let findings = tables.filter { !$0.unitDeclared && seen.insert($0.displayName).inserted }.map { t in
                Self.declared.finding(ctx.location(t), expected: "单位：元 或 单位：万元", found: "未注明",
                                 message: "\(t.displayName) 未注明金额单位，按万元理解。",
                                 english: "\(t.displayName) does not state its money unit; read as 万元.")
            }
            return .ran(findings)
        }) }

    static var mismatch: Rule { Rule(
        id: "UNIT-002", severity: .error, category: .units,
        title: "同一数字在两张表中不应相差 1 万倍（单位标错）", titleEnglish: "One quantity is not 10,000 times larger in one table than in another (a wrong unit)",
        why: "单位标错会使读者把金额看错一万倍。",
        whyEnglish: "A wrong unit makes a reader misread an amount ten thousandfold.",
        check: { ctx in UnitMismatch.check(ctx, rule: Self.mismatch) }) }
}

/// Pairs of printings of one quantity whose printed numbers agree but whose units do not.
enum UnitMismatch {
    /// Whether two figures print the same number while their units differ (10,000 × apart).
    static func isUnitSlip(_ a: Figure, _ b: Figure) -> Bool {
        guard a.unit != b.unit, !a.value.isZero, a.value == b.value else { return false }
        return true
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        var reported = Set<Int>()
        for group in ctx.facts.groups {
            // The group's facts read in place by their indices: a fact is copied out of the group only for a
            // finding (a copy per test retained its parts).
            let all = group.all
            let members = group.members
            // Printed in two tables or more (tables told apart by name, interned once per table).
            guard let first = members.first else { continue }
            let firstName = all[first].tableNameID
            guard members.contains(where: { all[$0].tableNameID != firstName }) else { continue }
            applicable = true
            let referenceFigure = all[first].figure
            for i in members.dropFirst()
            where isUnitSlip(referenceFigure, all[i].figure) && reported.insert(all[i].tableNameID).inserted {
                let f = all[i]
                let reference = all[first]
                let zh = "\(f.table.displayName) 的数字 \(f.figure.value) 与 \(reference.table.displayName) 相同，但一处单位为\(f.figure.unit.rawValue)、一处为\(reference.figure.unit.rawValue)：其中一张表的单位标错了。"
                let en = "\(f.table.displayName) prints \(f.figure.value) like \(reference.table.displayName), but in \(f.figure.unit.english) against \(reference.figure.unit.english): one of the two tables states the wrong unit."
                findings.append(rule.finding(f.location, expected: reference.figure.unit.rawValue, found: f.figure.unit.rawValue, message: zh, english: en))
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no quantity is printed in two tables")
    }
}
