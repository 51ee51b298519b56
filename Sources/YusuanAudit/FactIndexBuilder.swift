import YusuanCore

/// Reads the facts out of the tables: which quantity each printed figure is, by table kind,
/// side, row (code, name, total line) and column (measure, fund, year).
struct FactIndexBuilder {
    var facts: [Fact] = []
    /// Each fact's quantity as numbers (parallel to `facts`), and the numbering.
    var keys: [QuantityKey] = []
    var interner = QuantityInterner()
    var scopesCoincide = false
    let year: Int?
    let phase: Phase
    /// Tables' identities and names interned to numbers, once per table (rules compare them per fact).
    private var identities: [SameQuantity.TableIdentity: Int] = [:]
    private var names: [TextKey: Int] = [:]
    private var currentTable = (id: 0, name: 0)
    /// The table last entered, held once for all its facts.
    private var currentSource: SharedTable?

    /// `overallForms`: the forms of the disclosure's 整体绩效目标表 tables, in document order.
    init(disclosure: Disclosure, overallForms: [PerformanceForm]) {
        year = disclosure.year
        phase = disclosure.phase
        // About a fact per cell of the tables: reserved once, not grown and copied as facts are added (a capacity
        // hint alone; should the facts outnumber the cells, the arrays grow as before).
        let cells = disclosure.tables.reduce(0) { $0 + $1.rows.count * $1.columns.count }
        facts.reserveCapacity(cells)
        keys.reserveCapacity(cells)
        // A subject is a row's, mostly: room for one a row.
        interner.reserve(subjects: disclosure.tables.reduce(0) { $0 + $1.rows.count })
        identities.reserveCapacity(disclosure.tables.count)
        names.reserveCapacity(disclosure.tables.count)
        for table in disclosure.tables where table.kind != .overallPerformance && table.kind != .projectPerformance {
            enter(table)
            read(table)
        }
        for form in overallForms {
            enter(form.table)
            readOverallForm(form)
        }
        scopesCoincide = Self.onlyGeneralBudget(disclosure)
    }

    /// Sets the numbers that the facts of `table` carry for its identity and its name.
    mutating func enter(_ table: DisclosureTable) {
        let identity = SameQuantity.TableIdentity(table)
        // Looked up once, stored only when new, in tables reserved for every table (`init`): each lookup hashes a
        // Chinese title, on its bytes where that is exact (`TextKey`).
        let id = identities[identity] ?? identities.count
        if id == identities.count { identities[identity] = id }
        let name = TextKey(table.displayName)
        let nameID = names[name] ?? names.count
        if nameID == names.count { names[name] = nameID }
        currentTable = (id, nameID)
        currentSource = SharedTable(table)
    }

    /// The origin of facts read from `row` of the table last entered (`table`, which every caller passes, is
    /// that table: the origin keeps the shared copy made by `enter`), in one of `columns`.
    func origin(_ table: DisclosureTable, row: Row, columns: [Column]) -> FactOrigin {
        FactOrigin(source: currentSource ?? SharedTable(table), row: row, columns: columns)
    }

    /// Appends a fact read from `origin`'s row in its column `slot`; `facet` is the number of its quantity's
    /// facet when already known.
    mutating func append(_ quantity: Quantity, _ figure: Figure, origin: FactOrigin, slot: Int, blank: Bool,
                         facet: Int? = nil) {
        if let facet {
            keys.append(QuantityKey(subject: interner.intern(quantity.subject), facet: facet))
        } else {
            keys.append(interner.intern(quantity))
        }
        facts.append(Fact(quantity: quantity, figure: figure, origin: origin, columnSlot: slot, blank: blank,
                          tableID: currentTable.id, tableNameID: currentTable.name))
    }

    /// The scope of a table's "total" figures.
    static func scope(of kind: TableKind) -> FundScope? {
        switch kind {
        case .budgetSummary, .revenueSummary, .expenditureSummary, .projectList: .all
        case .fiscalSummary: .fiscal
        case .generalExpenditure, .basicExpenditure, .threePublic: .general
        case .govFundExpenditure: .govFund
        case .stateCapitalExpenditure: .stateCapital
        default: nil
        }
    }

    /// A column's measure and scope within a table.
    func measureAndScope(_ col: Column, table: DisclosureTable) -> (Measure, FundScope)? {
        guard let base = Self.scope(of: table.kind), let m = col.measure else { return nil }
        // A 决算's 收入决算表 prints each function's income, which is not its expenditure (balances carry over).
        if table.kind == .revenueSummary && phase == .final { return nil }
        switch m {
        case .generalBudget: return (.total, .general)
        case .govFund: return (.total, .govFund)
        case .stateCapital: return (.total, .stateCapital)
        case .total: return (table.kind == .basicExpenditure ? .basic : .total, base)
        case .basic, .project, .personnel, .publicCost: return (m, base)
        default: return nil
        }
    }

    /// The facet of a figure of `measure` and `scope` printed in `col`.
    func facet(_ measure: Measure, _ scope: FundScope, col: Column) -> Facet {
        Facet(measure: measure, scope: scope, year: col.year ?? year, phase: col.phase ?? phase)
    }

    /// Adds the figure of `origin`'s row in its column `slot`; `facet` is the number of `facet(measure, scope, col:)`
    /// when already known.
    mutating func add(_ subject: Subject, _ measure: Measure, _ scope: FundScope, table: DisclosureTable, origin: FactOrigin,
                      slot: Int, facet: Int? = nil) {
        let col = origin.columns[slot]
        // The cell read in place (`row.cell` copies it: its text and location).
        guard col.index < origin.row.cells.count else { return }
        let number = origin.row.cells[col.index].number
        let blank = origin.row.cells[col.index].isBlank
        let value: Fixed
        var unit = table.unit
        var exact = false
        if let n = number, !n.isPercent {
            value = n.value
            unit = n.unit ?? unit
            exact = n.isDash
        } else if blank {
            value = .zero
            exact = true
        } else {
            return
        }
        let q = Quantity(subject, measure, scope: scope, year: col.year ?? year, phase: col.phase ?? phase)
        append(q, Figure(value, unit: unit, exact: exact), origin: origin, slot: slot, blank: blank, facet: facet)
    }

    mutating func read(_ table: DisclosureTable) {
        if table.kind == .threePublic { readThreePublic(table); return }
        let measured = table.moneyColumns.compactMap { col in measureAndScope(col, table: table).map { (col, $0.0, $0.1) } }
        // Each column's facet is numbered once per table, not once per figure.
        var facets: [Int] = []
        for (col, measure, scope) in measured { facets.append(interner.intern(facet(measure, scope, col: col))) }
        // One origin per row, made at its first figure and shared by the row's facts.
        let columns = measured.map(\.0)
        for row in table.rows {
            var rowOrigin: FactOrigin?
            for (slot, ((_, measure, scope), columnFacet)) in zip(measured, facets).enumerated() {
                if let subject = subject(of: row, table: table, measure: measure) {
                    // A project list's total line is the department's project expenditure; a basic
                    // table's "人员经费合计" / "公用经费合计" (a table printed in two halves) is that part of it.
                    var m = measure
                    var known: Int? = columnFacet
                    if table.kind == .projectList && subject == .expenditureTotal {
                        m = .project
                        known = nil
                    }
                    if table.kind == .basicExpenditure, subject == .expenditureTotal, measure == .basic,
                       let part = MeasureVocabulary.measure(of: row.name), part == .personnel || part == .publicCost {
                        m = part
                        known = nil
                    }
                    let o = rowOrigin ?? origin(table, row: row, columns: columns)
                    rowOrigin = o
                    add(subject, m, scope, table: table, origin: o, slot: slot, facet: known)
                }
            }
        }
    }

    func subject(of row: Row, table: DisclosureTable, measure: Measure) -> Subject? {
        if table.kind == .projectList {
            if row.kind == .subtotal || row.kind == .grandTotal { return measure == .total ? .expenditureTotal : nil }
            return row.name.isEmpty ? nil : .project(TextNormalization.key(row.name))
        }
        if table.kind == .budgetSummary || table.kind == .fiscalSummary, row.kind == .grandTotal {
            return measure == .total ? .grandTotal : nil
        }
        if table.side == .income {
            if row.kind == .subtotal { return .incomeTotal }
            if table.kind == .fiscalSummary, row.outline == 1, TextNormalization.key(row.name).contains("本年收入") { return .incomeTotal }
            if table.kind == .budgetSummary, row.kind == .item, let m = MeasureVocabulary.measure(of: row.name), m != .total, m != .carryover {
                return .income(m)
            }
            return nil
        }
        if let code = row.code {
            if code.scheme == .functional { return .functional(code.digits) }
            return row.codePrinted ? .economic(code.digits) : nil
        }
        if row.kind == .subtotal { return .expenditureTotal }
        if row.kind == .grandTotal && !table.rows.contains(where: { $0.kind == .subtotal }) && table.side == .whole { return .expenditureTotal }
        if table.kind == .fiscalSummary, row.outline == 1, TextNormalization.key(row.name).contains("本年支出") { return .expenditureTotal }
        return nil
    }

    /// The department's performance form states its total expenditure (支出预算总量) and often
    /// its 项目支出 / 基本支出 as indicators in 万元: the same quantities as the tables print.
    mutating func readOverallForm(_ form: PerformanceForm) {
        if let amount = form.amount, let field = form.amountField {
            let cell = Cell(text: field.value, location: field.location)
            let row = Row(code: nil, codePrinted: false, name: field.label, kind: .item, outline: nil, cells: [cell], location: field.location)
            let col = Column(index: 0, headerPath: [field.label], role: .money, measure: .total)
            append(Quantity(.expenditureTotal, .total, scope: .all, year: year, phase: phase),
                   amount, origin: origin(form.table, row: row, columns: [col]), slot: 0, blank: false)
        }
        for indicator in form.indicators {
            guard let value = indicator.value, let money = indicator.money, money.per == nil,
                  let unit = MoneyUnit.allCases.first(where: { $0.fenPerUnit == money.yuanPerUnit * 100 }),
                  let valueColumn = form.columns.value else { continue }
            let key = indicator.key
            let measure: Measure? = key.hasPrefix("项目支出") ? .project : key.hasPrefix("基本支出") ? .basic : nil
            guard let measure, indicator.op == nil || indicator.op == "=" else { continue }
            append(Quantity(.expenditureTotal, measure, scope: .all, year: year, phase: phase),
                   Figure(value, unit: unit), origin: origin(form.table, row: indicator.row, columns: [valueColumn]), slot: 0,
                   blank: false)
        }
    }

    /// 三公 figures: items as columns (first row, the department's total) or as rows.
    mutating func readThreePublic(_ table: DisclosureTable) {
        let itemMeasures: Set<Measure> = [.total, .threePublicOutbound, .threePublicReception, .threePublicVehicle,
                                          .threePublicVehiclePurchase, .threePublicVehicleOperation]
        let cols = table.moneyColumns
        if cols.contains(where: { ($0.measure ?? .total) != .total && itemMeasures.contains($0.measure ?? .other) }) {
            guard let row = table.rows.first else { return }
            let o = origin(table, row: row, columns: cols)
            for (slot, c) in cols.enumerated() {
                if let m = c.measure, itemMeasures.contains(m) { add(.threePublic(m), .total, .general, table: table, origin: o, slot: slot) }
            }
            return
        }
        for (slot, c) in cols.enumerated() where c.measure == .total {
            var seen = Set<Measure>()
            for row in table.rows {
                let m: Measure? = row.kind == .subtotal || row.kind == .grandTotal ? .total : MeasureVocabulary.measure(of: row.name)
                guard let m, itemMeasures.contains(m), seen.insert(m).inserted else { continue }
                add(.threePublic(m), .total, .general, table: table, origin: origin(table, row: row, columns: cols), slot: slot)
            }
        }
    }

    /// Whether the department's only income is the general public budget (then 部门, 财政拨款 and
    /// 一般公共预算 figures must agree).
    static func onlyGeneralBudget(_ d: Disclosure) -> Bool {
        guard let income = d.table(.budgetSummary, side: .income), let col = income.moneyColumns.first else { return false }
        var sawGeneral = false
        for row in income.rows where row.kind == .item {
            let value = row.number(col.index) ?? .zero
            if MeasureVocabulary.measure(of: row.name) == .generalBudget {
                sawGeneral = true
            } else if !value.isZero {
                return false
            }
        }
        return sawGeneral
    }
}
