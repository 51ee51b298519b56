import YusuanCore

/// A table cell printed over several lines beside one-line cells of its row. A cell's text is centred in
/// the cell, so the middle of the whole cell is where its row's one-line cells are, while its first line
/// sits half a line or more above them — nearer, at times, to a cell spanning two header rows, centred
/// across both. Text and HTML print such a cell's first line on its row's line and the rest after it;
/// `PDFWordLayout.lines` does the same with the cells found here.
struct WrappedCell: Sendable, Equatable {
    /// The word of the cell's first line, the words of its next lines in order (indices into the page's
    /// words), and the middle of the whole cell.
    var first: Int
    var rest: [Int]
    var middle: Double

    /// Most lines a cell is followed over.
    static let maxLines = 8

    /// How far (in em) from the cell's middle another word's centre may be and still be beside it.
    static let besideWithin = 0.3

    /// How far (in em) the spacing of one line of a cell to the next may differ from that of the others:
    /// a cell's lines are set at one line spacing.
    static let evenWithin = 0.1

    /// The wrapped cells among a page's words. Each word is linked to the first word below it (by top)
    /// that overlaps it horizontally, when that one is more than half an em and at most
    /// `PDFWordLayout.wrapSpacing` ems lower, with a box of about the same height. A path of such links
    /// down a column can run through several rows (the first line of a wrapped cell sits nearer to the
    /// cell above it than line spacing, and so does the next row's cell to its last line), so a cell is a
    /// run of the path at one spacing (`evenWithin`), kept when a word of another cell, clear of it
    /// horizontally and linked to none, or only further apart than that spacing (rows are further apart
    /// than a cell's lines), is centred at the cell's middle: a one-line cell of its row — and when no
    /// figure is in it or beside its other lines (`isFigure`). A paragraph's lines, with nothing
    /// beside them, and the entries of a contents page, each a chain of titles beside a chain of leaders,
    /// are not cells.
    static func find(_ words: [PDFWord]) -> [WrappedCell] {
        guard words.count > 2 else { return [] }
        let byTop = words.indices.sorted { words[$0].yMin < words[$1].yMin }
        var next = [Int?](repeating: nil, count: words.count)
        var hasAbove = [Bool](repeating: false, count: words.count)
        for (position, i) in byTop.enumerated() {
            let w = words[i]
            guard let e = PDFWordLayout.em(w) else { continue }
            for j in byTop[(position + 1)...] {
                let u = words[j], dy = u.yMin - w.yMin
                if dy > PDFWordLayout.wrapSpacing * e { break }
                guard min(u.xMax, w.xMax) > max(u.xMin, w.xMin) else { continue }
                if PDFWordLayout.continues(u, w) && !hasAbove[j] { next[i] = j; hasAbove[j] = true }
                break
            }
        }
        // Each word's spacing to the word linked above and below it.
        var spacings = [[Double]](repeating: [], count: words.count)
        for i in words.indices {
            guard let j = next[i] else { continue }
            let dy = words[j].yMin - words[i].yMin
            spacings[i].append(dy)
            spacings[j].append(dy)
        }
        let byCentre = words.indices.sorted { words[$0].yCenter < words[$1].yCenter }
        var cells: [WrappedCell] = []
        for start in words.indices where next[start] != nil && !hasAbove[start] {
            var path = [start]
            while let j = next[path[path.count - 1]], path.count < words.count { path.append(j) }
            cells += runs(of: path, words: words) { run, span, middle, spacing, e in
                let tolerance = besideWithin * e
                let oneLine = { (j: Int) in spacings[j].allSatisfy { $0 > spacing + evenWithin * e } }
                guard beside(span, at: middle, within: tolerance, words: words, byCentre: byCentre,
                             counting: oneLine) else { return false }
                return !run.contains { k in
                    let centre = words[k].yCenter
                    return isFigure(words[k]) || abs(centre - middle) > tolerance
                        && beside(span, at: centre, within: tolerance, words: words, byCentre: byCentre) { j in
                            abs(words[j].yCenter - middle) > tolerance && isFigure(words[j])
                        }
                }
            }
        }
        return cells
    }

    /// Whether `word` is a figure. Figures are never wrapped and sit at their row's middle, so a run with
    /// a figure in it, or with a figure beside one of its lines away from its middle, is rows, not one cell:
    /// a table whose rows are set as close as a cell's lines, beside a label spanning them and centred
    /// where a wrapped cell's one-line neighbours would be. (One-line words beside those lines prove
    /// nothing: a header cell spanning two header rows sits there too.)
    static func isFigure(_ word: PDFWord) -> Bool {
        NumberParser.parse(word.text) != nil
    }

    /// The cells on one path of linked words (top to bottom): its runs at one spacing, each of two to
    /// `maxLines` words and as long as that spacing lasts (a table's rows set as close as a cell's lines
    /// are one long run, never a cell), longest first, then highest, that `isCell` accepts (given the
    /// run's words, its horizontal extent, its middle, its spacing and its first word's em) and that share
    /// no word with a run taken before (two runs meet in a word where the spacing changes).
    static func runs(of path: [Int], words: [PDFWord],
                     isCell: (ArraySlice<Int>, (low: Double, high: Double), Double, Double, Double) -> Bool)
        -> [WrappedCell] {
        guard path.count > 1 else { return [] }
        let spacing = (0..<path.count - 1).map { words[path[$0 + 1]].yMin - words[path[$0]].yMin }
        // Maximal runs of links at one spacing (links a..<b join words a...b).
        var runs: [(a: Int, b: Int)] = []
        var a = 0
        while a < spacing.count {
            guard let e = PDFWordLayout.em(words[path[a]]) else { a += 1; continue }
            var b = a + 1
            while b < spacing.count, abs(spacing[b] - spacing[a]) <= evenWithin * e { b += 1 }
            runs.append((a, b))
            a = b
        }
        runs.sort { ($0.b - $0.a, $1.a) > ($1.b - $1.a, $0.a) }
        var taken = [Bool](repeating: false, count: path.count)
        var cells: [WrappedCell] = []
        for (a, b) in runs where b - a + 1 <= maxLines && !taken[a...b].contains(true) {
            guard let e = PDFWordLayout.em(words[path[a]]) else { continue }
            let middle = (words[path[a]].yMin + words[path[b]].yMax) / 2
            let span = path[a...b].map { words[$0] }.reduce((low: Double.infinity, high: -Double.infinity)) {
                (Swift.min($0.low, $1.xMin), Swift.max($0.high, $1.xMax))
            }
            guard isCell(path[a...b], span, middle, spacing[a], e) else { continue }
            for k in a...b { taken[k] = true }
            cells.append(WrappedCell(first: path[a], rest: Array(path[(a + 1)...b]), middle: middle))
        }
        return cells
    }

    /// Whether a word that `counting` accepts, clear of the horizontal extent `span`, has its centre within
    /// `tolerance` of `centre`; `byCentre` is the words' indices sorted by centre.
    static func beside(_ span: (low: Double, high: Double), at centre: Double, within tolerance: Double,
                       words: [PDFWord], byCentre: [Int], counting: (Int) -> Bool) -> Bool {
        var low = 0, high = byCentre.count
        while low < high {
            let mid = (low + high) / 2
            if words[byCentre[mid]].yCenter < centre - tolerance { low = mid + 1 } else { high = mid }
        }
        for j in byCentre[low...] {
            let u = words[j]
            if u.yCenter > centre + tolerance { break }
            if min(u.xMax, span.high) <= max(u.xMin, span.low) && counting(j) { return true }
        }
        return false
    }
}
