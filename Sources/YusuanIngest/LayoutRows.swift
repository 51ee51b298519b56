import YusuanCore

/// Joins the printed lines of one table row in space-aligned text. A row taller than a line (a
/// name wrapped in a narrow column) is printed by `pdftotext -layout` over several lines: its
/// figures on a line of their own above the code and name, and the rest of a wrapped name on the
/// lines below. Lines that only carry figures join the next row line whose cells they do not
/// collide with; lines that only carry the rest of a label join the line above.
enum LayoutRows {
    static func join(_ lines: [RawLine]) -> [RawLine] {
        var out: [RawLine] = []
        var pendingFigures: RawLine?
        var lastLine: [Int: Int] = [:]  // index in out → line number of its last printed line
        for line in lines {
            guard let spans = line.spans, spans.count == line.cells.count else {
                if let p = pendingFigures { out.append(p); pendingFigures = nil }
                out.append(line)
                continue
            }
            if isFigureOnly(line) {
                if let p = pendingFigures {
                    if let merged = merge(p, line) { pendingFigures = merged; continue }
                    out.append(p)
                }
                pendingFigures = line
                continue
            }
            var current = line
            if let p = pendingFigures {
                pendingFigures = nil
                if p.location.page == line.location.page, !isContinuation(line), let merged = merge(line, p) {
                    current = merged
                } else {
                    out.append(p)
                }
            }
            if isContinuation(current), let last = out.indices.last, out[last].spans != nil,
               out[last].location.page == current.location.page,
               let below = current.location.line, (lastLine[last] ?? out[last].location.line ?? 0) + 1 == below,
               let appended = appendContinuation(current, to: out[last]) {
                out[last] = appended
                lastLine[last] = below
                continue
            }
            out.append(current)
            lastLine[out.count - 1] = line.location.line ?? 0
        }
        if let p = pendingFigures { out.append(p) }
        return out
    }

    static func isFigureOnly(_ line: RawLine) -> Bool {
        let cells = line.nonEmptyTrimmedCells
        return !cells.isEmpty && cells.allSatisfy(LayoutSegments.isFigureWord)
    }

    /// The rest of a wrapped label: text only (or a two-digit code part), no outline number, no total.
    static func isContinuation(_ line: RawLine) -> Bool {
        // A PDF's line says how far below the line above it was printed: row spacing is no wrap.
        if let w = line.wraps, w.count == line.cells.count,
           line.cells.indices.contains(where: { !line.cells[$0].trimmed.isEmpty && !w[$0] }) { return false }
        let cells = line.nonEmptyTrimmedCells
        guard !cells.isEmpty, cells.contains(where: { NumberParser.parse($0) == nil }) else { return false }
        return cells.allSatisfy { c in
            if NumberParser.parse(c) != nil { return c.count <= 2 && c.allSatisfy(\.isNumber) }
            return RowLabels.depth(c) == nil && RowLabels.totalKind(c) == nil
        }
    }

    static func pairs(_ line: RawLine) -> [(String, Range<Int>)] {
        guard let spans = line.spans else { return [] }
        return zip(line.cells, spans).filter { !$0.0.trimmed.isEmpty }.map { ($0.0, $0.1) }
    }

    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound < b.upperBound + 1 && b.lowerBound < a.upperBound + 1
    }

    static func make(_ base: RawLine, _ items: [(String, Range<Int>)]) -> RawLine {
        let sorted = items.sorted { $0.1.lowerBound < $1.1.lowerBound }
        var l = base
        l.cells = sorted.map(\.0)
        l.spans = sorted.map(\.1)
        // A joined line is a row of its own: none of its cells continues the line above.
        if l.wraps != nil { l.wraps = Array(repeating: false, count: sorted.count) }
        return l
    }

    /// The cells of both lines on one line, if none of them collide.
    static func merge(_ base: RawLine, _ other: RawLine) -> RawLine? {
        let a = pairs(base), b = pairs(other)
        guard !b.contains(where: { x in a.contains { overlaps($0.1, x.1) } }) else { return nil }
        return make(base, a + b)
    }

    /// Continuation cells go under the label they continue (appended to it), or, on a row that
    /// starts with a code and has no label there, into that row's empty name cell.
    static func appendContinuation(_ line: RawLine, to row: RawLine) -> RawLine? {
        var items = pairs(row)
        let startsWithCode = items.first.map { c in
            ClassificationCode.parse(c.0.trimmed) != nil || (c.0.trimmed.count <= 3 && c.0.trimmed.allSatisfy(\.isNumber))
        } ?? false
        for (text, span) in pairs(line) {
            if let k = items.firstIndex(where: { overlaps($0.1, span) }) {
                let above = items[k]
                guard NumberParser.parse(above.0) == nil, NumberParser.parse(text) == nil else { return nil }
                items[k] = (above.0 + text, min(above.1.lowerBound, span.lowerBound)..<max(above.1.upperBound, span.upperBound))
            } else if startsWithCode {
                items.append((text, span))
            } else {
                return nil
            }
        }
        return make(row, items)
    }
}
