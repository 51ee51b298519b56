import YusuanCore

/// 项目支出明细表, 政府采购预算明细表 and the performance forms.
enum ProjectTables {
    static func list(_ c: BuildContext, title: String, attachment: String?) -> Grid {
        var g = Grid(kind: .projectList, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        let local: [Project.Category] = [.personnel, .general, .livelihood]
        let superior: [Project.Category] = [.superiorAdvance, .superiorCarryover, .superiorMunicipal]
        g.columns = [Grid.Col(path: ["序号"], role: .serial), Grid.Col(path: ["预算单位"], role: .unit),
                     Grid.Col(path: ["项目名称"], role: .name), .money(["合计"], .total), .money(["年初特定目标", "小计"], .total)]
            + local.map { .money(["年初特定目标", $0.rawValue]) } + [.money(["上级专项", "小计"], .total)]
            + superior.map { .money(["上级专项", $0.rawValue]) }
        let projects = c.budget.projects
        func values(_ ps: [Project]) -> [Grid.Value?] {
            let total = c.books.printed(.projects(Set(ps.map(\.code))))
            // Categories that take in every project print the total, categories that take in none print zero (a
            // project's own row is one or the other in every column): neither looks a filter up again.
            func sum(_ cats: [Project.Category]) -> Grid.Value {
                let chosen = ps.filter { cats.contains($0.category) }
                if chosen.count == ps.count { return total }
                if chosen.isEmpty { return c.books.printedZero }
                return c.books.printed(.projects(Set(chosen.map(\.code))))
            }
            return [nil, nil, nil, total, sum(local)]
                + local.map { sum([$0]) } + [sum(superior)] + superior.map { sum([$0]) }
        }
        g.lines.append(.init(name: "合计", kind: .subtotal, values: values(projects)))
        let unitNames = Dictionary(c.budget.units.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (i, p) in projects.enumerated() {
            var line = Grid.Line(name: p.name, kind: .item, values: values([p]))
            line.labels = [0: String(i + 1), 1: unitNames[p.unit] ?? p.unit]
            g.lines.append(line)
        }
        return g
    }

    static func procurement(_ c: BuildContext, title: String, attachment: String?) -> Grid {
        var g = Grid(kind: .procurement, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        let kinds = ProcurementItem.Kind.allCases
        g.columns = [Grid.Col(path: ["单位名称"], role: .name), .money(["合计"], .total)]
            + kinds.map { .money(["政府采购\($0.rawValue)预算"]) }
        func fixed(_ items: [ProcurementItem]) -> Fixed {
            c.scale.figure(units: items.map { Ledger.nearest($0.amount.fen, c.scale.fen) }.reduce(0, +))
        }
        func values(_ items: [ProcurementItem]) -> [Grid.Value?] {
            [nil, .fixed(fixed(items))] + kinds.map { k in .fixed(fixed(items.filter { $0.kind == k })) }
        }
        g.lines.append(.init(name: "合计", kind: .subtotal, values: values(c.budget.procurement)))
        for unit in c.budget.units {
            let items = c.budget.procurement.filter { $0.unit == unit.code }
            if !items.isEmpty { g.lines.append(.init(name: unit.name, kind: .item, values: values(items))) }
        }
        if c.budget.procurement.isEmpty { g.notes.append("（备注：本单位无政府采购预算，故此表无数据。）") }
        return g
    }
}

extension Grid.Line {
    /// Texts for label columns other than code and name (序号, 预算单位), by column index.
    var labels: [Int: String] {
        get { labelTexts }
        set { labelTexts = newValue }
    }
}
