import YusuanCore

/// Tables whose rows are 功能分类 codes: 一般公共预算支出表, 部门支出总表, 政府性基金 and 国有资本经营 tables.
enum FunctionalTables {
    /// Rows 合计 + 类/款/项 with money, columns 总计 | 基本支出 | 项目支出 (and last year's total when given).
    static func expenditure(_ c: BuildContext, kind: TableKind, title: String, attachment: String?,
                            scope: LeafFilter, priorYear: Bool, emptyNote: String?) -> Grid {
        var g = Grid(kind: kind, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        let current = "\(c.year)年预算数"
        let prior = "\(c.year - 1)年预算数"
        let showPrior = priorYear && !c.budget.priorYear.functional.isEmpty
        g.columns = [.code, .name]
        if showPrior { g.columns.append(.money([prior], .total, year: c.year - 1)) }
        let head = showPrior ? [current] : []
        g.columns += [.money(head + ["总计"], .total, year: c.year), .money(head + ["基本支出"], .basic, year: c.year),
                      .money(head + ["项目支出"], .project, year: c.year)]
        let priorRounded = PriorYearFigures(c.budget.priorYear, scale: c.scale)
        func values(_ p: LeafFilter, code: String?) -> [Grid.Value?] {
            var v: [Grid.Value?] = [nil, nil]
            if showPrior { v.append(.fixed(code.map { priorRounded.functional($0) } ?? priorRounded.functionalTotal)) }
            v += [c.books.printed(p), c.books.printed(p.and(.basic)), c.books.printed(p.and(.project))]
            return v
        }
        g.lines.append(.init(code: nil, name: "合计", kind: .subtotal, values: values(scope, code: nil)))
        let extra = showPrior ? Array(c.budget.priorYear.functional.keys) : []
        for code in c.functionalCodes(scope, extra: extra) {
            let p = scope.and(.functional(code))
            g.lines.append(.init(code: code, name: c.functionalName(code), kind: .item, values: values(p, code: code)))
        }
        if g.lines.count == 1, let note = emptyNote { g.notes.append(note) }
        return g
    }

    /// 部门收入总表: rows 合计 + functional codes, columns 合计 and each revenue source.
    static func revenue(_ c: BuildContext, title: String, attachment: String?) -> Grid {
        var g = Grid(kind: .revenueSummary, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        let sources = RevenueSource.allCases
        g.columns = [.code, .name, .money(["合计"], .total)] + sources.map { .money([$0.rawValue], MeasureVocabulary.measure(of: $0.rawValue)) }
        // A fund no leaf has prints zero in every row: its filters are not looked up.
        let held = sources.map { !c.books.selectsNothing(.fund($0)) }
        func values(_ p: LeafFilter) -> [Grid.Value?] {
            [nil, nil, c.books.printed(p)] + sources.indices.map { i in held[i] ? c.books.printed(p.and(.fund(sources[i]))) : c.books.printedZero }
        }
        g.lines.append(.init(code: nil, name: "合计", kind: .subtotal, values: values(.all)))
        for code in c.functionalCodes(.all) {
            g.lines.append(.init(code: code, name: c.functionalName(code), kind: .item, values: values(BuildContext.inFunctional(code))))
        }
        return g
    }
}

/// Last year's figures rounded once at a print scale, so that their 类/款 sums print additively too.
struct PriorYearFigures {
    let units: [String: Int64]  // 项 code → printed units
    let scale: PrintScale

    init(_ prior: PriorYear, scale: PrintScale) {
        self.scale = scale
        let codes = prior.functional.keys.filter { $0.count == 7 }.sorted()
        let fen = codes.map { prior.functional[$0]?.fen ?? 0 }
        var aggregates: [[Int]] = [Array(codes.indices)]
        for prefix in Set(codes.flatMap { [String($0.prefix(3)), String($0.prefix(5))] }) {
            aggregates.append(codes.indices.filter { codes[$0].hasPrefix(prefix) })
        }
        let rounded = LeafRounding.round(fen, unit: scale.fen, aggregates: aggregates)
        var map: [String: Int64] = [:]
        for (i, code) in codes.enumerated() { map[code] = rounded[i] }
        units = map
    }

    func functional(_ code: String) -> Fixed {
        scale.figure(units: units.filter { $0.key.hasPrefix(code) }.values.reduce(0, +))
    }

    var functionalTotal: Fixed { scale.figure(units: units.values.reduce(0, +)) }
}
