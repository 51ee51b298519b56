import Yams
import YusuanCore

/// Reads the YAML encoding of a budget (see docs/budget-source.md) into a `Budget`, recording where
/// each value is and every problem, never stopping at the first.
enum YAMLSourceReader {
    static let topKeys = ["department", "department_code", "year", "profile", "contact", "duties", "composition",
                          "staffing", "units", "revenue", "line_items", "projects", "overall_goals",
                          "overall_indicators", "procurement", "vehicles", "prior_year", "reasons"]

    static func decode(_ yaml: String, file: String, log: DecodeLog) -> Budget? {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                log.add(.structure, at: "", SourcePosition(file: file), "the file holds no YAML document")
                return nil
            }
            root = node
        } catch let error as YamlError {
            let (position, message) = describe(error, file: file)
            log.add(.syntax, at: "", position, message)
            return nil
        } catch {
            log.add(.syntax, at: "", SourcePosition(file: file), "not YAML: \(error)")
            return nil
        }
        let y = YAMLNodes(file: file, log: log)
        guard case .mapping = root else {
            log.add(.structure, at: "", y.position(root), "expected a mapping with department, year, profile, units …")
            return nil
        }
        let f = y.fields(root, path: "", allowed: topKeys)
        let department = y.text(f["department"], path: "department", required: true) ?? ""
        let year = y.value(f["year"], path: "year", SourceValues.integer) ?? 0
        let profile = y.text(f["profile"], path: "profile", required: true) ?? ""
        var b = Budget(department: department, year: year, profile: profile, units: [])
        b.departmentCode = y.code(f["department_code"], path: "department_code", required: false)
        b.contact = y.text(f["contact"], path: "contact")
        b.duties = y.text(f["duties"], path: "duties") ?? ""
        b.composition = y.text(f["composition"], path: "composition") ?? ""
        let s = y.fields(f["staffing"], path: "staffing", allowed: ["in_post", "retired", "as_of"])
        b.staffing = Staffing(inPost: y.value(s["in_post"], path: "staffing.in_post", required: false, SourceValues.integer) ?? 0,
                              retired: y.value(s["retired"], path: "staffing.retired", required: false, SourceValues.integer) ?? 0,
                              asOf: y.text(s["as_of"], path: "staffing.as_of"))
        b.units = y.list(f["units"], path: "units").enumerated().map { i, n in unit(n, y, "units[\(i)]") }
        b.revenue = y.list(f["revenue"], path: "revenue").enumerated().map { i, n in revenue(n, y, "revenue[\(i)]") }
        b.lineItems = y.list(f["line_items"], path: "line_items").enumerated().map { i, n in lineItem(n, y, "line_items[\(i)]") }
        b.projects = y.list(f["projects"], path: "projects").enumerated().map { i, n in project(n, y, "projects[\(i)]") }
        b.overallGoals = y.list(f["overall_goals"], path: "overall_goals").enumerated().map { i, n in
            y.text(n, path: "overall_goals[\(i)]") ?? ""
        }
        b.overallIndicators = y.list(f["overall_indicators"], path: "overall_indicators").enumerated().map { i, n in
            indicator(n, y, "overall_indicators[\(i)]")
        }
        b.procurement = y.list(f["procurement"], path: "procurement").enumerated().map { i, n in procurement(n, y, "procurement[\(i)]") }
        b.vehicles = y.list(f["vehicles"], path: "vehicles").enumerated().map { i, n in
            let v = y.fields(n, path: "vehicles[\(i)]", allowed: ["kind", "count"])
            return VehicleCount(kind: y.text(v["kind"], path: "vehicles[\(i)].kind", required: true) ?? "",
                                count: y.value(v["count"], path: "vehicles[\(i)].count", SourceValues.integer) ?? 0)
        }
        if let p = f["prior_year"] { b.priorYear = priorYear(p, y) }
        b.reasons = y.list(f["reasons"], path: "reasons").enumerated().map { i, n in
            let r = y.fields(n, path: "reasons[\(i)]", allowed: ["subject", "text"])
            return ChangeReason(subject: y.code(r["subject"], path: "reasons[\(i)].subject") ?? "",
                                text: y.text(r["text"], path: "reasons[\(i)].text", required: true) ?? "")
        }
        return b
    }

    static func unit(_ n: Node, _ y: YAMLNodes, _ path: String) -> BudgetUnit {
        let f = y.fields(n, path: path, allowed: ["code", "name", "kind"])
        return BudgetUnit(code: y.code(f["code"], path: path + ".code") ?? "",
                          name: y.text(f["name"], path: path + ".name", required: true) ?? "",
                          kind: y.value(f["kind"], path: path + ".kind") { SourceValues.choice($0, BudgetUnit.Kind.self, what: "unit kind") } ?? .other)
    }

    static func fund(_ n: Node?, _ y: YAMLNodes, _ path: String) -> RevenueSource {
        y.value(n, path: path) { SourceValues.choice($0, RevenueSource.self, what: "fund source") } ?? .generalBudget
    }

    static func revenue(_ n: Node, _ y: YAMLNodes, _ path: String) -> RevenueItem {
        let f = y.fields(n, path: path, allowed: ["unit", "source", "amount"])
        return RevenueItem(unit: y.code(f["unit"], path: path + ".unit") ?? "", source: fund(f["source"], y, path + ".source"),
                           amount: y.amount(f["amount"], path: path + ".amount") ?? .zero)
    }

    static func lineItem(_ n: Node, _ y: YAMLNodes, _ path: String) -> LineItem {
        let f = y.fields(n, path: path, allowed: ["unit", "functional", "economic", "government_economic", "nature", "project", "fund", "amount"])
        let project = y.code(f["project"], path: path + ".project", required: false) ?? ""
        let nature = y.value(f["nature"], path: path + ".nature", required: project.isEmpty) {
            SourceWords.nature($0, project: project)
        } ?? (project.isEmpty ? .publicCost : .project(project))
        let gov = y.code(f["government_economic"], path: path + ".government_economic", required: false)
        return LineItem(unit: y.code(f["unit"], path: path + ".unit") ?? "", functional: y.code(f["functional"], path: path + ".functional") ?? "",
                        economic: y.code(f["economic"], path: path + ".economic") ?? "",
                        governmentEconomic: gov?.isEmpty == true ? nil : gov, nature: nature, fund: fund(f["fund"], y, path + ".fund"),
                        amount: y.amount(f["amount"], path: path + ".amount") ?? .zero,
                        origin: y.log.map.position(path).map(\.description))
    }

    static let projectKeys = ["code", "name", "unit", "category", "functional", "attribute", "start", "end",
                              "basis", "overview", "goal", "indicators"]

    static func project(_ n: Node, _ y: YAMLNodes, _ path: String) -> Project {
        let f = y.fields(n, path: path, allowed: projectKeys)
        let category = y.value(f["category"], path: path + ".category") { SourceValues.choice($0, Project.Category.self, what: "project category") }
        return Project(code: y.code(f["code"], path: path + ".code") ?? "", name: y.text(f["name"], path: path + ".name", required: true) ?? "",
                       unit: y.code(f["unit"], path: path + ".unit") ?? "", category: category ?? .general,
                       functional: y.code(f["functional"], path: path + ".functional") ?? "",
                       basis: y.text(f["basis"], path: path + ".basis") ?? "", overview: y.text(f["overview"], path: path + ".overview") ?? "",
                       goal: y.text(f["goal"], path: path + ".goal") ?? "", attribute: y.text(f["attribute"], path: path + ".attribute") ?? "新增",
                       start: y.text(f["start"], path: path + ".start") ?? "", end: y.text(f["end"], path: path + ".end") ?? "",
                       indicators: y.list(f["indicators"], path: path + ".indicators").enumerated().map { i, n in
                           indicator(n, y, path + ".indicators[\(i)]")
                       })
    }

    static func indicator(_ n: Node, _ y: YAMLNodes, _ path: String) -> Indicator {
        let f = y.fields(n, path: path, allowed: ["level1", "level2", "name", "op", "value", "unit", "weight"])
        let value = y.value(f["value"], path: path + ".value", SourceValues.decimal)
        var unit = y.text(f["unit"], path: path + ".unit") ?? ""
        if value?.percent == true && unit.isEmpty { unit = "%" }
        return Indicator(level1: y.text(f["level1"], path: path + ".level1", required: true) ?? "",
                         level2: y.text(f["level2"], path: path + ".level2", required: true) ?? "",
                         name: y.text(f["name"], path: path + ".name", required: true) ?? "",
                         op: SourceValues.op(y.text(f["op"], path: path + ".op") ?? ""), value: value?.0 ?? .zero, unit: unit,
                         weight: y.value(f["weight"], path: path + ".weight", SourceValues.decimal)?.0 ?? .zero)
    }

    static func procurement(_ n: Node, _ y: YAMLNodes, _ path: String) -> ProcurementItem {
        let f = y.fields(n, path: path, allowed: ["unit", "kind", "fund", "item", "amount"])
        let kind = y.value(f["kind"], path: path + ".kind") { SourceValues.choice($0, ProcurementItem.Kind.self, what: "procurement kind") }
        return ProcurementItem(unit: y.code(f["unit"], path: path + ".unit") ?? "", kind: kind ?? .goods, fund: fund(f["fund"], y, path + ".fund"),
                               item: y.text(f["item"], path: path + ".item") ?? "", amount: y.amount(f["amount"], path: path + ".amount") ?? .zero)
    }

    static func priorYear(_ n: Node, _ y: YAMLNodes) -> PriorYear {
        let f = y.fields(n, path: "prior_year", allowed: ["total", "basic", "project", "operating_cost", "functional", "three_public"])
        func amounts(_ key: String) -> [String: Amount] {
            var out: [String: Amount] = [:]
            let path = "prior_year." + key
            guard let node = f[key], !y.isNull(node) else { return out }
            guard case .mapping(let m) = node else {
                y.log.add(.structure, at: path, y.position(node), "expected a mapping of code: amount")
                return out
            }
            y.log.map.set(path, y.position(node))
            for (k, v) in m {
                let code = SourceValues.code(k.scalar?.string ?? "")
                if out[code] != nil { y.log.add(.duplicate, at: path + "." + code, y.position(k), "“\(code)” is given twice") }
                out[code] = y.amount(v, path: path + "." + code)
            }
            return out
        }
        return PriorYear(functional: amounts("functional"), total: y.amount(f["total"], path: "prior_year.total", required: false),
                         basic: y.amount(f["basic"], path: "prior_year.basic", required: false),
                         project: y.amount(f["project"], path: "prior_year.project", required: false),
                         threePublic: amounts("three_public"),
                         operatingCost: y.amount(f["operating_cost"], path: "prior_year.operating_cost", required: false))
    }

    /// A Yams error as a position and a one-line message.
    static func describe(_ error: YamlError, file: String) -> (SourcePosition, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) (line \($0.mark.line)), " } ?? ""
            return (SourcePosition(file: file, line: mark.line, column: mark.column), "YAML syntax: \(ctx)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (SourcePosition(file: file, line: context.mark.line, column: context.mark.column),
                    "YAML: key \(duplicates.joined(separator: ", ")) given twice in one mapping")
        default:
            return (SourcePosition(file: file), "YAML: \(error)")
        }
    }
}
