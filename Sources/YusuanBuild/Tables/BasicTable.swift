import YusuanCore

/// 一般公共预算财政拨款基本支出表: rows 合计 + economic 类/款, columns 总计 | 人员经费 | 日常公用经费.
enum BasicTable {
    static func build(_ c: BuildContext, title: String, attachment: String?) -> Grid {
        let scope = LeafFilter.fund(.generalBudget).and(.basic)
        var g = Grid(kind: .basicExpenditure, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        let head = "\(c.year)年基本支出"
        g.columns = [.code, .name, .money([head, "总计"], .total, year: c.year), .money([head, "人员经费"], .personnel, year: c.year),
                     .money([head, "日常公用经费"], .publicCost, year: c.year)]
        func values(_ p: LeafFilter) -> [Grid.Value?] {
            [nil, nil, c.books.printed(scope.and(p)), c.books.printed(scope.and(p).and(.personnel)),
             c.books.printed(scope.and(p).and(.publicCost))]
        }
        g.lines.append(.init(name: "合计", kind: .subtotal, values: values(.all)))
        for code in c.economicCodes(scope) {
            g.lines.append(.init(code: code, name: c.economicName(code), kind: .item, values: values(.economic(code))))
        }
        return g
    }
}

/// “三公”经费支出表: last year's and this year's 总计, 因公出国（境）, 公务用车 (小计, 购置, 运行维护), 公务接待.
enum ThreePublicTable {
    /// The economic 款 that hold each 三公 item (Resources/catalogs/threepublic.tsv).
    static func economicCodes(_ item: Measure) -> [String] {
        ReferenceTables.threePublicCodes[item.rawValue] ?? []
    }

    /// The table's figures noted now (`c`'s books); its note (no 三公 budget) written from the rounded figures.
    static func build(_ c: BuildContext, title: String, attachment: String?) -> (RoundedBooks) -> DisclosureTable {
        var g = Grid(kind: .threePublic, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        let items: [(String, Measure)] = [("总计", .total), ("因公出国（境）费用", .threePublicOutbound)]
        let vehicle: [(String, Measure)] = [("小计", .threePublicVehicle), ("公务用车购置", .threePublicVehiclePurchase),
                                            ("公务用车运行维护费", .threePublicVehicleOperation)]
        for (year, head) in [(c.year - 1, "\(c.year - 1)年预算数"), (c.year, "\(c.year)年预算数")] {
            for (name, m) in items { g.columns.append(.money([head, name], m, year: year)) }
            for (name, m) in vehicle { g.columns.append(.money([head, "公务用车购置及运行费", name], m, year: year)) }
            g.columns.append(.money([head, "公务接待费"], .threePublicReception, year: year))
        }
        func current(_ m: Measure) -> Grid.Value {
            let codes: [String]
            switch m {
            case .total: codes = [.threePublicOutbound, .threePublicVehiclePurchase, .threePublicVehicleOperation, .threePublicReception].flatMap(economicCodes)
            case .threePublicVehicle: codes = [.threePublicVehiclePurchase, .threePublicVehicleOperation].flatMap(economicCodes)
            default: codes = economicCodes(m)
            }
            return c.books.printed(LeafFilter.fund(.generalBudget).and(.economicCodes(Set(codes))))
        }
        let prior = c.budget.priorYear.threePublic
        func last(_ m: Measure) -> Fixed {
            func units(_ key: Measure) -> Int64 { Ledger.nearest(prior[key.rawValue]?.fen ?? 0, c.scale.fen) }
            let parts: [Measure] = [.threePublicOutbound, .threePublicVehiclePurchase, .threePublicVehicleOperation, .threePublicReception]
            switch m {
            case .total: return c.scale.figure(units: parts.map(units).reduce(0, +))
            case .threePublicVehicle: return c.scale.figure(units: units(.threePublicVehiclePurchase) + units(.threePublicVehicleOperation))
            default: return c.scale.figure(units: units(m))
            }
        }
        let values: [Grid.Value?] = g.columns.map { col in
            guard let m = col.measure else { return nil }
            return col.year == c.year ? current(m) : .fixed(last(m))
        }
        g.lines.append(.init(code: nil, name: "", kind: .item, values: values))
        return { [g] rounded in
            let books = rounded.at(g.scale)
            var grid = g
            if values.allSatisfy({ $0?.figure(books).isZero ?? true }) { grid.notes.append("（备注：本单位无“三公”经费预算，故此表无数据。）") }
            return grid.table(books)
        }
    }
}
