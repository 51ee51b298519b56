import YusuanCore

/// Assembles a DisclosureTable from header paths and rows of figures; zero prints blank, as disclosures do.
struct Grid {
    struct Col {
        var path: [String]
        var role: ColumnRole
        var measure: Measure?
        var year: Int?
    }

    struct Line {
        var code: String?
        var name: String
        var kind: RowKind
        /// One entry per column: text for label columns, a figure for money columns (nil: blank).
        var values: [Fixed?]
        var labelTexts: [Int: String] = [:]

        init(code: String?, name: String, kind: RowKind, values: [Fixed?]) {
            self.code = code
            self.name = name
            self.kind = kind
            self.values = values
        }
    }

    var kind: TableKind
    var side: TableSide = .whole
    var title: String
    var attachment: String?
    var columns: [Col] = []
    var lines: [Line] = []
    var notes: [String] = []
    /// How figures print: the decimals and grouping of the table's profile.
    var format: FigureFormat = .standard
    /// The compiler's first pass, which only learns the printed sets (`Books.recorder`): the table is thrown
    /// away, so `table()` writes no cells.
    var recording = false

    func table() -> DisclosureTable {
        if recording {
            return DisclosureTable(kind: kind, side: side, title: title, attachment: attachment, unit: .wanYuan, unitDeclared: true,
                                   columns: [], rows: [], notes: notes, location: SourceLocation())
        }
        let cols = columns.enumerated().map { i, c in
            Column(index: i, headerPath: c.path, role: c.role, measure: c.measure, year: c.year, phase: .budget)
        }
        let rows = lines.map { line -> Row in
            var cells: [Cell] = []
            cells.reserveCapacity(columns.count)
            for (i, c) in columns.enumerated() {
                let text: String
                switch c.role {
                case .code: text = line.code ?? ""
                case .name: text = line.name
                case .serial, .unit, .text: text = line.labelTexts[i] ?? ""
                default:
                    let v = i < line.values.count ? line.values[i] : nil
                    guard let v, !v.isZero else {
                        cells.append(Cell(text: "", number: nil, location: SourceLocation()))
                        continue
                    }
                    // The figure as printed, without parsing the text back.
                    cells.append(format.cell(v))
                    continue
                }
                cells.append(Cell(text: text, location: SourceLocation()))
            }
            return Row(code: line.code.flatMap(ClassificationCode.parse), codePrinted: line.code != nil, name: line.name,
                       kind: line.kind, outline: RowLabels.depth(line.name), cells: cells, location: SourceLocation())
        }
        return DisclosureTable(kind: kind, side: side, title: title, attachment: attachment, unit: .wanYuan, unitDeclared: true,
                               columns: cols, rows: rows, notes: notes, location: SourceLocation())
    }
}

extension Grid.Col {
    static let code = Grid.Col(path: ["科目编码"], role: .code)
    static let name = Grid.Col(path: ["科目名称"], role: .name)
    static func money(_ path: [String], _ measure: Measure? = nil, year: Int? = nil) -> Grid.Col {
        Grid.Col(path: path, role: .money, measure: measure, year: year)
    }
}

extension FigureFormat {
    /// A money cell printing `value`: the text `text(_:)` gives, and the figure `NumberParser` would read from
    /// it (the value rounded to `digits` decimals at that scale), without parsing it. Falls back to parsing
    /// when the rounded value cannot be held at that scale.
    func cell(_ value: Fixed) -> Cell {
        let r = value.rounded(to: digits)
        let printed = r.rescaled(to: digits) ?? r
        let plain = printed.description
        let text = grouping ? FigureFormat.grouped(plain) : plain
        guard printed.scale == digits, printed.mantissa != .min else { return Cell(text: text, location: SourceLocation()) }
        return Cell(text: text, number: PrintedNumber(value: printed), location: SourceLocation())
    }
}
