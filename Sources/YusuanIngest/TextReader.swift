import YusuanCore

/// Splits disclosure text into lines of cells: tab-separated (a copy of a PDF table), columns aligned
/// by runs of spaces (`pdftotext -layout`), or "|"-separated (web pages saved as text), including the
/// "one cell per line" form where a table's cells follow each other down the page.
public enum TextReader {
    public static func read(_ text: String, source: String) -> RawDocument {
        var lines: [RawLine] = []
        var page = 1
        var number = 0
        var pending: [(String, Int, Int)] = []  // one-cell-per-line "|" stream: text, line, page
        func flushStream() {
            if !pending.isEmpty { lines += PipeStream.regroup(pending) }
            pending = []
        }
        let (rawLines, hasPages) = splitLines(text)
        for (index, original) in rawLines.enumerated() {
            number += 1
            var line = original
            // Which of the ASCII separators the line holds, in one pass over its bytes (a form feed's removal
            // leaves the others as they are).
            let marks = separators(line)
            if marks.formFeed {
                page += line.filter { $0 == "\u{0C}" }.count
                line = line.replacingAll("\u{0C}", with: "")
            }
            let loc = SourceLocation(line: number, page: hasPages ? page : nil)
            // The next line is looked at only for a line that may start a one-cell-per-line stream.
            func nextIsBar() -> Bool { index + 1 < rawLines.count && rawLines[index + 1].trimmed == "|" }
            if (marks.pipe && PipeStream.isStreamLine(line))
                || (!marks.pipe && !marks.tab && !TextNormalization.isBlank(line) && nextIsBar()) {
                pending.append((line, number, page))
                continue
            }
            flushStream()
            if marks.tab || marks.pipe {
                lines.append(RawLine(cells: split(line), location: loc, fromTable: false))
            } else {
                let segments = LayoutSegments.split(line)
                lines.append(RawLine(cells: segments.map(\.text), location: loc, fromTable: false,
                                     spans: segments.isEmpty ? nil : segments.map(\.span)))
            }
        }
        flushStream()
        return RawDocument(source: source, origin: .text, lines: lines)
    }

    /// Whether `line` holds a form feed, a tab or a "|" (the bytes `contains` would find).
    static func separators(_ line: String) -> (formFeed: Bool, tab: Bool, pipe: Bool) {
        TextNormalization.withBytes(line) { bytes in
            var formFeed = false, tab = false, pipe = false
            for b in bytes {
                switch b {
                case 0x0C: formFeed = true
                case 0x09: tab = true
                case 0x7C: pipe = true
                default: break
                }
            }
            return (formFeed, tab, pipe)
        }
    }

    /// The lines of `text`, split at "\n" and "\r\n", one "\r" more dropped from a line's end: by bytes (a line
    /// feed is a character of its own, and "\r" at a line's end too), the same as splitting the characters; and
    /// whether the text holds a form feed (it has pages), found in the same pass (a form feed is a character of its
    /// own too, so the byte is the character).
    static func splitLines(_ text: String) -> (lines: [String], formFeed: Bool) {
        // Over the string's bytes in one buffer; every cut is at an ASCII byte, so each piece is valid UTF-8.
        TextNormalization.withBytes(text) { bytes -> ([String], Bool) in
            var out: [String] = []
            var formFeed = false
            var start = 0
            let n = bytes.count
            func piece(_ from: Int, _ to: Int) -> String {
                var end = to
                if end > from && bytes[end - 1] == 0x0D { end -= 1 }  // the "\r\n" separator
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
            }
            var i = 0
            while i < n {
                if bytes[i] == 0x0A {
                    var end = i
                    if end > start && bytes[end - 1] == 0x0D { end -= 1 }  // the "\r\n" separator
                    out.append(piece(start, end))  // and one "\r" more
                    start = i + 1
                } else if bytes[i] == 0x0C {
                    formFeed = true
                }
                i += 1
            }
            out.append(piece(start, n))
            return (out, formFeed)
        }
    }

    /// Cells of one line.
    static func split(_ line: String) -> [String] {
        if line.contains("\t") { return tabFields(line) }
        let t = line.trimmed
        if t.contains("|") && t.filter({ $0 == "|" }).count >= 2 {
            var cells = t.fields("|").map(\.trimmed)
            if t.hasSuffix("|") { cells.removeLast() }
            return cells
        }
        return splitOnSpaceRuns(line)
    }

    /// The trimmed fields between tabs, empty ones kept (a tab is a character of its own: split by bytes).
    static func tabFields(_ line: String) -> [String] {
        TextNormalization.withBytes(line) { bytes -> [String] in
            var out: [String] = []
            out.reserveCapacity(bytes.reduce(1) { $1 == 0x09 ? $0 + 1 : $0 })
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x09 {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).trimmed)
                start = i + 1
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self).trimmed)
            return out
        }
    }

    /// "项目    预算数   决算数" → three cells; single spaces stay inside a cell.
    static func splitOnSpaceRuns(_ line: String) -> [String] {
        let normalized = line.replacingAll("\u{3000}", with: "  ")
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for ch in normalized {
            if ch == " " {
                spaces += 1
                continue
            }
            if spaces >= 2 && !current.isEmpty {
                cells.append(current)
                current = ""
            } else if spaces == 1 && !current.isEmpty {
                current.append(" ")
            }
            spaces = 0
            current.append(ch)
        }
        if !current.isEmpty { cells.append(current) }
        return cells.isEmpty ? [""] : cells
    }
}
