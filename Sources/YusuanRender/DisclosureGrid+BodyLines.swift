import YusuanCore

/// A grid's body lines: each row of a table laid out as printed, kept in `body` or handed over one at a time.
extension DisclosureGrid {
    /// Hands each body line to `visit` in order: `body`'s, or the kept rows' each laid out as `bodyLine` lays it out,
    /// into one line reused for the next (`visit` must not keep it).
    func eachBodyLine(_ visit: (Line) -> Void) {
        guard let (rows, columns) = unlaid else {
            for line in body { visit(line) }
            return
        }
        var line = Line(slots: [])
        line.slots.reserveCapacity(width)
        for i in rows.indices {
            line.slots.removeAll(keepingCapacity: true)
            Self.layOut(rows, i, columns: columns, width: width, into: &line)
            visit(line)
        }
    }

    /// A row's cells as printed. A code or name cell left blank is filled from the row's code or
    /// name only when no other cell of the row prints it (a table built from line items); a code
    /// split over 类 | 款 | 项 columns is left as printed.
    static func bodyLine(_ rows: [Row], _ i: Int, columns: [Column], width: Int) -> Line {
        var line = Line(slots: [])
        line.slots.reserveCapacity(width)
        layOut(rows, i, columns: columns, width: width, into: &line)
        return line
    }

    /// `bodyLine` of `rows[i]` written into `line`, whose slots are empty.
    static func layOut(_ rows: [Row], _ i: Int, columns: [Column], width: Int, into line: inout Line) {
        appendSlots(rows, i, columns: columns, width: width, to: &line.slots)
        line.kind = rows[i].kind
        line.level = rows[i].codePrinted ? rows[i].code?.level : rows[i].outline
    }

    /// `bodyLine`'s `width` slots of `rows[r]`, appended to `slots` (a side-by-side line writes both halves into one
    /// array). The row is read where it lies, field by field: a row taken out of its array is copied, its strings retained.
    static func appendSlots(_ rows: [Row], _ r: Int, columns: [Column], width: Int, to slots: inout [Cell?]) {
        // Once per printed row: the cells' texts read in place (not copied out as `Row.cell`, nor into an array of
        // the row's texts: only a blank code or name cell looks at the others), blank cells found on their bytes
        // (`isBlank`, not a trimmed copy).
        let cells = rows[r].cells
        func cellText(_ i: Int) -> String { i < cells.count ? cells[i].text : "" }
        func anyText(_ test: (String) -> Bool) -> Bool { (0..<width).contains { test(cellText($0)) } }
        var codeColumns = 0, codeColumn = 0
        for i in columns.indices where i < width && columns[i].role == .code {
            codeColumns += 1
            codeColumn = i
        }
        let codeBlank = codeColumns == 1 && TextNormalization.isBlank(cellText(codeColumn))
        for i in 0..<width {
            let role = i < columns.count ? columns[i].role : .text
            var text = cellText(i)
            // Only a code or a name cell is filled: no other cell is tested for blank (most are figures).
            if role == .code || role == .name, TextNormalization.isBlank(text) {
                if role == .code, codeBlank, rows[r].codePrinted, let code = rows[r].code, !anyText({ $0.contains(code.digits) }) {
                    text = code.digits
                } else if role == .name, !rows[r].name.isEmpty,
                          !anyText({ TextNormalization.compactChinese($0).contains(rows[r].name) }) {
                    text = rows[r].name
                }
            }
            slots.append(Cell(text: text, style: style(of: role)))
        }
    }
}
