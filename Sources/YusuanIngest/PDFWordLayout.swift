import YusuanCore

/// Lays the words of each PDF page out as space-aligned text on a fixed character grid, so that
/// `TextReader` and the layout column finder read it as they read `pdftotext -layout` — but with the
/// positions the words really have: a word starts at the column its left edge falls in (one column
/// is half the page's typical character width, the width of a digit), words closer than a space
/// stay in one cell, and a wider gap is at least two spaces. Lines are the words whose vertical
/// centres agree, across the whole page width (pdftotext's own blocks split a table's columns).
/// A CJK character is two grid columns wide, and cell spans are measured on the grid, so that a
/// heading's centre is where it was printed. Each cell also says whether it was printed at line
/// spacing under the cell above it (a wrapped heading or name) rather than at row spacing.
enum PDFWordLayout {
    static func text(pages: [[PDFWord]]) -> String {
        layout(pages: pages).text
    }

    /// The pages read as lines of cells: the laid-out text through `TextReader`, the cells' spans
    /// in grid columns and their wrap flags.
    static func document(pages: [[PDFWord]], source: String, limits: InputLimits = .standard) throws(IngestError) -> RawDocument {
        let laid = layout(pages: pages)
        return gridSpans(try TextReader.read(laid.text, source: source, limits: limits), text: laid.text, placed: laid.placed)
    }

    /// A word as placed on the grid: its grid columns, and whether it is the next printed line of
    /// the word right above it.
    struct Placed: Sendable, Hashable {
        var start: Int
        var end: Int
        var wraps: Bool
    }

    /// The text of all pages, and for each of its lines (by line number - 1) the words placed on it.
    static func layout(pages: [[PDFWord]]) -> (text: String, placed: [[Placed]]) {
        var text = ""
        var placed: [[Placed]] = []
        for (k, words) in pages.enumerated() {
            if k > 0 { text += "\u{0C}" }
            let p = page(placed: words)
            text += p.text
            placed += p.placed
        }
        return (text, placed)
    }

    /// How far below the word above (top to top, in that word's em) a word may be and still be the
    /// next line of the same cell: wrapped text is set at about 1.35 em, a table's next row at
    /// 1.7 em or more.
    static let wrapSpacing = 1.55

    /// The em of a word: its width over its characters (a CJK character one em, any other half).
    static func em(_ w: PDFWord) -> Double? {
        let units = w.text.reduce(0.0) { $0 + (isWide($1) ? 1.0 : 0.5) }
        guard units > 0, w.width > 0, w.width.isFinite else { return nil }
        return w.width / units
    }

    /// For each line's words, whether the word is the next printed line of the word right above it:
    /// the nearest word of an earlier line that it overlaps horizontally, at most `wrapSpacing` ems
    /// higher.
    static func wrapFlags(_ lines: [[PDFWord]]) -> [[Bool]] {
        var out: [[Bool]] = []
        for (k, line) in lines.enumerated() {
            out.append(line.map { w in
                var nearest: PDFWord?
                for earlier in lines[..<k].reversed().prefix(6) {
                    for a in earlier where a.yMin < w.yMin && min(a.xMax, w.xMax) > max(a.xMin, w.xMin) {
                        if nearest.map({ a.yMin > $0.yMin }) ?? true { nearest = a }
                    }
                }
                guard let a = nearest, let e = em(a) else { return false }
                let dy = w.yMin - a.yMin
                return dy > 0.5 * e && dy <= wrapSpacing * e
            })
        }
        return out
    }

    /// The spans of the cells of `document` (read by `TextReader` from `text`, a layout made here)
    /// measured in grid cells instead of characters: a CJK character is two cells wide on the grid,
    /// so a heading's character span would be half its printed width and its centre off.
    /// Each cell also gets its wrap flag (`RawLine.wraps`): set when every word in it is the next
    /// printed line of the word above it.
    static func gridSpans(_ document: RawDocument, text: String, placed: [[Placed]] = []) -> RawDocument {
        let raw = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var doc = document
        for i in doc.lines.indices {
            guard let spans = doc.lines[i].spans, let n = doc.lines[i].location.line, n >= 1, n <= raw.count else { continue }
            let line = raw[n - 1].contains("\u{0C}") ? String(raw[n - 1]).replacingAll("\u{0C}", with: "") : String(raw[n - 1])
            let segments = LayoutSegments.split(line, wide: true)
            guard segments.count == spans.count, zip(segments, doc.lines[i].cells).allSatisfy({ $0.text == $1 }) else { continue }
            doc.lines[i].spans = segments.map(\.span)
            guard n - 1 < placed.count else { continue }
            let words = placed[n - 1]
            doc.lines[i].wraps = segments.map { s in
                let inside = words.filter { $0.start < s.span.upperBound && s.span.lowerBound < $0.end }
                return !inside.isEmpty && inside.allSatisfy(\.wraps)
            }
        }
        return doc
    }

    /// Whether the words' boxes are of comparable height (the tallest tenth at most three times the
    /// lowest tenth), so that boxes can be compared across fonts.
    static func boxesAreConsistent(_ pages: [[PDFWord]]) -> Bool {
        let heights = pages.joined().map(\.height).filter { $0 > 0 }.sorted()
        guard heights.count >= 10 else { return true }
        let low = heights[heights.count / 10], high = heights[heights.count * 9 / 10]
        return high <= 3 * low
    }

    static func page(_ words: [PDFWord]) -> String {
        page(placed: words).text
    }

    static func page(placed words: [PDFWord]) -> (text: String, placed: [[Placed]]) {
        guard !words.isEmpty else { return ("\n", [[]]) }
        let column = columnWidth(words)
        let grouped = lines(words)
        let flags = wrapFlags(grouped)
        var out = ""
        var placed: [[Placed]] = []
        for (line, wraps) in zip(grouped, flags) {
            let laid = layout(line, column: column, wraps: wraps)
            out += laid.text + "\n"
            placed.append(laid.placed)
        }
        return (out, placed)
    }

    /// Width of one grid column: half the median em, the em measured on the words themselves
    /// (a CJK character is one em wide, any other character half an em).
    static func columnWidth(_ words: [PDFWord]) -> Double {
        var ems: [Double] = []
        for w in words {
            let units = w.text.reduce(0.0) { $0 + (isWide($1) ? 1.0 : 0.5) }
            if units > 0, w.width > 0, w.width.isFinite { ems.append(w.width / units) }
        }
        ems.sort()
        let em = ems.isEmpty ? 10 : ems[ems.count / 2]
        return max(em / 2, 1)
    }

    static func isWide(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return isWide(v)
    }

    /// Whether a character starting with the scalar `v` takes two grid cells.
    static func isWide(_ v: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0x3000...0x303F).contains(v) || (0x2010...0x201F).contains(v)
    }

    /// Words grouped into lines: sorted by vertical centre, a word joins the current line when its box
    /// and the box of the line's first word overlap vertically by at least half of the lower of the two
    /// (fonts report boxes of very different heights: a short word centred in a tall row still overlaps
    /// that row's figures, while the next row's words overlap it less). A cell printed over several
    /// lines beside one-line cells of its row (`WrappedCell`) is placed as text and HTML print it: its
    /// first line on its row's line, each next line on a line of its own right after.
    static func lines(_ words: [PDFWord]) -> [[PDFWord]] {
        let cells = WrappedCell.find(words)
        var centres = words.map(\.yCenter)
        var later = [Bool](repeating: false, count: words.count)
        var cellOfTop: [Int: Int] = [:]
        for (c, cell) in cells.enumerated() {
            centres[cell.first] = cell.middle
            cellOfTop[cell.first] = c
            for j in cell.rest { later[j] = true }
        }
        let order = words.indices.filter { !later[$0] }.sorted { (centres[$0], words[$0].xMin) < (centres[$1], words[$1].xMin) }
        // Each word's box for grouping: its own, moved to its grouping centre.
        func overlap(_ a: Int, _ b: Int) -> Double {
            min(centres[a] + words[a].height / 2, centres[b] + words[b].height / 2)
                - max(centres[a] - words[a].height / 2, centres[b] - words[b].height / 2)
        }
        var grouped: [[Int]] = []
        for i in order {
            if let first = grouped.last?.first, overlap(first, i) >= 0.5 * max(min(words[first].height, words[i].height), 0.1) {
                grouped[grouped.count - 1].append(i)
            } else {
                grouped.append([i])
            }
        }
        grouped = liftSpanningCells(grouped, words: words, centres: centres, bottoms: words.indices.map { i in
            cellOfTop[i].map { words[cells[$0].rest.last ?? i].yMax } ?? words[i].yMax
        })
        var result: [[PDFWord]] = []
        for line in grouped {
            result.append(line.map { words[$0] }.sorted { $0.xMin < $1.xMin })
            // The later lines of the wrapped cells that start on this line, one line per depth.
            let starting = line.compactMap { cellOfTop[$0] }.map { cells[$0] }
            let depth = starting.map(\.rest.count).max() ?? 0
            for d in 0..<depth {
                result.append(starting.compactMap { d < $0.rest.count ? words[$0.rest[d]] : nil }.sorted { $0.xMin < $1.xMin })
            }
        }
        return mergeSpanningLines(result)
    }

    /// Cells of a line (by index into `words`) that span it and the line above: a cell's middle (`centres`:
    /// a wrapped cell's is the middle of all its lines) at least `raisedBy` em above the line's own (the
    /// upper quartile of its cells' middles: spanning cells sit above it, never below), centred between
    /// the top of the line above and the bottom of its own row (`bottoms`: a wrapped cell's last line),
    /// over no word of the line above and over no word with letters on the next line (whose heading it
    /// would be). They go to the line above, where text and HTML print a row-spanning cell; a wrapped
    /// one takes its later lines along (they follow the line it goes to).
    static func liftSpanningCells(_ lines: [[Int]], words: [PDFWord], centres: [Double], bottoms: [Double]) -> [[Int]] {
        guard lines.count > 1 else { return lines }
        var out = lines
        for k in 1..<lines.count {
            let line = lines[k]
            guard line.count > 2 else { continue }
            let middles = line.map { centres[$0] }.sorted()
            let reference = middles[middles.count * 3 / 4]
            let above = out[k - 1].map { words[$0] }
            guard let upperTop = above.map(\.yMin).min() else { continue }
            let rowBottom = line.map { bottoms[$0] }.max() ?? 0
            let under = k + 1 < lines.count ? lines[k + 1].map { words[$0] } : []
            let lifted = line.filter { i in
                let w = words[i]
                guard let e = em(w) else { return false }
                return centres[i] < reference - raisedBy * e
                    && abs(centres[i] - (upperTop + rowBottom) / 2) <= centredWithin * e
                    && !above.contains { min($0.xMax, w.xMax) > max($0.xMin, w.xMin) }
                    && !under.contains { $0.text.contains(where: \.isLetter) && min($0.xMax, w.xMax) > max($0.xMin, w.xMin) }
            }
            guard !lifted.isEmpty, lifted.count < line.count else { continue }
            out[k].removeAll { lifted.contains($0) }
            out[k - 1] += lifted
        }
        return out
    }

    /// How close (centre to centre, in em) a line may be to the next one and still be printed above it as
    /// a line of its own: two lines of one column are at least a line's spacing apart (about 1.35 em), two
    /// rows of a table more (1.7 em or more).
    static let spanningGap = 1.2

    /// A line whose words are all cells spanning the row above and the one below — printed less than
    /// `spanningGap` above the next line (so beside it, not over it), over no word of the line above and
    /// under none of the next line, each centred between the top of the line above and the bottom of the
    /// next line with its wrapped cells (序号, 合计 beside a group heading, when the sub-headings' row is
    /// taller than one line) — joins the line above, where text and HTML print a row-spanning cell.
    static func mergeSpanningLines(_ lines: [[PDFWord]]) -> [[PDFWord]] {
        guard lines.count > 2 else { return lines }
        var out = lines
        var k = 1
        while k + 1 < out.count {
            let line = out[k], above = out[k - 1], below = out[k + 1]
            let ems = line.compactMap(em).sorted()
            guard !ems.isEmpty, let upperTop = above.map(\.yMin).min() else { k += 1; continue }
            let e = ems[ems.count / 2]
            let gap = median(below.map(\.yCenter)) - median(line.map(\.yCenter))
            // The next line's cells with their later printed lines: the lines after it whose every word
            // continues a word of the line before.
            var rowBottom = below.map(\.yMax).max() ?? 0
            var previous = below
            for later in out[(k + 2)...] {
                guard later.allSatisfy({ u in previous.contains { w in continues(u, w) } }) else { break }
                rowBottom = max(rowBottom, later.map(\.yMax).max() ?? 0)
                previous = later
            }
            let spans = gap > 0 && gap < spanningGap * e && line.allSatisfy { w in
                !above.contains { min($0.xMax, w.xMax) > max($0.xMin, w.xMin) }
                    && !below.contains { min($0.xMax, w.xMax) > max($0.xMin, w.xMin) }
                    && abs(w.yCenter - (upperTop + rowBottom) / 2) <= centredWithin * (em(w) ?? 0)
            }
            if spans {
                out[k - 1] = (above + line).sorted { $0.xMin < $1.xMin }
                out.remove(at: k)
            } else {
                k += 1
            }
        }
        return out
    }

    /// Whether `u` is printed as the next line of the same cell as `w`: right under it, more than half an
    /// em and at most `wrapSpacing` ems lower (top to top), in a box of about the same height.
    static func continues(_ u: PDFWord, _ w: PDFWord) -> Bool {
        guard let e = em(w), min(u.xMax, w.xMax) > max(u.xMin, w.xMin) else { return false }
        let dy = u.yMin - w.yMin
        return dy > 0.5 * e && dy <= wrapSpacing * e && u.height <= 1.25 * w.height && w.height <= 1.25 * u.height
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// How far (in its em) a word's box must sit above the rest of its line, top and bottom, to be a
    /// cell spanning this row and the one above.
    static let raisedBy = 0.3

    /// How far (in its em) a row-spanning cell's word may be from halfway between the top of the
    /// row above and the bottom of its own row (a cell's text is centred in it).
    static let centredWithin = 0.25

    /// Most grid columns a line may reach: far wider than any page (an A3 landscape page at a
    /// 4pt font is about 600), so a word placed off the page cannot make a line of millions of spaces.
    static let maxGridColumns = 4_096

    /// The grid column of a position: 0 for a coordinate that is not a finite number, and never past
    /// `maxGridColumns` (no trap on NaN, infinity or a huge value, whoever calls it).
    static func gridColumn(_ x: Double, column: Double) -> Int {
        guard column.isFinite, column > 0 else { return 0 }
        let v = (x / column).rounded()
        guard v.isFinite else { return 0 }
        return Int(min(max(v, 0), Double(maxGridColumns)))
    }

    /// Grid columns a text fills: a CJK character is one em, two columns; any other one column.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// One line of text: each word at the grid column of its left edge; two words closer than
    /// about a space (0.6 em) are one cell with a single space, so a wider gap never is. Columns are
    /// counted in grid cells (a CJK character two), so that a cell's display span, as
    /// `LayoutSegments.split(_:wide:)` measures it, is where it was printed.
    static func layout(_ words: [PDFWord], column: Double) -> String {
        layout(words, column: column, wraps: []).text
    }

    static func layout(_ words: [PDFWord], column: Double, wraps: [Bool]) -> (text: String, placed: [Placed]) {
        var out = ""
        var count = 0
        var previous: PDFWord?
        var placed: [Placed] = []
        for (k, w) in words.enumerated() {
            let target = gridColumn(w.xMin, column: column)
            if let p = previous {
                let gap = w.xMin - p.xMax
                if gap < column * 1.2 {
                    // One cell: a CJK text broken into words keeps no space; anything else one space.
                    let joinTight = isWide(p.text.last ?? " ") && isWide(w.text.first ?? " ")
                    if !joinTight { out += " "; count += 1 }
                } else {
                    let spaces = max(target - count, 2)
                    out += String(repeating: " ", count: spaces)
                    count += spaces
                }
            } else if target > 0 {
                out += String(repeating: " ", count: target)
                count += target
            }
            let start = count
            out += w.text
            count += displayWidth(w.text)
            placed.append(Placed(start: start, end: count, wraps: k < wraps.count && wraps[k]))
            previous = w
        }
        return (out, placed)
    }
}
