import YusuanCore

/// Assembles a DisclosureTable from header paths and rows of figures; zero prints blank, as disclosures do.
struct Grid {
    struct Col {
        var path: [String]
        var role: ColumnRole
        var measure: Measure?
        var year: Int?
    }

    /// A money cell's figure: known when the grid is built, or the printed figure of a selection of leaves (its
    /// number in the `LeafIndex` the recording and the rounded books share), read when the table is made
    /// (`table(_:)`), after the leaves are rounded. So a grid is built once, before rounding, and prints rounded figures.
    enum Value {
        case fixed(Fixed)
        case selection(Int)

        /// The figure printed: a selection's read from `books` (the rounded books, at the grid's scale).
        func figure(_ books: Books) -> Fixed {
            figure(books, selections: books.index.results)
        }

        /// `figure(books)`, a selection's leaves read from `selections` (`books.index.results`, read once for a
        /// table's figures: each read of it is a run-time exclusivity check of the index's state).
        func figure(_ books: Books, selections: [[Int]]) -> Fixed {
            switch self {
            case .fixed(let f): f
            case .selection(let number): books.figure(of: selections[number])
            }
        }
    }

    struct Line {
        var code: String?
        var name: String
        var kind: RowKind
        /// One entry per column: text for label columns, a figure for money columns (nil: blank).
        var values: [Value?]
        var labelTexts: [Int: String] = [:]

        init(code: String?, name: String, kind: RowKind, values: [Value?]) {
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
    /// The scale the grid's selections print at (the books it was built with).
    var scale: PrintScale = .wanYuan

    /// The table, its selections' figures read from `books` (the rounded books, at `scale`).
    func table(_ books: Books) -> DisclosureTable {
        let cols = columns.enumerated().map { i, c in
            Column(index: i, headerPath: c.path, role: c.role, measure: c.measure, year: c.year, phase: .budget)
        }
        // The roles only, read per cell (a column taken whole is copied, its header path retained).
        let roles = columns.map(\.role)
        let selections = books.index.results
        let rows = lines.map { line -> Row in
            var cells: [Cell] = []
            cells.reserveCapacity(roles.count)
            for (i, role) in roles.enumerated() {
                let text: String
                switch role {
                case .code: text = line.code ?? ""
                case .name: text = line.name
                case .serial, .unit, .text: text = line.labelTexts[i] ?? ""
                default:
                    let value = i < line.values.count ? line.values[i] : nil
                    guard let v = value?.figure(books, selections: selections), !v.isZero else {
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
