import YusuanCore

/// Checks a `Budget` against the year's catalogs, its profile and its own arithmetic, listing every
/// problem at once with where it is (from the `SourceMap` of the reading, else the schema path).
///
/// The catalogs shipped with Yusuan are partial: a code they do not hold is an error only when its
/// 类 is unknown too; otherwise it is a warning to check against the official catalog.
public enum BudgetValidator {
    /// Every problem of `budget`. `totals: false` skips the checks that add amounts up (revenue against
    /// expenditure, changes against last year): after a decoding error they would only echo it.
    public static func validate(_ budget: Budget, map: SourceMap = SourceMap(), totals: Bool = true) -> [SourceProblem] {
        let v = ValidationRun(budget, map: map)
        v.department()
        v.units()
        v.revenue()
        v.lineItems()
        v.projects()
        v.others()
        v.reasonSubjects()
        if totals {
            v.balance()
            v.changes()
        }
        return v.problems
    }
}

/// One validation: the budget, its catalogs and profile, and the problems found so far.
final class ValidationRun {
    let budget: Budget
    let map: SourceMap
    let functional: Catalog?
    let economic: Catalog?
    let government: Catalog?
    let profile: Profile?
    let unitCodes: Set<String>
    let projectCodes: Set<String>
    var problems: [SourceProblem] = []

    init(_ budget: Budget, map: SourceMap) {
        self.budget = budget
        self.map = map
        functional = CatalogLibrary.catalog(.functional, year: budget.year)
        economic = CatalogLibrary.catalog(.economicDepartment, year: budget.year)
        government = CatalogLibrary.catalog(.economicGovernment, year: budget.year)
        profile = ProfileLibrary.profile(id: budget.profile)
        unitCodes = Set(budget.units.map(\.code))
        projectCodes = Set(budget.projects.map(\.code))
    }

    func add(_ kind: SourceProblem.Kind, _ path: String, _ message: String, origin: String? = nil) {
        add(kind, .error, path, message, origin: origin)
    }

    func add(_ kind: SourceProblem.Kind, _ severity: Severity, _ path: String, _ message: String, origin: String? = nil) {
        var position = map.position(path)
        if position == nil, let origin { position = SourcePosition(file: origin) }
        problems.append(SourceProblem(kind, severity, at: path, position: position, message))
    }

    static func yuan(_ a: Amount) -> String { SourceValues.format(a) + " 元" }

    func department() {
        let b = budget
        if b.department.trimmed.isEmpty { add(.missingField, "department", "the department's name is empty") }
        if !(2000...2100).contains(b.year) { add(.badValue, "year", "fiscal year \(b.year) is not a year between 2000 and 2100") }
        if profile == nil {
            let known = ProfileLibrary.all().map(\.id).joined(separator: ", ")
            add(.unknownProfile, "profile", "unknown profile “\(b.profile)”; known profiles: \(known)")
        }
        if b.staffing.inPost < 0 { add(.badValue, "staffing.in_post", "a negative headcount") }
        if b.staffing.retired < 0 { add(.badValue, "staffing.retired", "a negative headcount") }
    }

    func units() {
        if budget.units.isEmpty { add(.missingField, "units", "the budget declares no units (单位)") }
        var seen: Set<String> = []
        for (i, u) in budget.units.enumerated() {
            if u.code.trimmed.isEmpty { add(.missingField, "units[\(i)].code", "unit “\(u.name)” has no code") }
            if !seen.insert(u.code).inserted { add(.duplicate, "units[\(i)].code", "unit code “\(u.code)” is declared twice") }
            if u.name.trimmed.isEmpty { add(.missingField, "units[\(i)].name", "unit “\(u.code)” has no name") }
        }
    }

    func unit(_ code: String, _ path: String, origin: String? = nil) {
        guard !unitCodes.contains(code) else { return }
        let known = budget.units.map(\.code).joined(separator: ", ")
        add(.unknownUnit, path, "unit code “\(code)” is not among the declared units (\(known))", origin: origin)
    }

    func amount(_ a: Amount, _ path: String, what: String, origin: String? = nil) {
        if a.fen < 0 { add(.negativeAmount, path, "\(what) \(Self.yuan(a)) is negative", origin: origin) }
    }

    func revenue() {
        for (i, r) in budget.revenue.enumerated() {
            unit(r.unit, "revenue[\(i)].unit")
            amount(r.amount, "revenue[\(i)].amount", what: "revenue")
        }
    }

    func lineItems() {
        for (i, l) in budget.lineItems.enumerated() {
            let p = "line_items[\(i)]"
            unit(l.unit, p + ".unit", origin: l.origin)
            code(l.functional, .functional, p + ".functional", origin: l.origin)
            code(l.economic, .economicDepartment, p + ".economic", origin: l.origin)
            if let g = l.governmentEconomic { code(g, .economicGovernment, p + ".government_economic", origin: l.origin) }
            amount(l.amount, p + ".amount", what: "line item amount", origin: l.origin)
            if case .project(let code) = l.nature, !projectCodes.contains(code) {
                add(.undeclaredProject, p + ".project", "project “\(code)” is not declared in projects", origin: l.origin)
            }
            nature(l, p)
        }
    }

    /// 人员经费 is paid from 301 工资福利支出 and 303 对个人和家庭的补助; 日常公用经费 from the others.
    func nature(_ l: LineItem, _ p: String) {
        guard l.economic.count == 5 else { return }
        let personnelClass = l.economic.hasPrefix("301") || l.economic.hasPrefix("303")
        switch l.nature {
        case .personnel where !personnelClass:
            add(.natureMismatch, .warning, p + ".economic", "人员经费 on \(l.economic), outside 301 and 303; check the nature", origin: l.origin)
        case .publicCost where personnelClass:
            add(.natureMismatch, .warning, p + ".economic", "日常公用经费 on \(l.economic), a 人员经费 code (301/303); check the nature", origin: l.origin)
        default: break
        }
    }

    func others() {
        for (i, p) in budget.procurement.enumerated() {
            unit(p.unit, "procurement[\(i)].unit")
            amount(p.amount, "procurement[\(i)].amount", what: "procurement amount")
        }
        for (i, v) in budget.vehicles.enumerated() where v.count < 0 {
            add(.badValue, "vehicles[\(i)].count", "a negative number of vehicles")
        }
        let py = budget.priorYear
        for (key, a) in [("total", py.total), ("basic", py.basic), ("project", py.project), ("operating_cost", py.operatingCost)] {
            if let a { amount(a, "prior_year." + key, what: "last year's figure") }
        }
        for (code, a) in py.functional.sorted(by: { $0.key < $1.key }) {
            self.code(code, .functional, "prior_year.functional." + code, leaf: false)
            amount(a, "prior_year.functional." + code, what: "last year's figure")
        }
        let items = Set(ThreePublicItem.all.map(\.key))
        for (key, a) in py.threePublic.sorted(by: { $0.key < $1.key }) {
            if !items.contains(key) {
                let known = ThreePublicItem.all.map { "\($0.key) (\($0.label))" }.joined(separator: ", ")
                add(.badValue, "prior_year.three_public." + key, "unknown “三公” item “\(key)”; one of \(known)")
            }
            amount(a, "prior_year.three_public." + key, what: "last year's figure")
        }
    }
}
