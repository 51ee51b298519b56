import YusuanCore

/// Figure columns found from the headings as well as from the figures, for a PDF's lines laid out
/// from word positions (whose spans are where the words were printed): a column that no data line
/// fills (上级专项 of a department without one, a blank 公务用车购置 column) has no figures to find
/// it by, but its heading is printed. The lowest headings over the figures (those with nothing
/// printed under them) are the figure columns; those that no figure column found by its figures
/// falls under are added, their right edge estimated halfway to the next heading's centre.
enum HeadedColumns {
    typealias Anchor = LayoutColumns.Anchor

    static func add(to anchors: [Anchor], header: [RawLine]) -> [Anchor] {
        let labelReach = (anchors.filter { !$0.isFigure }.map(\.upper).max() ?? -1) + 2
        var pieces: [(line: Int, span: Range<Int>)] = []
        for (i, line) in header.enumerated() {
            guard let spans = line.spans, spans.count == line.cells.count else { continue }
            for (cell, span) in zip(line.cells, spans) where !cell.trimmed.isEmpty && span.lowerBound > labelReach {
                pieces.append((i, span))
            }
        }
        func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { min(a.upperBound, b.upperBound) > max(a.lowerBound, b.lowerBound) }
        // The lowest headings: nothing printed under them.
        let leafPieces = pieces.filter { p in !pieces.contains { q in q.line > p.line && overlaps(q.span, p.span) } }
            .sorted { $0.span.lowerBound < $1.span.lowerBound }
        let leaves = leafPieces.map(\.span)
        let figures = anchors.filter(\.isFigure)
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
            // A heading over figures of a column already found is no column of its own.
            guard !figures.contains(where: { overlaps($0.lower..<($0.upper + 1), leaves[k]) }) else { continue }
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
}
