import YusuanCore

/// The 收入 | 支出 summary tables: 财政拨款收支总表 and 部门收支总表, each built as its two sides.
enum SummaryTables {
    static func fiscal(_ c: BuildContext, title: String, attachment: String?) -> [Grid] {
        let funds: [RevenueSource] = [.generalBudget, .govFund, .stateCapital]
        let fiscal = LeafFilter.funds(Set(funds))
        var income = Grid(kind: .fiscalSummary, side: .income, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        income.columns = [Grid.Col(path: ["项目"], role: .name), .money(["预算数"], .total)]
        income.lines.append(.init(name: "一、本年收入", kind: .item, values: [nil, c.books.printed(fiscal)]))
        for (i, f) in funds.enumerated() {
            income.lines.append(.init(name: "(\(ChineseNumerals.ordinal(i + 1)))\(f.rawValue)", kind: .item, values: [nil, c.books.printed(.fund(f))]))
        }
        income.lines.append(.init(name: "二、上年结转", kind: .item, values: [nil, nil]))
        for (i, f) in funds.enumerated() {
            income.lines.append(.init(name: "(\(ChineseNumerals.ordinal(i + 1)))\(f.rawValue)", kind: .item, values: [nil, nil]))
        }
        income.lines.append(.init(name: "收入总计", kind: .grandTotal, values: [nil, c.books.printed(fiscal)]))

        var spend = Grid(kind: .fiscalSummary, side: .expenditure, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        spend.columns = [Grid.Col(path: ["支出科目"], role: .name), .money(["合计"], .total)]
            + [("一般公共预算", Measure.generalBudget), ("政府性基金预算", .govFund), ("国有资本经营预算", .stateCapital)].map { .money([$0.0], $0.1) }
        func values(_ p: LeafFilter) -> [Grid.Value?] {
            // A 类 no leaf has prints zero in every column: its narrower filters are not looked up.
            if c.books.selectsNothing(p) { return [nil] + Array(repeating: c.books.printedZero, count: 1 + funds.count) }
            return [nil, c.books.printed(p.and(fiscal))] + funds.map { f in c.books.printed(p.and(.fund(f))) }
        }
        spend.lines.append(.init(name: "一、本年支出", kind: .item, values: values(.all)))
        for (i, code) in c.summaryClasses.enumerated() {
            spend.lines.append(.init(name: "(\(ChineseNumerals.ordinal(i + 1)))\(c.functionalName(code))", kind: .item,
                                     values: values(BuildContext.inFunctional(code))))
        }
        spend.lines.append(.init(name: "二、结转下年", kind: .item, values: [nil, nil, nil, nil, nil]))
        spend.lines.append(.init(name: "支出总计", kind: .grandTotal, values: values(.all)))
        return [income, spend]
    }

    static func department(_ c: BuildContext, title: String, attachment: String?) -> [Grid] {
        let sources = RevenueSource.allCases.filter { $0 != .carryover }
        var income = Grid(kind: .budgetSummary, side: .income, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        income.columns = [Grid.Col(path: ["项目"], role: .name), .money(["预算数"], .total)]
        for s in sources {
            let name = s.rawValue.hasSuffix("收入") ? s.rawValue : s.rawValue + "收入"
            income.lines.append(.init(name: name, kind: .item, values: [nil, c.books.printed(.fund(s))]))
        }
        let thisYear = LeafFilter.funds(Set(RevenueSource.allCases.filter { $0 != .carryover }))
        income.lines.append(.init(name: "本年收入合计", kind: .subtotal, values: [nil, c.books.printed(thisYear)]))
        income.lines.append(.init(name: "上年结转", kind: .item, values: [nil, c.books.printed(.fund(.carryover))]))
        income.lines.append(.init(name: "收入总计", kind: .grandTotal, values: [nil, c.books.printed(.all)]))

        var spend = Grid(kind: .budgetSummary, side: .expenditure, title: c.title(title), attachment: attachment, format: c.format, scale: c.scale)
        spend.columns = [Grid.Col(path: ["项目"], role: .name), .money(["预算数"], .total)]
        for (i, code) in c.summaryClasses.enumerated() {
            spend.lines.append(.init(name: "\(ChineseNumerals.ordinal(i + 1))、\(c.functionalName(code))", kind: .item,
                                     values: [nil, c.books.printed(BuildContext.inFunctional(code))]))
        }
        spend.lines.append(.init(name: "本年支出合计", kind: .subtotal, values: [nil, c.books.printed(.all)]))
        spend.lines.append(.init(name: "结转下年", kind: .item, values: [nil, nil]))
        spend.lines.append(.init(name: "支出总计", kind: .grandTotal, values: [nil, c.books.printed(.all)]))
        return [income, spend]
    }
}

extension Grid.Line {
    init(name: String, kind: RowKind, values: [Grid.Value?]) {
        self.init(code: nil, name: name, kind: kind, values: values)
    }
}
