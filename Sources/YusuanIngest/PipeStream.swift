import YusuanCore

/// Tables saved from web pages where every cell sits on a line of its own, closed by "|":
/// "项 目 |", "预 算 数 |", "合 计 |", "30.8 |" … The cells are regrouped into rows as wide as
/// the header: the header is every cell before the first label that is followed by a figure.
enum PipeStream {
    static func isStreamLine(_ line: String) -> Bool {
        let t = line.trimmed
        guard t.contains("|") else { return false }
        let bars = t.filter { $0 == "|" }.count
        if t == "|" { return true }
        return bars == 1 && t.hasSuffix("|")
    }

    static func regroup(_ block: [(String, Int, Int)]) -> [RawLine] {
        // Cells with the line each starts on.
        var cells: [(String, Int)] = []
        var current = ""
        var startLine = block.first?.1 ?? 0
        var started = false
        for (text, line, _) in block {
            for ch in text {
                if ch == "|" {
                    cells.append((current.trimmed, startLine))
                    current = ""
                    started = false
                } else {
                    if !started && !ch.isWhitespace { startLine = line; started = true }
                    current.append(ch)
                }
            }
            current.append(" ")
        }
        if !current.trimmed.isEmpty { cells.append((current.trimmed, startLine)) }
        // Leading cells that are blanks, a title or a unit become one-cell lines of their own.
        var out: [RawLine] = []
        var i = 0
        while i < cells.count {
            let c = cells[i].0
            if c.isEmpty { i += 1; continue }
            if c.hasSuffix("表") || c.hasSuffix(":") || c.hasSuffix("：") || c.contains("单位") && c.count < 12 {
                out.append(RawLine(cells: [c], location: SourceLocation(line: cells[i].1)))
                i += 1
                continue
            }
            break
        }
        let rest = Array(cells[i...])
        guard let width = headerWidth(rest.map(\.0)), width > 1 else {
            return out + rest.filter { !$0.0.isEmpty }.map { RawLine(cells: [$0.0], location: SourceLocation(line: $0.1)) }
        }
        var k = 0
        while k < rest.count {
            let row = Array(rest[k..<min(k + width, rest.count)])
            k += width
            if row.allSatisfy({ $0.0.isEmpty }) { continue }
            out.append(RawLine(cells: row.map(\.0), location: SourceLocation(line: row.first?.1), fromTable: true))
        }
        return out
    }

    /// The number of header cells: those before the first text cell followed by a figure or a blank.
    static func headerWidth(_ cells: [String]) -> Int? {
        for i in 1..<max(1, cells.count - 1) where i + 1 < cells.count {
            let c = cells[i]
            let next = cells[i + 1]
            if NumberParser.parse(c) == nil && !c.isEmpty && (NumberParser.parse(next) != nil) {
                return i
            }
        }
        return nil
    }
}
