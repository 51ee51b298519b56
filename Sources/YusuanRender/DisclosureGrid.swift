import YusuanCore

/// A disclosure table laid out as it is printed: title, unit, form fields, header lines whose
/// cells span columns and rows (built from the columns' header paths), body lines, notes.
///
/// Every renderer (text, HTML, XLSX) draws this one layout, so they print the same table.
/// A 收入 | 支出 table, which the model holds as two halves, is set side by side again.
struct DisclosureGrid: Sendable {
    /// What a cell holds, for alignment and number storage.
    enum Style: Sendable, Equatable { case header, label, code, name, text, serial, number, percent }

    /// A printed cell; `colspan`/`rowspan` cover the slots to its right and below.
    struct Cell: Sendable, Equatable {
        var text: String
        var style: Style
        var colspan = 1
        var rowspan = 1
    }

    /// One printed line of `width` slots: a cell starts in a slot, or the slot is covered (nil).
    struct Line: Sendable {
        var slots: [Cell?]
        var kind: RowKind = .item
        /// Classification level (1 类, 2 款, 3 项) or outline depth, for indenting names.
        var level: Int?
    }

    var kind: TableKind
    var title: String
    var attachment: String?
    /// The unit to print ("单位：万元"), when the table declares one.
    var unit: MoneyUnit?
    var width: Int
    /// Labelled fields of a form (performance tables), one line each: label, then the value across.
    var fields: [Line]
    var header: [Line]
    var body: [Line]
    var notes: [String]
    /// The rows and columns of a table printed alone whose body lines are laid out as they are read
    /// (`eachBodyLine`), not kept in `body` (empty then): see `tables(of:keepingBodies:)`.
    private(set) var unlaid: (rows: [Row], columns: [Column])? = nil

    var unitText: String? { unit.map { "单位：" + $0.rawValue } }
    var isForm: Bool { kind == .overallPerformance || kind == .projectPerformance }

    /// The printed tables of a disclosure in order, with 收入 | 支出 halves joined. Without `keepingBodies` (a writer
    /// that reads each body line once, in order, through `eachBodyLine`: the text), a table printed alone that is not a
    /// form keeps its rows instead of body lines, and they are laid out one at a time into one line (an array of slots
    /// made per row and freed with the grid was about a tenth of writing the text).
    static func tables(of d: Disclosure, keepingBodies: Bool = true) -> [DisclosureGrid] {
        var out: [DisclosureGrid] = []
        var i = 0
        let ts = d.tables
        while i < ts.count {
            let t = ts[i]
            if t.side == .income, i + 1 < ts.count, ts[i + 1].side == .expenditure, ts[i + 1].kind == t.kind,
               ts[i + 1].title == t.title, ts[i + 1].attachment == t.attachment {
                out.append(sideBySide(t, ts[i + 1]))
                i += 2
            } else {
                out.append(single(t, keepingBody: keepingBodies))
                i += 1
            }
        }
        return out
    }

    /// A table printed alone; without `keepingBody`, a table that is not a form keeps its rows, laid out by
    /// `eachBodyLine` (a form's heading may span down its body, which needs every line first).
    static func single(_ t: DisclosureTable, keepingBody: Bool = true) -> DisclosureGrid {
        let top: String? = t.side == .income ? "收入" : (t.side == .expenditure ? "支出" : nil)
        let paths = t.columns.map { c in sided(c.headerPath, top) }
        var width = t.columns.count
        if !t.fields.isEmpty { width = max(width, 2) }
        let fields = t.fields.map { f in fieldLine(f, width: width) }
        var grid = DisclosureGrid(kind: t.kind, title: t.title, attachment: t.attachment, unit: printedUnit(t), width: width,
                                  fields: fields, header: headerLines(paths, width: width), body: [], notes: t.notes)
        if !keepingBody && !grid.isForm {
            grid.unlaid = (t.rows, t.columns)
            return grid
        }
        grid.body = t.rows.indices.map { bodyLine(t.rows, $0, columns: t.columns, width: width) }
        if grid.isForm { grid.spanFirstHeadingDown() }
        return grid
    }

    /// A form's indicator grid prints its first heading (绩效指标) down the rows when they leave it blank.
    mutating func spanFirstHeadingDown() {
        guard header.count == 1, !body.isEmpty, let first = header[0].slots.first, var heading = first,
              body.allSatisfy({ $0.slots.first??.text.trimmed.isEmpty ?? false }) else { return }
        heading.rowspan = 1 + body.count
        header[0].slots[0] = heading
        for i in body.indices { body[i].slots[0] = nil }
    }

    static func sideBySide(_ income: DisclosureTable, _ expenditure: DisclosureTable) -> DisclosureGrid {
        let left = income.columns.count, right = expenditure.columns.count
        let paths = income.columns.map { sided($0.headerPath, "收入") } + expenditure.columns.map { sided($0.headerPath, "支出") }
        let leftBlanks = blanks(income.columns), rightBlanks = blanks(expenditure.columns)
        // Rows paired by index and read where they lie (not copied into pairs of optional rows); each line's slots
        // are reserved for both halves at once and written in place.
        let body = pairRows(income.rows, expenditure.rows).map { pair -> Line in
            var slots: [Cell?] = []
            slots.reserveCapacity(left + right)
            if let i = pair.0 { appendSlots(income.rows, i, columns: income.columns, width: left, to: &slots) } else { slots += leftBlanks }
            if let j = pair.1 { appendSlots(expenditure.rows, j, columns: expenditure.columns, width: right, to: &slots) } else { slots += rightBlanks }
            // The expenditure half's kind, else the income half's, when it is not an item.
            func marked(_ kind: RowKind?) -> RowKind? { kind == .item ? nil : kind }
            let kind = marked(pair.1.map { expenditure.rows[$0].kind }) ?? marked(pair.0.map { income.rows[$0].kind })
            return Line(slots: slots, kind: kind ?? .item)
        }
        var notes = income.notes
        for n in expenditure.notes where !notes.contains(n) { notes.append(n) }
        return DisclosureGrid(kind: income.kind, title: income.title, attachment: income.attachment,
                              unit: printedUnit(income) ?? printedUnit(expenditure), width: left + right, fields: [],
                              header: headerLines(paths, width: left + right), body: body, notes: notes)
    }

    /// A half's header path under its side's heading; a column printed without a heading stays without.
    static func sided(_ path: [String], _ top: String?) -> [String] {
        guard let top, !path.isEmpty else { return path }
        return [top] + path
    }

    static func printedUnit(_ t: DisclosureTable) -> MoneyUnit? {
        t.unitDeclared || t.unit != .wanYuan ? t.unit : nil
    }

    static func blanks(_ columns: [Column]) -> [Cell?] {
        columns.map { Cell(text: "", style: style(of: $0)) }
    }

    static func fieldLine(_ f: FormField, width: Int) -> Line {
        var slots = coveredSlots(width)
        slots[0] = Cell(text: f.label, style: .label)
        if width > 1 { slots[1] = Cell(text: f.value, style: .text, colspan: width - 1) }
        return Line(slots: slots)
    }

    /// `width` covered slots (nil), appended one by one into room made once: `Array(repeating:count:)` allocates
    /// through the standard library's unspecialized path, which looks the array's type up on every call (about 700
    /// instructions; a department's forms make a line of them per field).
    static func coveredSlots(_ width: Int) -> [Cell?] {
        var slots: [Cell?] = []
        slots.reserveCapacity(width)
        for _ in 0..<width { slots.append(nil) }
        return slots
    }

    /// Header lines from header paths: level r of a path on line r; a level shared by adjacent
    /// columns spans them; a path's last level spans down to the last header line.
    static func headerLines(_ paths: [[String]], width: Int) -> [Line] {
        guard width > 0, !paths.isEmpty else { return [] }
        // The deepest path, by a loop: `map(\.count)` here applied its key path through the runtime, per path.
        var depth = 1
        for p in paths { depth = max(depth, p.count) }
        var lines = (0..<depth).map { _ in Line(slots: coveredSlots(width)) }
        for r in 0..<depth {
            var c = 0
            while c < width {
                let p = c < paths.count ? paths[c] : []
                if p.isEmpty && r == 0 {
                    lines[r].slots[c] = Cell(text: "", style: .header, rowspan: depth)
                }
                guard r < p.count else { c += 1; continue }
                let leaf = r == p.count - 1
                var span = 1
                while !leaf, c + span < paths.count, paths[c + span].count > r + 1,
                      paths[c + span].prefix(r + 1) == p.prefix(r + 1) {
                    span += 1
                }
                lines[r].slots[c] = Cell(text: p[r], style: .header, colspan: span, rowspan: leaf ? depth - r : 1)
                c += span
            }
        }
        return lines
    }

    static func style(of column: Column) -> Style { style(of: column.role) }

    static func style(of role: ColumnRole) -> Style {
        switch role {
        case .code: .code
        case .name: .name
        case .serial: .serial
        case .money: .number
        case .percent: .percent
        case .unit, .text: .text
        }
    }

    /// Width of each column in character cells (a CJK character counts two): its widest unspanned
    /// body cell (at most `bodyCap`), heading (at most `headerCap`, as headings wrap) or field label.
    func columnWidths(headerCap: Double, bodyCap: Double = 40) -> [Double] {
        var w = Array(repeating: 4.0, count: width)
        for (lines, cap) in [(header, headerCap), (body, bodyCap), (fields, 16.0)] {
            for line in lines {
                for (c, slot) in line.slots.enumerated() where c < width {
                    guard let cell = slot, cell.colspan == 1 else { continue }
                    w[c] = max(w[c], min(Self.displayWidth(cell.text), cap))
                }
            }
        }
        return w
    }

    /// Character cells a text takes: two for a CJK or full-width character, one otherwise.
    static func displayWidth(_ s: String) -> Double {
        Double(s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) })
    }

    /// Pairs the rows of two halves line by line, as their indices: by the source lines they were read from when
    /// every row has one, else top-aligned with the closing totals (合计, 总计 …) aligned at the end.
    static func pairRows(_ a: [Row], _ b: [Row]) -> [(Int?, Int?)] {
        // Each row's line read in place (a row handed to a closure whole is copied, its strings retained).
        let linesA = a.indices.compactMap { a[$0].location.line }, linesB = b.indices.compactMap { b[$0].location.line }
        if linesA.count == a.count, linesB.count == b.count, Set(linesA).count == a.count, Set(linesB).count == b.count {
            let byA = Dictionary(uniqueKeysWithValues: zip(linesA, a.indices)), byB = Dictionary(uniqueKeysWithValues: zip(linesB, b.indices))
            return Set(linesA + linesB).sorted().map { (byA[$0], byB[$0]) }
        }
        let ta = tailStart(a), tb = tailStart(b)
        let bodyCount = max(ta, tb), tailCount = max(a.count - ta, b.count - tb)
        func part(_ count: Int, _ tail: Int) -> [Int?] {
            var out: [Int?] = []
            out.reserveCapacity(bodyCount + tailCount)
            for i in 0..<tail { out.append(i) }
            out += repeatElement(nil, count: bodyCount - tail + tailCount - (count - tail))
            for i in tail..<count { out.append(i) }
            return out
        }
        return Array(zip(part(a.count, ta), part(b.count, tb)))
    }

    /// Where the closing block of a half starts: its last 合计 when among the last three rows, else its last 总计.
    static func tailStart(_ rows: [Row]) -> Int {
        // Kinds read in place, by index.
        if let s = rows.indices.last(where: { rows[$0].kind == .subtotal }), s >= rows.count - 3 { return s }
        return rows.indices.last { rows[$0].kind == .grandTotal } ?? rows.count
    }
}
