import YusuanCore

/// The indicator grid of a performance form in space-aligned lines (a PDF's): cells go under the
/// heading they were printed under, not by their order on the line. A label that spans the grid's
/// rows ("绩效指标") is printed level with one indicator row, left of every heading: it heads a
/// column of its own, as in a table's text. A heading wrapped onto a second line ("指标性" / "质")
/// is joined, and so is an indicator name wrapped onto the lines below its row.
enum FormGrid {
    struct Heading {
        var text: String
        var span: Range<Int>
    }

    /// nil when the lines carry no positions (tab- or "|"-separated text): the caller lays cells
    /// out by their order. The lines are the caller's, in place (no copy for a form that is not laid out so).
    static func build(_ base: DisclosureTable, lines: ArraySlice<RawLine>, fieldLines: ArraySlice<RawLine>) -> DisclosureTable? {
        guard var header = lines.first, let spans = header.spans, spans.count == header.cells.count else { return nil }
        var rest = Array(lines.dropFirst())
        // The heading's second printed line: every cell of it joins the heading above it.
        if let next = rest.first, next.spans != nil {
            let joined = HeaderWraps.join([header, next])
            if joined.count == 1, let only = joined.first { header = only; rest.removeFirst() }
        }
        guard let headerSpans = header.spans else { return nil }
        var headings = zip(header.cells, headerSpans).filter { !$0.0.trimmed.isEmpty }
            .map { Heading(text: TextNormalization.key($0.0), span: $0.1) }
        guard let first = headings.first else { return nil }
        // A leading label column when the grid's headings start right of the fields' labels.
        let labels = fieldLines.compactMap { line -> Range<Int>? in
            guard let s = line.spans?.first, let c = line.cells.first, FormBuilder.isLabelCell(c) else { return nil }
            return s
        }
        let labelEnd = labels.map(\.upperBound).max()
        let hasLabel = labelEnd.map { first.span.lowerBound >= $0 } ?? false
        if hasLabel, let start = labels.map(\.lowerBound).min(), let end = labelEnd {
            headings.insert(Heading(text: "", span: start..<end), at: 0)
        }
        var rows: [(line: RawLine, cells: [String])] = []
        for line in rest where !line.isBlank {
            guard let ls = line.spans, ls.count == line.cells.count else { continue }
            var cells = Array(repeating: "", count: headings.count)
            for (k, cell) in line.cells.enumerated() where !cell.trimmed.isEmpty {
                let c = column(ls[k], headings: headings, hasLabel: hasLabel)
                cells[c] = cells[c].isEmpty ? cell.trimmed : cells[c] + " " + cell.trimmed
            }
            // The spanning label heads its column; no row carries it.
            if hasLabel, !cells[0].isEmpty, headings[0].text.isEmpty {
                headings[0].text = TextNormalization.key(cells[0])
                cells[0] = ""
            }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            if let last = rows.indices.last, continues(line, cells: cells, previous: rows[last].cells, hasLabel: hasLabel) {
                for c in cells.indices where !cells[c].isEmpty {
                    rows[last].cells[c] = rows[last].cells[c].isEmpty ? cells[c] : rows[last].cells[c] + cells[c]
                }
                continue
            }
            rows.append((line, cells))
        }
        var table = base
        table.columns = headings.enumerated().map { i, h in
            Column(index: i, headerPath: [h.text], role: h.text.contains("权重") ? .percent : .text)
        }
        let nameIdx = table.columns.firstIndex { $0.header.contains("三级指标") || $0.header.contains("指标名称") }
        if let nameIdx { table.columns[nameIdx].role = .name }
        let name = nameIdx ?? min(1, headings.count - 1)
        table.rows = rows.map { line, cells in
            let values = cells.enumerated().map { i, t in
                Cell(text: t, location: SourceLocation(line: line.location.line, page: line.location.page, sheet: line.location.sheet, column: i))
            }
            return Row(code: nil, codePrinted: false, name: TextNormalization.compactChinese(cells[name]),
                       kind: .item, outline: nil, cells: values, location: line.location)
        }
        return table
    }

    /// The heading a cell was printed under: the one it overlaps most; else the nearest by centre.
    /// A cell left of every heading belongs to the label column, when there is one.
    static func column(_ span: Range<Int>, headings: [Heading], hasLabel: Bool) -> Int {
        let firstGrid = hasLabel ? 1 : 0
        // Under the fields' labels and left of every heading (a name cell may start left of its
        // centred heading, but not under the labels).
        if hasLabel, firstGrid < headings.count, span.lowerBound < headings[0].span.upperBound,
           span.upperBound <= headings[firstGrid].span.lowerBound {
            return 0
        }
        var best = firstGrid, bestScore = Int.min
        let centre = span.lowerBound + span.upperBound
        for k in firstGrid..<headings.count {
            let h = headings[k].span
            let o = overlap(h, span)
            let score = o > 0 ? o * 1000 : -abs(h.lowerBound + h.upperBound - centre)
            if score > bestScore { bestScore = score; best = k }
        }
        return best
    }

    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)
    }

    /// Whether a line continues the row above: every cell of a PDF's line printed as the next line
    /// of the cell above it; in other text, a line with nothing in the grid's first column whose
    /// cells all fall in columns where the row above has text, none of them a figure.
    static func continues(_ line: RawLine, cells: [String], previous: [String], hasLabel: Bool) -> Bool {
        if line.wraps != nil { return FormBuilder.isWrapped(line) }
        let first = hasLabel ? 1 : 0
        guard first < cells.count, cells[first].isEmpty else { return false }
        return cells.indices.allSatisfy { c in
            cells[c].isEmpty || (!previous[c].isEmpty && NumberParser.parse(previous[c]) == nil && NumberParser.parse(cells[c]) == nil)
        }
    }
}
