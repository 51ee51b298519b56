import YusuanCore

/// Turns data lines into rows: code, name, kind, outline depth and cells aligned with the columns.
enum RowBuilder {
    /// `cells`, when given, holds `lines`' cells trimmed and parsed (line by line, in the same order).
    static func rows(_ lines: [RawLine], columns: [Column], catalogYear: Int?, cells known: GridCells? = nil) -> [Row] {
        let codeCols = columns.filter { $0.role == .code }.map(\.index)
        let codeCol = codeCols.first
        let nameCol = columns.first { $0.role == .name }?.index
        // Text columns between the name and the first figures.
        let firstMoney = columns.first { $0.role == .money }?.index ?? columns.count
        let textCols = columns.filter { $0.role == .text && $0.index < firstMoney }.map(\.index)
        let functional = CatalogLibrary.catalog(.functional, year: catalogYear ?? 2022)
        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        for (r, line) in lines.enumerated() where !line.isBlank {
            let width = columns.count
            var shift = 0  // column i holds line.cells[i - shift] (or blank)
            if !line.fromTable, line.cells.count < width, line.cells.count > 0, let n = nameCol, n > 0,
               (line.cells.first?.trimmed.isEmpty == false), codeCol == nil || codeCol == 0 && ClassificationCode.parse(line.cells[0]) == nil {
                // A line that lost its leading empty cells (a row after a blank line): align it right.
                shift = width - line.cells.count
            }
            // The cell text under column i, read from the line in place (no array of the row's texts per line).
            func text(_ i: Int) -> String {
                let j = i - shift
                return i < width && j >= 0 && j < line.cells.count ? line.cells[j] : ""
            }
            // Codes split over 类 | 款 | 项 columns ("205" "02" "01") are joined; a one-digit part after the first
            // is padded with "0".
            var codeText = ""
            var parts = 0
            for c in codeCols {
                let t = text(c).trimmed
                if t.isEmpty { continue }
                if parts > 0 && t.count == 1 { codeText += "0" }
                codeText += t
                parts += 1
            }
            var name = nameCol.map { TextNormalization.compactChinese(text($0)) } ?? ""
            // A label printed indented past the name column (a total centred in its cell) is the row's name.
            if name.isEmpty, let n = nameCol, let other = textCols.first(where: { $0 > n && !text($0).trimmed.isEmpty && NumberParser.parse(text($0)) == nil }) {
                name = TextNormalization.compactChinese(text(other))
            }
            if codeCol == nil || codeText.isEmpty, let split = splitCodeAndName(name.isEmpty ? codeText : name) {
                codeText = split.code
                name = split.name
            }
            if name.isEmpty, let c = codeCol, ClassificationCode.parse(text(c)) == nil, !text(c).trimmed.isEmpty {
                name = TextNormalization.compactChinese(text(c))
                codeText = ""
            }
            var code = ClassificationCode.parse(codeText)
            var printed = code != nil
            let outline = RowLabels.outline(name)
            if code == nil, let cat = functional, let c = cat.code(named: outline.rest, digits: 3) {
                code = ClassificationCode.parse(c)
                printed = false
            }
            let kind: RowKind = RowLabels.totalKind(rest: outline.rest) ?? .item
            var cells: [Cell] = []
            cells.reserveCapacity(width)
            for i in 0..<width {
                let location = SourceLocation(line: line.location.line, page: line.location.page,
                                              sheet: line.location.sheet, column: i)
                cells.append(known?.cell(line: r, column: i - shift, location: location) ?? Cell(text: text(i).trimmed, location: location))
            }
            if name.isEmpty && code == nil && cells.allSatisfy({ $0.number == nil }) { continue }
            rows.append(Row(code: code, codePrinted: printed, name: name, kind: kind, outline: outline.depth,
                            cells: cells, location: line.location))
        }
        return rows
    }

    /// "2010308 信访事务" in one cell.
    static func splitCodeAndName(_ s: String) -> (code: String, name: String)? {
        let t = s.trimmed
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard [3, 5, 7].contains(digits.count), digits.count < t.count else { return nil }
        let rest = String(t.dropFirst(digits.count)).trimmed
        guard let f = rest.first, !f.isNumber else { return nil }
        return (String(digits), TextNormalization.compactChinese(rest))
    }
}
