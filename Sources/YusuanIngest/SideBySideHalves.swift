import YusuanCore

/// A table printed in two halves side by side under a header that repeats one sequence of column
/// headings ("科目编码 科目名称 决算数 | 科目编码 科目名称 决算数"): each half is its own list of rows
/// (人员经费 on the left, 公用经费 on the right). Each half is built as a table of its own, from its
/// own cells and printed positions, and the result is one table: the left half's rows, then the
/// right half's. Lines with printed positions are cut at the gap between the two groups of
/// headings; tab- or "|"-separated lines at the cell where the repeated group starts.
enum SideBySideHalves {
    enum Cut: Equatable {
        /// Cells whose centre lies left of this character position belong to the left half.
        case position(Int)
        /// Cells from this index on belong to the right half.
        case index(Int)
    }

    /// The two halves of a table's lines (header and data), when its header repeats itself. Each
    /// half's lines are numbered as if the other half's lines were not there (`lineOf` gives back
    /// the printed line), so that a name wrapped onto a line below still reads as the next line.
    struct Half {
        var lines: [RawLine]
        var lineOf: [Int: Int]
    }

    static func halves(_ lines: [RawLine]) -> (left: Half, right: Half)? {
        let headerCount = lines.firstIndex { TableBuilder.isDataLike($0.cells) } ?? lines.count
        guard headerCount > 0, headerCount < lines.count,
              let cut = cut(header: Array(lines[..<headerCount]), data: Array(lines[headerCount...])) else { return nil }
        var left: [RawLine] = []
        var right: [RawLine] = []
        for line in lines {
            let (l, r) = split(line, cut)
            left.append(l)
            right.append(r)
        }
        let l = compact(left), r = compact(right)
        // Each half must have data lines of its own.
        guard l.lines.contains(where: { TableBuilder.isDataLike($0.cells) }),
              r.lines.contains(where: { TableBuilder.isDataLike($0.cells) }) else { return nil }
        return (l, r)
    }

    /// One half's lines without the lines left blank by the cut, a line that only holds the
    /// two-digit part of a code ("12" printed under "302 因公出国（境）费") put into the row above it,
    /// and the rest renumbered to close the gaps they leave.
    static func compact(_ lines: [RawLine]) -> Half {
        var kept: [RawLine] = []
        var dropped = 0
        var lineOf: [Int: Int] = [:]
        var lastOriginal: Int?
        for line in lines {
            guard let original = line.location.line else {
                if !line.isBlank { kept.append(line) }
                continue
            }
            if line.isBlank { dropped += 1; continue }
            if isCodePart(line), let k = kept.indices.last, lastOriginal.map({ $0 + 1 == original }) ?? false,
               startsWithCode(kept[k]), let merged = LayoutRows.merge(kept[k], line) {
                kept[k] = merged
                lastOriginal = original
                dropped += 1
                continue
            }
            var l = line
            let virtual = original - dropped
            l.location.line = virtual
            lineOf[virtual] = original
            kept.append(l)
            lastOriginal = original
        }
        return Half(lines: kept, lineOf: lineOf)
    }

    static func isCodePart(_ line: RawLine) -> Bool {
        let cells = line.cells.map(\.trimmed).filter { !$0.isEmpty }
        return line.spans != nil && !cells.isEmpty && cells.allSatisfy { $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func startsWithCode(_ line: RawLine) -> Bool {
        guard let first = line.cells.map(\.trimmed).first(where: { !$0.isEmpty }) else { return false }
        return ClassificationCode.parse(first) != nil
    }

    /// Rows and cells of a half put back on the lines they were printed on.
    static func restoreLines(_ table: DisclosureTable, _ lineOf: [Int: Int]) -> DisclosureTable {
        var t = table
        for r in t.rows.indices {
            if let v = t.rows[r].location.line, let o = lineOf[v] { t.rows[r].location.line = o }
            for c in t.rows[r].cells.indices {
                if let v = t.rows[r].cells[c].location.line, let o = lineOf[v] { t.rows[r].cells[c].location.line = o }
            }
        }
        return t
    }

    /// Where to cut, if every header line prints the same headings twice and the repeated group
    /// names row labels (a code or a name) as well as something else.
    static func cut(header: [RawLine], data: [RawLine]) -> Cut? {
        let lines = header.filter { !$0.isBlank }
        guard !lines.isEmpty else { return nil }
        var index: Int?
        var leftEnd = Int.min, rightStart = Int.max
        var withSpans = 0
        var wide = false
        var words: [String] = []
        for line in lines {
            let filled = line.cells.indices.filter { !TextNormalization.key(line.cells[$0]).isEmpty }
            let keys = filled.map { TextNormalization.key(line.cells[$0]) }
            guard keys.count >= 2, keys.count % 2 == 0 else { return nil }
            let n = keys.count / 2
            guard Array(keys[..<n]) == Array(keys[n...]), keys.allSatisfy({ NumberParser.parse($0) == nil }) else { return nil }
            if n >= 2 { wide = true }
            words += keys[..<n]
            if let spans = line.spans, spans.count == line.cells.count {
                withSpans += 1
                leftEnd = max(leftEnd, filled[..<n].map { spans[$0].upperBound }.max() ?? Int.min)
                rightStart = min(rightStart, filled[n...].map { spans[$0].lowerBound }.min() ?? Int.max)
            } else {
                // Cells kept in place (tabs, "|"): the second group starts at the same cell on every line.
                if let i = index, i != filled[n] { return nil }
                index = filled[n]
            }
        }
        let labelWords = ["编码", "代码", "名称", "项目", "科目"]
        guard wide, words.contains(where: { w in labelWords.contains { w.contains($0) } }),
              words.contains(where: { w in !labelWords.contains { w.contains($0) } }) else { return nil }
        if withSpans == 0, let index { return .index(index) }
        guard withSpans == lines.count, leftEnd < rightStart else { return nil }
        return .position(gap(from: leftEnd, to: rightStart, data: data))
    }

    /// The position between the two heading groups that the fewest data cells straddle (the middle
    /// of the best run): figures and codes of either half may reach past their headings.
    static func gap(from lower: Int, to upper: Int, data: [RawLine]) -> Int {
        var spans: [Range<Int>] = []
        for line in data {
            if let s = line.spans, s.count == line.cells.count {
                spans += zip(line.cells, s).filter { !$0.0.trimmed.isEmpty }.map(\.1)
            }
        }
        let crossed = (lower...upper).map { p in spans.filter { $0.lowerBound < p && p < $0.upperBound }.count }
        let least = crossed.min() ?? 0
        // The longest run of positions crossed by the fewest cells; its middle.
        var bestRun = (start: 0, length: 0)
        var k = 0
        while k < crossed.count {
            guard crossed[k] == least else { k += 1; continue }
            var e = k
            while e + 1 < crossed.count && crossed[e + 1] == least { e += 1 }
            if e - k + 1 > bestRun.length { bestRun = (k, e - k + 1) }
            k = e + 1
        }
        return lower + bestRun.start + bestRun.length / 2
    }

    /// One line as its left and right halves.
    static func split(_ line: RawLine, _ cut: Cut) -> (RawLine, RawLine) {
        var left = line, right = line
        switch cut {
        case .index(let k):
            left.cells = Array(line.cells.prefix(k))
            right.cells = Array(line.cells.dropFirst(k))
            if let s = line.spans, s.count == line.cells.count {
                left.spans = Array(s.prefix(k))
                right.spans = Array(s.dropFirst(k))
            }
        case .position(let p):
            guard let spans = line.spans, spans.count == line.cells.count else {
                right.cells = []
                return (left, right)
            }
            var lc: [String] = [], ls: [Range<Int>] = [], rc: [String] = [], rs: [Range<Int>] = []
            for (cell, span) in zip(line.cells, spans) {
                if (span.lowerBound + span.upperBound) / 2 < p {
                    lc.append(cell); ls.append(span)
                } else {
                    rc.append(cell); rs.append(span)
                }
            }
            left.cells = lc; left.spans = ls.isEmpty ? nil : ls
            right.cells = rc; right.spans = rs.isEmpty ? nil : rs
        }
        if left.cells.isEmpty { left.cells = [""] }
        if right.cells.isEmpty { right.cells = [""] }
        return (left, right)
    }

    /// One table from the two halves built on their own: the left half's columns, its rows and then
    /// the right half's, their cells put under the left half's columns of the same role, in order.
    static func join(_ left: DisclosureTable, _ right: DisclosureTable) -> DisclosureTable? {
        func byRole(_ t: DisclosureTable) -> [ColumnRole: [Int]] {
            Dictionary(grouping: t.columns, by: \.role).mapValues { $0.map(\.index) }
        }
        let l = byRole(left), r = byRole(right)
        guard let lm = l[.money], let rm = r[.money], lm.count == rm.count,
              l[.name] != nil || l[.code] != nil else { return nil }
        // Left column → right column.
        var source: [Int: Int] = [:]
        for (role, cols) in l {
            let other = r[role] ?? []
            for (k, c) in cols.enumerated() where k < other.count { source[c] = other[k] }
        }
        var out = left
        for row in right.rows {
            var moved = row
            moved.cells = left.columns.indices.map { c in
                if let s = source[c], s < row.cells.count {
                    var cell = row.cells[s]
                    cell.location.column = c
                    return cell
                }
                return Cell(text: "", location: SourceLocation(line: row.location.line, page: row.location.page,
                                                               sheet: row.location.sheet, column: c))
            }
            out.rows.append(moved)
        }
        return out
    }
}
