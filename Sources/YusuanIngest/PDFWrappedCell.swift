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

    /// The wrapped cells among a page's words: chains of words, each next one the first word below the
    /// one before (by top) that overlaps it horizontally, more than half an em and at most
    /// `PDFWordLayout.wrapSpacing` ems lower, with a box of about the same height; kept when a one-line
    /// word (in no such chain), clear of the cell horizontally, is centred at the cell's middle: a cell of
    /// its row. A paragraph's lines, with nothing beside them, and the entries of a contents page, each a
    /// chain of titles beside a chain of leaders, are not cells.
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
        let byCentre = words.indices.sorted { words[$0].yCenter < words[$1].yCenter }
        var cells: [WrappedCell] = []
        for i in words.indices where next[i] != nil && !hasAbove[i] {
            var rest: [Int] = []
            var last = i
            while let j = next[last], rest.count < maxLines - 1 { rest.append(j); last = j }
            guard let e = PDFWordLayout.em(words[i]) else { continue }
            let middle = (words[i].yMin + words[last].yMax) / 2
            let span = ([i] + rest).map { words[$0] }.reduce((low: Double.infinity, high: -Double.infinity)) { (Swift.min($0.low, $1.xMin), Swift.max($0.high, $1.xMax)) }
            let oneLine = { (j: Int) in next[j] == nil && !hasAbove[j] }
            if beside(span, at: middle, within: besideWithin * e, words: words, byCentre: byCentre, counting: oneLine) {
                cells.append(WrappedCell(first: i, rest: rest, middle: middle))
            }
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
