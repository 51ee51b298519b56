import YusuanCore

/// Reassembles header cells that `pdftotext -layout` breaks over several printed lines, in
/// space-aligned header lines that carry no line spacing (`RawLine.wraps` nil). A tall cell's text
/// comes out as a stack of pieces, one per printed line, often with lines of other cells between
/// them: "一般公共预算" … "财" … "政拨款", or one character per line ("预 / 算 / 数"), or "上级补助"
/// over "收入". A piece continues the piece above it (the nearest line above that has anything over
/// it) when each lies under the other alone, nothing of the lines between lies under the upper
/// piece, and the words read as one: a term cut by the break or a single character (`HeaderWraps`),
/// or a word that completes a heading ("收入", "财政拨款") printed with no sibling under the upper
/// piece's cell (a sub-heading has siblings: the spanning heading's cell covers them).
enum HeaderStacks {
    /// Words that end a heading ("上级补助" + "收入", "政府性基金预算" + "财政拨款") and head no
    /// column of their own under a spanning heading.
    static let completingWords: Set<String> = ["收入", "支出", "拨款", "财政拨款", "结余", "经费", "资金", "补助",
                                               "补助收入", "补助支出", "预算", "决算", "预算数", "决算数", "数"]

    static func join(_ lines: [RawLine]) -> [RawLine] {
        // A header is a few lines of a few dozen cells; anything far larger is no header to rebuild.
        guard lines.count >= 2, lines.count <= 40, lines.allSatisfy({ $0.wraps == nil && $0.cells.count <= 200 }) else { return lines }
        var out = lines
        for l in 1..<out.count {
            let lower = out[l]
            guard let ls = lower.spans, ls.count == lower.cells.count else { continue }
            var removed: Set<Int> = []
            // A code heading alone on its line ("款" under "…财政拨") is the rest of a cut word.
            let codeWords = ls.indices.filter { ["类", "款", "项"].contains(lower.cells[$0].trimmed) }
            for b in ls.indices where isPiece(lower.cells[b]) || codeWords == [b] {
                guard let (j, a) = upperPiece(out, line: l, span: ls[b]), let aSpan = out[j].spans?[a] else { continue }
                // Nothing of the lines between lies under the upper piece; the lower piece is alone under it.
                guard (j + 1..<l).allSatisfy({ filled(out[$0], overlapping: aSpan).isEmpty }),
                      filled(lower, overlapping: aSpan) == [b] else { continue }
                let upper = out[j].cells[a], piece = lower.cells[b]
                let completes = completingWords.contains(TextNormalization.key(piece))
                    && noSibling(out, upper: (j, a), lower: (l, b))
                let cut = codeWords == [b] ? endsInTerm(upper + piece) : HeaderWraps.isWrap(upper, piece)
                guard cut || completes else { continue }
                HeaderWraps.append(piece, span: ls[b], to: &out[j], at: a)
                removed.insert(b)
            }
            out[l] = HeaderWraps.removing(removed, from: out[l])
        }
        return out.filter { !$0.isBlank }
    }

    /// "…财政拨" + "款": the joined text ends in a heading term that the break cut.
    static func endsInTerm(_ text: String) -> Bool {
        let k = TextNormalization.key(text)
        return HeaderWraps.terms.contains { $0.count >= 2 && k.hasSuffix($0) }
    }

    /// A heading word: not a figure, not a code heading.
    static func isPiece(_ cell: String) -> Bool {
        let t = cell.trimmed
        return !t.isEmpty && NumberParser.parse(t) == nil && !["类", "款", "项"].contains(t)
    }

    static func filled(_ line: RawLine, overlapping span: Range<Int>) -> [Int] {
        guard let spans = line.spans, spans.count == line.cells.count else { return [] }
        return spans.indices.filter { !line.cells[$0].trimmed.isEmpty && HeaderWraps.overlaps(spans[$0], span) }
    }

    /// The one piece over `span` on the nearest line above `line` (same page) that has any.
    static func upperPiece(_ lines: [RawLine], line l: Int, span: Range<Int>) -> (Int, Int)? {
        var j = l - 1
        while j >= 0 {
            guard lines[j].spans != nil, lines[j].location.page == lines[l].location.page else { return nil }
            let over = filled(lines[j], overlapping: span)
            if over.isEmpty { j -= 1; continue }
            return over.count == 1 ? (j, over[0]) : nil
        }
        return nil
    }

    /// The upper piece's cell reaches halfway to its neighbours on its line and on the lines down to
    /// the lower piece's; no other piece of the lower line has its centre in that reach.
    static func noSibling(_ lines: [RawLine], upper: (Int, Int), lower: (Int, Int)) -> Bool {
        guard let aSpan = lines[upper.0].spans?[upper.1], let ls = lines[lower.0].spans else { return false }
        var left = -Double.infinity, right = Double.infinity
        for k in upper.0..<lower.0 {
            guard let spans = lines[k].spans, spans.count == lines[k].cells.count else { continue }
            for (i, s) in spans.enumerated() where !lines[k].cells[i].trimmed.isEmpty && !(k == upper.0 && i == upper.1) {
                if s.upperBound <= aSpan.lowerBound { left = max(left, Double(s.upperBound + aSpan.lowerBound) / 2) }
                if s.lowerBound >= aSpan.upperBound { right = min(right, Double(s.lowerBound + aSpan.upperBound) / 2) }
            }
        }
        return !ls.indices.contains { i in
            guard i != lower.1, !lines[lower.0].cells[i].trimmed.isEmpty else { return false }
            let c = Double(ls[i].lowerBound + ls[i].upperBound) / 2
            return c > left && c < right
        }
    }
}
