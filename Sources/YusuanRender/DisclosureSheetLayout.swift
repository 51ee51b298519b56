import YusuanCore

/// Puts a `DisclosureGrid` on a sheet: rows of styled cells, merged ranges for spanning cells
/// (their covered cells keep the border), column widths and row heights for wrapped text.
struct SheetLayout {
    let width: Int
    var rows: [[XLSXCell?]] = []
    var merges: [XLSXRange] = []
    var heights: [Int: Double] = [:]
    /// The table groups thousands ("2,932,700"): its figures below 1,000 get the grouped format too,
    /// so that every figure of the table has the table's number format ("#,##0").
    var grouped = false

    init(width: Int) { self.width = width }

    /// Whether any figure of the grid is printed with thousands separators.
    static func groupsThousands(_ g: DisclosureGrid) -> Bool {
        (g.fields + g.body).contains { line in
            line.slots.contains { slot in
                guard let cell = slot, cell.style == .number, cell.text.contains(",") else { return false }
                return figure(cell.text)?.1.hasPrefix("#,##0") == true
            }
        }
    }

    static let header = XLSXCellStyle(bold: true, horizontal: .center, wrap: true, border: true, fill: "F0F0F0")
    static let label = XLSXCellStyle(bold: true, horizontal: .left, wrap: true, border: true, fill: "F0F0F0")

    mutating func add(_ cells: [XLSXCell?], height: Double? = nil) {
        if let height { heights[rows.count] = height }
        rows.append(cells + Array(repeating: nil, count: max(0, width - cells.count)))
    }

    /// One text merged across the table's width (title, unit, note).
    mutating func addAcross(_ text: String, style: XLSXCellStyle, height: Double? = nil) {
        if width > 1 { merges.append(XLSXRange(top: rows.count, left: 0, bottom: rows.count, right: width - 1)) }
        add([XLSXCell(.text(text), style: style)], height: height)
    }

    mutating func addLine(_ line: DisclosureGrid.Line, widths: [Double]) {
        let r = rows.count
        var cells: [XLSXCell?] = Array(repeating: nil, count: width)
        var tallest = 1
        for (c, slot) in line.slots.enumerated() where c < width {
            guard let cell = slot else { continue }
            cells[c] = Self.cell(cell, total: line.kind == .subtotal || line.kind == .grandTotal, grouped: grouped)
            let right = min(c + cell.colspan, width) - 1
            if right > c || cell.rowspan > 1 { merges.append(XLSXRange(top: r, left: c, bottom: r + cell.rowspan - 1, right: right)) }
            if cell.rowspan == 1, [.header, .label, .name, .text].contains(cell.style) {
                tallest = max(tallest, Self.lines(cell.text, width: widths[c...right].reduce(0, +)))
            }
        }
        add(cells, height: tallest > 1 ? Self.height(lines: tallest) : nil)
    }

    /// Cells under a merge get the style of the merge's first cell, so that borders are drawn.
    mutating func fillMerges() {
        for m in merges where m.top < rows.count {
            guard let head = rows[m.top][m.left] else { continue }
            for r in m.top...min(m.bottom, rows.count - 1) {
                for c in m.left...m.right where (r, c) != (m.top, m.left) && rows[r][c] == nil {
                    rows[r][c] = XLSXCell(.empty, style: head.style)
                }
            }
        }
    }

    /// A grid cell as a sheet cell: figures as numbers when the printed text is the number's plain
    /// form (so that the shown text equals the printed one), everything else as text.
    static func cell(_ c: DisclosureGrid.Cell, total: Bool, grouped: Bool = false) -> XLSXCell {
        let value: XLSXValue = c.text.isEmpty ? .empty : .text(c.text)
        var text = XLSXCellStyle(bold: total, horizontal: .left, wrap: true, border: true)
        switch c.style {
        case .header: return XLSXCell(value, style: header)
        case .label: return XLSXCell(value, style: label)
        case .name, .text: return XLSXCell(value, style: text)
        case .code:
            text.numberFormat = "@"
            text.wrap = false
            return XLSXCell(value, style: text)
        case .serial:
            let style = XLSXCellStyle(bold: total, horizontal: .center, border: true)
            let integer = !c.text.isEmpty && c.text.allSatisfy { $0.isASCII && $0.isNumber } && c.text.count < 10
            return XLSXCell(integer ? .number(c.text) : value, style: style)
        case .number, .percent:
            var style = XLSXCellStyle(bold: total, horizontal: .right, border: true)
            guard let (number, format) = figure(c.text, grouped: grouped && c.style == .number) else { return XLSXCell(value, style: style) }
            style.numberFormat = format
            return XLSXCell(.number(number), style: style)
        }
    }

    /// "951.81" → ("951.81", "0.00"); "1,234" → ("1234", "#,##0"); "12.5%" → ("0.125", "0.0%");
    /// nil for text a number format cannot reproduce ("-", "(3.00)", "44万元"). In a table that groups
    /// thousands (`grouped`), a figure too small to show a separator gets the grouped format: "500" →
    /// ("500", "#,##0").
    static func figure(_ text: String, grouped: Bool = false) -> (String, String)? {
        guard let n = NumberParser.parse(text), !n.isDash, n.unit == nil else { return nil }
        let v = n.value
        let decimals = v.scale > 0 ? "." + String(repeating: "0", count: v.scale) : ""
        if n.isPercent {
            guard text == v.description + "%" else { return nil }
            return (Fixed(mantissa: v.mantissa, scale: v.scale + 2).description, "0" + decimals + "%")
        }
        if text == v.description {
            let groupedAlike = grouped && FigureFormat.grouped(text) == text
            return (v.description, (groupedAlike ? "#,##0" : "0") + decimals)
        }
        if text.replacingOccurrences(of: ",", with: "") == v.description { return (v.description, "#,##0" + decimals) }
        return nil
    }

    /// Widths in characters: the widest unspanned cell of a column (headings count at most 8, as they wrap).
    static func columnWidths(_ g: DisclosureGrid, width: Int) -> [Double] {
        g.columnWidths(headerCap: 8, bodyCap: 36).map { min(max($0 + 2, 6), 44) }
    }

    static func displayWidth(_ s: String) -> Double { DisclosureGrid.displayWidth(s) }

    /// Lines a wrapped text takes in a cell `width` characters wide.
    static func lines(_ s: String, width: Double) -> Int {
        let usable = max(width - 1, 1)
        return max(1, Int((displayWidth(s) / usable).rounded(.up)))
    }

    static func height(lines: Int) -> Double { Double(lines) * 14.5 + 2 }
}
