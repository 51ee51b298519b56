import YusuanCore

/// Figure columns found from the headings as well as from the figures, for a PDF's lines laid out
/// from word positions (whose spans are where the words were printed): a column that no data line
/// fills (上级专项 of a department without one, a blank 公务用车购置 column) has no figures to find
/// it by, but its heading is printed. The lowest headings over the figures (those with nothing
/// printed under them) are the figure columns; those that no figure column found by its figures
/// falls under are added, their right edge estimated halfway to the next heading's centre.
enum HeadedColumns {
    typealias Anchor = LayoutColumns.Anchor

    /// `beyondLabels` (space-aligned text, whose headings over the labels' reach are cut short):
    /// only figure columns right of the labels count against the headings there.
    static func add(to anchors: [Anchor], header: [RawLine], beyondLabels: Bool = false) -> [Anchor] {
        // A text table printed empty (no figures at all): its every column is found by its heading.
        let emptyTable = beyondLabels && !anchors.contains(where: \.isFigure)
        let labelReach = emptyTable ? -1 : (anchors.filter { !$0.isFigure }.map(\.upper).max() ?? -1) + 2
        var pieces: [(line: Int, span: Range<Int>, text: String)] = []
        for (i, line) in header.enumerated() {
            guard let spans = line.spans, spans.count == line.cells.count else { continue }
            for (cell, span) in zip(line.cells, spans) where !cell.trimmed.isEmpty && span.lowerBound > labelReach {
                let words = emptyTable ? LayoutColumns.splitHeading(cell, span: span) : [(cell, span)]
                for (w, s) in words { pieces.append((i, s, w)) }
            }
        }
        guard pieces.count <= 400 else { return anchors }
        func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { min(a.upperBound, b.upperBound) > max(a.lowerBound, b.lowerBound) }
        // The lowest headings: nothing printed under them.
        // In space-aligned text a heading's position is approximate: a heading that a lower one
        // touches (one space apart) spans it.
        let reach = beyondLabels && !emptyTable ? 1 : 0
        let leafPieces = pieces.filter { p in
            let wide = (p.span.lowerBound - reach)..<(p.span.upperBound + reach + (reach > 0 ? 1 : 0))
            return !pieces.contains { q in q.line > p.line && overlaps(q.span, wide) }
        }
            .sorted { $0.span.lowerBound < $1.span.lowerBound }
        if emptyTable { return leafPieces.count <= 64 ? emptyColumns(anchors, leaves: leafPieces.map { ($0.span, $0.text) }) : anchors }
        let leaves = leafPieces.map(\.span)
        let figures = anchors.filter { $0.isFigure && (!beyondLabels || $0.edge > labelReach) }
        guard leaves.count > figures.count, leaves.count <= 64 else { return anchors }
        let centres = leaves.map { Double($0.lowerBound + $0.upperBound) / 2 }
        // A figure column belongs to the heading centred left of its right edge, the nearest such.
        var headed = Set<Int>()
        for f in figures {
            let k = centres.indices.filter { centres[$0] <= Double(f.edge) + 1 }.max { centres[$0] < centres[$1] }
            if let k { headed.insert(k) }
        }
        var out = anchors
        for k in leaves.indices where !headed.contains(k) {
            // A heading over figures of a column already found, or touching them (a right-aligned figure's
            // left edge moves a grid column with its glyphs' widths), is no column of its own.
            guard !figures.contains(where: { overlaps(($0.lower - 1)..<($0.upper + 1), leaves[k]) }) else { continue }
            let edge: Double
            if k + 1 < leaves.count {
                edge = (centres[k] + centres[k + 1]) / 2 - 1
            } else if k > 0 {
                edge = centres[k] + (centres[k] - centres[k - 1]) / 2 - 1
            } else {
                edge = Double(leaves[k].upperBound)
            }
            let e = max(Int(edge.rounded()), leaves[k].upperBound - 1)
            guard !out.contains(where: { abs($0.edge - e) <= LayoutColumns.tolerance }) else { continue }
            out.append(Anchor(isFigure: true, edge: e, lower: leaves[k].lowerBound, upper: e))
        }
        out.sort { $0.position < $1.position }
        return out
    }

    /// An empty table's columns from its lowest headings: code and name headings ("类", "科目名称")
    /// head label columns where they start, the others figure columns (as `add` estimates them).
    static func emptyColumns(_ anchors: [Anchor], leaves: [(Range<Int>, String)]) -> [Anchor] {
        func isLabel(_ text: String) -> Bool {
            let k = TextNormalization.key(text)
            return ["类", "款", "项", "项目", "科目"].contains(k) || ["名称", "编码", "代码"].contains { k.contains($0) }
        }
        var out = anchors
        for (span, text) in leaves where isLabel(text) {
            guard !out.contains(where: { !$0.isFigure && abs($0.edge - span.lowerBound) <= LayoutColumns.tolerance }) else { continue }
            out.append(Anchor(isFigure: false, edge: span.lowerBound, lower: span.lowerBound, upper: span.lowerBound))
        }
        let figureLeaves = leaves.filter { !isLabel($0.1) }.map(\.0)
        let centres = figureLeaves.map { Double($0.lowerBound + $0.upperBound) / 2 }
        for k in figureLeaves.indices {
            let edge = k + 1 < centres.count ? (centres[k] + centres[k + 1]) / 2 - 1
                : k > 0 ? centres[k] + (centres[k] - centres[k - 1]) / 2 - 1 : Double(figureLeaves[k].upperBound)
            let e = max(Int(edge.rounded()), figureLeaves[k].upperBound - 1)
            guard !out.contains(where: { abs($0.edge - e) <= LayoutColumns.tolerance }) else { continue }
            out.append(Anchor(isFigure: true, edge: e, lower: figureLeaves[k].lowerBound, upper: e))
        }
        out.sort { $0.position < $1.position }
        return out
    }
}
