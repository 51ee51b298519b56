import Yams
import YusuanCore

/// Writes a `Budget` in the YAML encoding: keys in schema order, amounts as quoted decimal 元
/// ("1234.50"), codes quoted, prose as literal blocks. Empty lists and absent values are left out.
enum YAMLSourceWriter {
    static func write(_ b: Budget) throws(SourceErrors) -> String {
        var top: [(String, Node)] = [("department", text(b.department))]
        if let c = b.departmentCode { top.append(("department_code", quoted(c))) }
        top.append(("year", plain(String(b.year))))
        top.append(("profile", text(b.profile)))
        if let c = b.contact { top.append(("contact", text(c))) }
        if !b.duties.isEmpty { top.append(("duties", text(b.duties))) }
        if !b.composition.isEmpty { top.append(("composition", text(b.composition))) }
        var staffing = [("in_post", plain(String(b.staffing.inPost))), ("retired", plain(String(b.staffing.retired)))]
        if let a = b.staffing.asOf { staffing.append(("as_of", text(a))) }
        top.append(("staffing", map(staffing)))
        top.append(("units", list(b.units) { u in
            map([("code", quoted(u.code)), ("name", text(u.name)), ("kind", text(u.kind.rawValue))])
        }))
        top.append(("revenue", list(b.revenue) { r in
            map([("unit", quoted(r.unit)), ("source", text(r.source.rawValue)), ("amount", amount(r.amount))])
        }))
        top.append(("line_items", list(b.lineItems, lineItem)))
        top.append(("projects", list(b.projects, project)))
        top.append(("overall_goals", list(b.overallGoals, text)))
        top.append(("overall_indicators", list(b.overallIndicators, indicator)))
        top.append(("procurement", list(b.procurement) { p in
            map([("unit", quoted(p.unit)), ("kind", text(p.kind.rawValue)), ("fund", text(p.fund.rawValue)),
                 ("item", text(p.item)), ("amount", amount(p.amount))])
        }))
        top.append(("vehicles", list(b.vehicles) { v in map([("kind", text(v.kind)), ("count", plain(String(v.count)))]) }))
        top.append(("prior_year", priorYear(b.priorYear)))
        top.append(("reasons", list(b.reasons) { r in map([("subject", quoted(r.subject)), ("text", text(r.text))]) }))
        let pairs = top.filter { pair in
            if case .sequence(let s) = pair.1 { return !s.isEmpty }
            if case .mapping(let m) = pair.1, pair.0 == "prior_year" { return !m.isEmpty }
            return true
        }
        do {
            return try Yams.serialize(node: map(pairs), indent: 2, width: -1, allowUnicode: true)
        } catch {
            throw SourceErrors(.unreadable, file: "", "could not write YAML: \(error)")
        }
    }

    static func lineItem(_ l: LineItem) -> Node {
        var f = [("unit", quoted(l.unit)), ("functional", quoted(l.functional)), ("economic", quoted(l.economic))]
        if let g = l.governmentEconomic { f.append(("government_economic", quoted(g))) }
        let w = SourceWords.word(l.nature)
        f.append(("nature", text(w.nature)))
        if !w.project.isEmpty { f.append(("project", quoted(w.project))) }
        f += [("fund", text(l.fund.rawValue)), ("amount", amount(l.amount))]
        return map(f)
    }

    static func project(_ p: Project) -> Node {
        var f = [("code", quoted(p.code)), ("name", text(p.name)), ("unit", quoted(p.unit)), ("category", text(p.category.rawValue)),
                 ("functional", quoted(p.functional)), ("attribute", text(p.attribute)), ("start", text(p.start)), ("end", text(p.end)),
                 ("basis", text(p.basis)), ("overview", text(p.overview)), ("goal", text(p.goal))]
        if !p.indicators.isEmpty { f.append(("indicators", list(p.indicators, indicator))) }
        return map(f)
    }

    static func indicator(_ i: Indicator) -> Node {
        map([("level1", text(i.level1)), ("level2", text(i.level2)), ("name", text(i.name)), ("op", quoted(i.op)),
             ("value", quoted(i.value.description)), ("unit", text(i.unit)), ("weight", quoted(i.weight.description))])
    }

    static func priorYear(_ p: PriorYear) -> Node {
        var f: [(String, Node)] = []
        if let t = p.total { f.append(("total", amount(t))) }
        if let t = p.basic { f.append(("basic", amount(t))) }
        if let t = p.project { f.append(("project", amount(t))) }
        if let t = p.operatingCost { f.append(("operating_cost", amount(t))) }
        if !p.functional.isEmpty {
            f.append(("functional", map(p.functional.sorted { $0.key < $1.key }.map { ($0.key, amount($0.value)) }, quotedKeys: true)))
        }
        if !p.threePublic.isEmpty {
            f.append(("three_public", map(p.threePublic.sorted { $0.key < $1.key }.map { ($0.key, amount($0.value)) }, quotedKeys: true)))
        }
        return map(f)
    }

    // MARK: nodes

    static func map(_ pairs: [(String, Node)], quotedKeys: Bool = false) -> Node {
        .mapping(Node.Mapping(pairs.map { (quotedKeys ? quoted($0.0) : Node($0.0), $0.1) }, .implicit, .block))
    }

    static func list<T>(_ items: [T], _ node: (T) -> Node) -> Node {
        .sequence(Node.Sequence(items.map(node), .implicit, .block))
    }

    static func plain(_ s: String) -> Node { Node(s, .implicit, .plain) }
    static func quoted(_ s: String) -> Node { Node(s, .implicit, .doubleQuoted) }
    static func amount(_ a: Amount) -> Node { quoted(SourceValues.format(a)) }

    /// Prose: a literal block when it has line breaks, quoted when plain text would read as another
    /// type (a number, true, null) or lose spaces; otherwise as the emitter sees fit.
    static func text(_ s: String) -> Node {
        if s.contains("\n") { return Node(s, .implicit, .literal) }
        let resolved = Resolver.default.resolveTag(of: Node(s, .implicit, .plain))
        if resolved != .str || s.isEmpty || s.first?.isWhitespace == true || s.last?.isWhitespace == true {
            return quoted(s)
        }
        return Node(s, .implicit, .any)
    }
}
