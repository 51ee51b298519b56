import YusuanCore

/// Puts the cells of space-aligned lines under their columns. Figures are aligned on their right
/// edge and labels on their left edge, so columns are found as clusters of right edges (figures)
/// and left edges (labels) over the table's data lines, page by page; header words go to the
/// column they overlap most. Lines that carry no spans (tab- or "|"-separated) are left alone.
enum LayoutColumns {
    struct Anchor {
        var isFigure: Bool
        var edge: Int          // right edge for figures, left edge for labels
        var lower: Int         // the column's extent on the line
        var upper: Int
        var position: Int { isFigure ? upper : lower }
    }

    static let tolerance = 2

    static func realign(header: [RawLine], data: [RawLine]) -> (header: [[String]], data: [RawLine], fixed: [[Bool]])? {
        guard data.contains(where: { $0.spans != nil }) else { return nil }
        let pages = Array(Set(data.map { $0.location.page ?? 0 })).sorted()
        var anchorsByPage: [Int: [Anchor]] = [:]
        for p in pages {
            let pageLines = data.filter { ($0.location.page ?? 0) == p && $0.spans != nil }
            if pageLines.count >= 3 { anchorsByPage[p] = anchors(pageLines) }
        }
        if anchorsByPage.isEmpty, let p = pages.first { anchorsByPage[p] = anchors(data) }
        // A PDF's printed positions are exact: columns that no figure fills are found by their headings.
        var headedEdges: Set<Int> = []
        if header.contains(where: { $0.wraps != nil }) {
            for (p, a) in anchorsByPage { anchorsByPage[p] = HeadedColumns.add(to: a, header: header) }
        } else if header.contains(where: { $0.spans != nil }) {
            // Space-aligned text: the headings' positions hold on the page they are printed on.
            let headerPage = header.first?.location.page ?? 0
            if let a = anchorsByPage[headerPage] {
                // Columns found by their headings there are columns of every page (a page without the
                // header is printed in the same frame); a page's own columns stay where its figures are.
                let added = HeadedColumns.add(to: a, header: header, beyondLabels: true)
                    .filter { n in !a.contains { $0.isFigure == n.isFigure && $0.edge == n.edge && $0.lower == n.lower } }
                headedEdges = Set(added.map(\.edge))
                for (p, own) in anchorsByPage {
                    let extra = added.filter { n in !own.contains { abs($0.edge - n.edge) <= tolerance } }
                    anchorsByPage[p] = (own + extra).sorted { $0.position < $1.position }
                }
            }
        }
        let width = anchorsByPage.values.map(\.count).max() ?? 0
        guard width > 1 else { return nil }
        // Pages with fewer columns (a page without a blank column) line up from the right for
        // figures and from the left for labels: the widest page is the reference.
        let reference = anchorsByPage.values.first { $0.count == width } ?? anchors(data)
        // A page's figure columns map onto the reference's in order (a page printed tighter keeps their order).
        var figureMaps: [Int: [Int: Int]] = [:]
        for (p, anchors) in anchorsByPage where anchors.count < width {
            let own = anchors.enumerated().filter { $0.element.isFigure }
            let ref = reference.enumerated().filter { $0.element.isFigure }
            var map: [Int: Int] = [:]
            for (i, slot) in align(own.map(\.element.edge), to: ref.map(\.element.edge)).enumerated() {
                if let slot { map[own[i].offset] = ref[slot].offset }
            }
            figureMaps[p] = map
        }
        func columnIndex(_ anchors: [Anchor], _ k: Int, page: Int? = nil) -> Int {
            guard anchors.count < width else { return k }
            if let p = page, let c = figureMaps[p]?[k] { return c }
            let a = anchors[k]
            let candidates = reference.enumerated().filter { $0.element.isFigure == a.isFigure }
            return candidates.min { abs($0.element.edge - a.edge) < abs($1.element.edge - a.edge) }?.offset ?? k
        }
        let newData = data.map { line -> RawLine in
            guard let spans = line.spans else { return line }
            let anchors = anchorsByPage[line.location.page ?? 0] ?? reference
            var cells = Array(repeating: "", count: width)
            let flags = figureFlags(line.cells)
            for kind in [true, false] {
                let items = zip(zip(line.cells, spans), flags).filter { $0.1 == kind }.map { ($0.0.0, $0.0.1) }
                let slots = anchors.enumerated().filter { $0.element.isFigure == kind }
                let edges = items.map { kind ? $0.1.upperBound : $0.1.lowerBound }
                // As many figures as the table has figure columns: they fill them in order,
                // whatever the spacing of this line (a page's last line is often printed tighter).
                // (Columns found only by their headings are left out: no figure said where they are.)
                let referenceSlots = reference.enumerated()
                    .filter { $0.element.isFigure == kind && !headedEdges.contains($0.element.edge) }.map(\.offset)
                if kind, items.count == referenceSlots.count {
                    for (i, c) in referenceSlots.enumerated() { cells[c] = items[i].0 }
                    continue
                }
                for (i, slot) in align(edges, to: slots.map(\.element.edge)).enumerated() {
                    let k = slot.map { slots[$0].offset } ?? nearest(anchors, isFigure: kind, span: items[i].1)
                    guard let k else { continue }
                    let c = columnIndex(anchors, k, page: anchorsByPage[line.location.page ?? 0] == nil ? nil : line.location.page ?? 0)
                    cells[c] = cells[c].isEmpty ? items[i].0 : cells[c] + " " + items[i].0
                }
            }
            var l = line
            l.cells = cells
            return l
        }
        let firstPage = pages.first ?? 0
        let headerAnchors = anchorsByPage[firstPage] ?? reference
        // Where each figure heading was printed (its span), by line and column, for `HeaderSpans`.
        var placed: [[Int: Range<Int>]] = Array(repeating: [:], count: header.count)
        func place(_ line: Int, _ k: Int, _ span: Range<Int>) {
            let old = placed[line][k]
            placed[line][k] = old.map { min($0.lowerBound, span.lowerBound)..<max($0.upperBound, span.upperBound) } ?? span
        }
        var newHeader: [[String]] = []
        for (r, line) in header.enumerated() {
            guard let spans = line.spans else {
                newHeader.append(line.cells.count == 1 ? placeSingle(line, anchors: headerAnchors, width: width) : line.cells)
                continue
            }
            var cells = Array(repeating: "", count: width)
            // Words over the labels go to their label column; the others head the figure
            // columns in order (a heading's printed position drifts, its order does not).
            let labelReach = (headerAnchors.filter { !$0.isFigure }.map(\.upper).max() ?? -1) + 2
            let figureSlots = headerAnchors.enumerated().filter { $0.element.isFigure }
            var figureWords: [(String, Int, Range<Int>)] = []
            var pieces = Array(zip(line.cells, spans))
            // Headings of adjacent narrow columns printed one space apart ("基本支出 项目支出")
            // read as one cell: over more figure columns than headings, they are split into words.
            let figurePieces = pieces.filter { $0.1.lowerBound > labelReach }.count
            if figurePieces < figureSlots.count {
                pieces = pieces.flatMap { cell, span in
                    span.lowerBound > labelReach ? splitHeading(cell, span: span) : [(cell, span)]
                }
            }
            for (cell, span) in pieces {
                let centre = (span.lowerBound + span.upperBound) / 2
                if span.lowerBound <= labelReach || figureSlots.isEmpty {
                    let labels = headerAnchors.enumerated().filter { !$0.element.isFigure }
                    let own = labels.last { $0.element.lower <= centre + 1 } ?? labels.first
                    let k = columnIndex(headerAnchors, own?.offset ?? headerColumn(headerAnchors, span: span))
                    cells[k] = cells[k].isEmpty ? cell : cells[k] + cell
                } else {
                    figureWords.append((cell, centre, span))
                }
            }
            // A heading is centred over its right-aligned figures: their edge is right of its centre.
            let headingCost: (Int, Int) -> Int = { edge, centre in edge >= centre - 1 ? edge - centre : 1000 + centre - edge }
            for (i, slot) in align(figureWords.map(\.1), to: figureSlots.map(\.element.edge), cost: headingCost).enumerated() {
                guard let slot else { continue }
                let k = columnIndex(headerAnchors, figureSlots[slot].offset)
                cells[k] = cells[k].isEmpty ? figureWords[i].0 : cells[k] + figureWords[i].0
                place(r, k, figureWords[i].2)
            }
            newHeader.append(cells)
        }
        let fixed = HeaderSpans.resolve(&newHeader, placed: placed, figureColumns: reference.map(\.isFigure))
        return (newHeader, newData, fixed)
    }

    /// "基本支出 项目支出" → two headings with their spans, when every word is a heading of its own
    /// (two or more characters, not a number: "2024 年预算数" and "公务接待 费" stay whole).
    static func splitHeading(_ cell: String, span: Range<Int>) -> [(String, Range<Int>)] {
        let words = cell.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count > 1, words.allSatisfy({ w in w.count >= 2 && w.first?.isNumber == false && w.contains { !$0.isASCII } })
        else { return [(cell, span)] }
        var out: [(String, Range<Int>)] = []
        var offset = span.lowerBound
        for w in words {
            out.append((w, offset..<(offset + w.count)))
            offset += w.count + 1
        }
        return out
    }

    /// A header line with a single cell and no spans: put it where it starts (its offset is lost; first column).
    static func placeSingle(_ line: RawLine, anchors: [Anchor], width: Int) -> [String] {
        var cells = Array(repeating: "", count: width)
        if let c = line.cells.first { cells[0] = c }
        return cells
    }

    static func anchors(_ lines: [RawLine]) -> [Anchor] {
        var figures: [(Int, Int, Int)] = []  // right edge, lower, upper
        var labels: [(Int, Int, Int)] = []
        for line in lines {
            guard let spans = line.spans else { continue }
            for ((_, span), isFigure) in zip(zip(line.cells, spans), figureFlags(line.cells)) {
                if isFigure {
                    figures.append((span.upperBound, span.lowerBound, span.upperBound))
                } else {
                    labels.append((span.lowerBound, span.lowerBound, span.upperBound))
                }
            }
        }
        let spanned = lines.filter { $0.spans != nil }.count
        let minCount = spanned >= 4 ? max(2, spanned / 10) : 1
        var out = cluster(figures, isFigure: true, minCount: minCount) + cluster(labels, isFigure: false, minCount: minCount)
        out.sort { $0.position < $1.position }
        return mergingIndents(out, lines: lines)
    }

    /// Two neighbouring label columns that never both hold a label on one line are one column whose
    /// labels are indented by level ("工资福利支出" / "  基本工资"): they are merged.
    static func mergingIndents(_ anchors: [Anchor], lines: [RawLine]) -> [Anchor] {
        var out = anchors
        var k = 0
        while k + 1 < out.count {
            let a = out[k], b = out[k + 1]
            guard !a.isFigure, !b.isFigure else { k += 1; continue }
            let together = lines.contains { line in
                guard let spans = line.spans else { return false }
                var inA = false, inB = false
                for ((cell, span), isFigure) in zip(zip(line.cells, spans), figureFlags(line.cells)) where !isFigure && !cell.trimmed.isEmpty {
                    let nearestIsA = abs(span.lowerBound - a.edge) <= abs(span.lowerBound - b.edge)
                    if nearestIsA { inA = true } else { inB = true }
                }
                return inA && inB
            }
            if together { k += 1; continue }
            out[k] = Anchor(isFigure: false, edge: a.edge, lower: min(a.lower, b.lower), upper: max(a.upper, b.upper))
            out.remove(at: k + 1)
        }
        return out
    }

    static func cluster(_ points: [(Int, Int, Int)], isFigure: Bool, minCount: Int) -> [Anchor] {
        let sorted = points.sorted { $0.0 < $1.0 }
        var out: [Anchor] = []
        var group: [(Int, Int, Int)] = []
        func flush() {
            guard group.count >= minCount, let first = group.first else { group = []; return }
            let edges = group.map(\.0).sorted()
            out.append(Anchor(isFigure: isFigure, edge: edges[edges.count / 2],
                              lower: group.map(\.1).min() ?? first.1, upper: group.map(\.2).max() ?? first.2))
            group = []
        }
        for p in sorted {
            if let last = group.last, p.0 - last.0 > tolerance { flush() }
            group.append(p)
        }
        flush()
        return out
    }

    /// Matches cells to columns in order (both left to right), at the least total distance between
    /// their edges: a line printed with tighter spacing still fills its columns in order.
    static func align(_ edges: [Int], to anchors: [Int], cost distance: (Int, Int) -> Int = { abs($0 - $1) }) -> [Int?] {
        let n = edges.count, m = anchors.count
        guard n > 0 else { return [] }
        guard m >= n else { return edges.map { e in anchors.enumerated().min { distance($0.element, e) < distance($1.element, e) }?.offset } }
        // cost[i][j]: best for the first i cells using the first j columns.
        let inf = Int.max / 4
        var cost = Array(repeating: Array(repeating: inf, count: m + 1), count: n + 1)
        for j in 0...m { cost[0][j] = 0 }
        for i in 1...n {
            for j in i...m {
                let take = cost[i - 1][j - 1] == inf ? inf : cost[i - 1][j - 1] + distance(anchors[j - 1], edges[i - 1])
                cost[i][j] = min(cost[i][j - 1], take)
            }
        }
        var out = Array<Int?>(repeating: nil, count: n)
        var i = n, j = m
        while i > 0 && j > 0 {
            if cost[i][j] == cost[i][j - 1] && j - 1 >= i { j -= 1 } else { out[i - 1] = j - 1; i -= 1; j -= 1 }
        }
        return out
    }

    /// Which cells of a line are figures: amounts, and plain numbers after the row's label;
    /// numbers before any label are code parts (类 "201", 款 "05").
    static func figureFlags(_ cells: [String]) -> [Bool] {
        // The first word that is not a number: the row's label. Short numbers before it are code parts.
        let labelIndex = cells.firstIndex { c in !c.trimmed.isEmpty && NumberParser.parse(c) == nil }
        return cells.enumerated().map { i, cell in
            if LayoutSegments.isFigureWord(cell) { return true }
            guard let n = NumberParser.parse(cell), !n.isPercent else { return false }
            guard let label = labelIndex, i < label, !n.isDash else { return true }
            let digits = cell.trimmed
            let codeLike = ClassificationCode.parse(digits) != nil || (digits.count <= 2 && digits.allSatisfy(\.isNumber))
            return !codeLike
        }
    }

    static func nearest(_ anchors: [Anchor], isFigure: Bool, span: Range<Int>) -> Int? {
        let edge = isFigure ? span.upperBound : span.lowerBound
        let same = anchors.enumerated().filter { $0.element.isFigure == isFigure }
        if let best = same.min(by: { abs($0.element.edge - edge) < abs($1.element.edge - edge) }) { return best.offset }
        return overlapping(anchors, span: span)
    }

    /// The column a header word heads: figures are right-aligned under a centred heading, so the
    /// nearest figure column whose right edge is at or right of the word's centre; a label column
    /// whose labels reach under the word's centre. The closer of the two wins.
    static func headerColumn(_ anchors: [Anchor], span: Range<Int>) -> Int {
        let centre = (span.lowerBound + span.upperBound) / 2
        var best: (Int, Int)?
        for (k, a) in anchors.enumerated() {
            let distance = a.isFigure ? (a.edge >= centre - 1 ? a.edge - centre : nil)
                : (a.lower <= centre + 1 && centre <= a.upper + 2 ? centre - a.lower : nil)
            guard let d = distance else { continue }
            if best == nil || d < (best?.1 ?? Int.max) { best = (k, d) }
        }
        return best?.0 ?? overlapping(anchors, span: span)
    }

    /// The column whose extent overlaps the span most (or is nearest).
    static func overlapping(_ anchors: [Anchor], span: Range<Int>) -> Int {
        var best = 0
        var bestScore = Int.min
        for (k, a) in anchors.enumerated() {
            let overlap = min(a.upper, span.upperBound) - max(a.lower, span.lowerBound)
            let centre = (span.lowerBound + span.upperBound) / 2
            let score = overlap > 0 ? overlap * 1000 : -min(abs(a.lower - centre), abs(a.upper - centre))
            if score > bestScore { bestScore = score; best = k }
        }
        return best
    }
}
