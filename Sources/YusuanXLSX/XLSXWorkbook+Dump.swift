import YusuanRender

extension XLSXWorkbook {
    /// The workbook as text, for golden files and reviews: each sheet's name, page, column widths,
    /// merges, then every cell with a value — text quoted, numbers with their number format.
    public var textDump: String {
        var out = ""
        for (i, s) in sheets.enumerated() {
            out += "== sheet \(i + 1) \(s.name) | \(s.landscape ? "landscape" : "portrait")"
            if let h = s.headerRows { out += " | header rows \(h.lowerBound + 1)-\(h.upperBound)" }
            out += "\n"
            let widths = s.columnWidths.enumerated().compactMap { c, w in w.map { "\(XLSXRange.columnName(c))=\(XLSXStyleSheet.number($0))" } }
            if !widths.isEmpty { out += "cols " + widths.joined(separator: " ") + "\n" }
            if !s.merges.isEmpty { out += "merges " + s.merges.map(\.reference).joined(separator: " ") + "\n" }
            for (r, row) in s.rows.enumerated() {
                var cells: [String] = []
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let ref = XLSXRange.cell(row: r, column: c)
                    switch cell.value {
                    case .empty: continue
                    case .text(let t): cells.append("\(ref) \"\(t)\"" + (cell.style.numberFormat == "@" ? " @" : ""))
                    case .number(let v): cells.append("\(ref) \(v) [\(cell.style.numberFormat)]")
                    case .richText(let runs):
                        let text = runs.map { $0.bold ? "**\($0.text)**" : $0.text }.joined()
                        cells.append("\(ref) \"" + text.replacingOccurrences(of: "\n", with: "⏎") + "\"")
                    }
                }
                if !cells.isEmpty { out += cells.joined(separator: " | ") + "\n" }
            }
        }
        return out
    }
}
