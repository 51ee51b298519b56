import YusuanCore

/// Lays the words of each PDF page out as space-aligned text on a fixed character grid, so that
/// `TextReader` and the layout column finder read it as they read `pdftotext -layout` — but with the
/// positions the words really have: a word starts at the column its left edge falls in (one column
/// is half the page's typical character width, the width of a digit), words closer than a space
/// stay in one cell, and a wider gap is at least two spaces. Lines are the words whose vertical
/// centres agree, across the whole page width (pdftotext's own blocks split a table's columns).
enum PDFWordLayout {
    static func text(pages: [[PDFWord]]) -> String {
        pages.map(page).joined(separator: "\u{0C}")
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
        guard !words.isEmpty else { return "\n" }
        let column = columnWidth(words)
        var out = ""
        for line in lines(words) {
            out += layout(line, column: column) + "\n"
        }
        return out
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
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0x3000...0x303F).contains(v) || (0x2010...0x201F).contains(v)
    }

    /// Words grouped into lines: sorted by vertical centre, a word joins the current line when its box
    /// and the box of the line's first word overlap vertically by at least half of the lower of the two
    /// (fonts report boxes of very different heights: a short word centred in a tall row still overlaps
    /// that row's figures, while the next row's words overlap it less).
    static func lines(_ words: [PDFWord]) -> [[PDFWord]] {
        let sorted = words.sorted { ($0.yCenter, $0.xMin) < ($1.yCenter, $1.xMin) }
        var result: [[PDFWord]] = []
        var current: [PDFWord] = []
        for w in sorted {
            if let first = current.first {
                let overlap = min(first.yMax, w.yMax) - max(first.yMin, w.yMin)
                if overlap >= 0.5 * max(min(first.height, w.height), 0.1) {
                    current.append(w)
                    continue
                }
                result.append(current.sorted { $0.xMin < $1.xMin })
            }
            current = [w]
        }
        if !current.isEmpty { result.append(current.sorted { $0.xMin < $1.xMin }) }
        return result
    }

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

    /// One line of text: each word at the grid column of its left edge; two words closer than
    /// about a space (0.6 em) are one cell with a single space, so a wider gap never is.
    static func layout(_ words: [PDFWord], column: Double) -> String {
        var out = ""
        var count = 0
        var previous: PDFWord?
        for w in words {
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
            out += w.text
            count += w.text.count
            previous = w
        }
        return out
    }
}
