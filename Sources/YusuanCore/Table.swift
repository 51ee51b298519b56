/// One printed cell: its text as printed and the figure read from it.
public struct Cell: Hashable, Sendable, Codable {
    public var text: String
    public var number: PrintedNumber?
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.number = NumberParser.parse(text)
        self.location = location
    }

    /// A cell whose figure is already known (a builder printing an exact amount): `number` must be what
    /// `NumberParser.parse(text)` reads from `text`; the text is not parsed again.
    public init(text: String, number: PrintedNumber?, location: SourceLocation) {
        self.text = text
        self.number = number
        self.location = location
    }

    /// Empty or only white space (`text.trimmed.isEmpty`, without making the trimmed text). Inlinable: a call
    /// the optimiser cannot see into makes a rule copy the whole cell out of its row (`row.cells[i].isBlank`).
    @inlinable public var isBlank: Bool { TextNormalization.isBlank(text) }
}

/// What a row stands for.
public enum RowKind: String, Sendable, Codable {
    /// An ordinary line: a 科目, an income source, a project.
    case item
    /// 合计 / 本年收入合计 / 本年支出合计: the sum of the items above or below it.
    case subtotal
    /// 总计 / 收入总计 / 支出总计: the sum of subtotals and the items beside them.
    case grandTotal = "grand-total"
    /// "其中：…" lines that restate part of the line above and do not add.
    case ofWhich = "of-which"
}

/// One row of a table.
public struct Row: Hashable, Sendable, Codable {
    // `name` is declared first so that the compiler's memberwise initialiser, `init(name:code:…)`, differs from the
    // public one below, which calls it (JSON keys are written sorted, so the order does not show there).
    public var name: String
    /// A classification code printed in the row (or derived from its name via the catalog).
    public var code: ClassificationCode?
    /// Whether `code` was printed (false: derived from the name).
    public var codePrinted: Bool
    public var kind: RowKind
    /// Outline depth from ordinal prefixes: "一、" 1, "(一)" 2, "1." 3, "(1)" 4; nil when none.
    public var outline: Int?
    /// Cells aligned with the table's columns.
    public var cells: [Cell]
    public var location: SourceLocation

    public func cell(_ column: Int) -> Cell? { column < cells.count ? cells[column] : nil }

    /// The figure in `column`; a blank cell or "-" counts as zero when `blankAsZero`.
    public func number(_ column: Int, blankAsZero: Bool = true) -> Fixed? {
        // The cell read in place, not copied out (`cell(column)`).
        guard column < cells.count else { return blankAsZero ? .zero : nil }
        if let n = cells[column].number, !n.isPercent { return n.value }
        return cells[column].isBlank && blankAsZero ? .zero : nil
    }

    public var label: String {
        if let code, codePrinted { return "\(code.digits) \(name)" }
        return name
    }
}

extension Row {
    /// Made by the memberwise initialiser (declared in an extension, this one leaves it to the compiler), which forms
    /// the value whole: written field by field into `self`, every row made was copied and the copy destroyed, as
    /// `RawLine`'s lines were (audit round 42).
    public init(code: ClassificationCode?, codePrinted: Bool, name: String, kind: RowKind, outline: Int?, cells: [Cell], location: SourceLocation) {
        self.init(name: name, code: code, codePrinted: codePrinted, kind: kind, outline: outline, cells: cells, location: location)
    }
}

/// Which side of a 收入 | 支出 table a part holds.
public enum TableSide: String, Sendable, Codable {
    case whole, income, expenditure
}

/// A table as published: title, attachment number, unit, columns and rows, with source locations.
public struct DisclosureTable: Hashable, Sendable, Codable {
    public var kind: TableKind
    public var side: TableSide
    public var title: String
    /// "1", "12-3": the number after 附件 / 附表, when printed.
    public var attachment: String?
    public var unit: MoneyUnit
    /// Whether the unit was printed, or assumed.
    public var unitDeclared: Bool
    public var columns: [Column]
    public var rows: [Row]
    /// Notes printed with the table (备注, 注, "本单位无…故此表无数据").
    public var notes: [String]
    public var location: SourceLocation
    /// The table appears to stop before its end (the text is cut off).
    public var truncated: Bool
    /// Key-value fields of a form-like table (performance tables): 项目名称, 资金总额 ...
    public var fields: [FormField]

    public init(kind: TableKind, side: TableSide = .whole, title: String, attachment: String?, unit: MoneyUnit,
                unitDeclared: Bool, columns: [Column], rows: [Row], notes: [String] = [],
                location: SourceLocation, truncated: Bool = false, fields: [FormField] = []) {
        self.kind = kind
        self.side = side
        self.title = title
        self.attachment = attachment
        self.unit = unit
        self.unitDeclared = unitDeclared
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.location = location
        self.truncated = truncated
        self.fields = fields
    }

    public var moneyColumns: [Column] { columns.filter { $0.role == .money } }

    /// `!moneyColumns.isEmpty`, without making the array.
    public var hasMoneyColumns: Bool { columns.contains { $0.role == .money } }

    public func columns(_ measure: Measure) -> [Column] { columns.filter { $0.measure == measure } }

    /// Whether no money cell of the table holds a non-zero figure.
    public var hasNoData: Bool {
        // The money columns found once, not once a row.
        let money = moneyColumns
        return !rows.contains { row in money.contains { col in (row.number(col.index, blankAsZero: true) ?? .zero) != .zero } }
    }

    /// "附件2 一般公共预算财政拨款支出预算表" — how findings name the table.
    public var displayName: String {
        var s = ""
        if let attachment { s = "附件\(attachment) " }
        s += title
        if side == .income { s += "（收入）" }
        if side == .expenditure { s += "（支出）" }
        return s
    }
}

/// A labelled field of a form-like table, e.g. 资金总额（万元） = 11.
public struct FormField: Hashable, Sendable, Codable {
    public var label: String
    public var value: String
    public var location: SourceLocation

    public init(label: String, value: String, location: SourceLocation) {
        self.label = label
        self.value = value
        self.location = location
    }
}
