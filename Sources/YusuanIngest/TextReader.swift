import YusuanCore

/// Splits disclosure text into lines of cells: tab-separated (a copy of a PDF table), columns aligned
/// by runs of spaces (`pdftotext -layout`), or "|"-separated (web pages saved as text), including the
/// "one cell per line" form where a table's cells follow each other down the page.
public enum TextReader {
    public static func read(_ text: String, source: String) -> RawDocument {
        // Over the text's bytes in one buffer: lines are ranges of it, and a tab-separated line (the common case)
        // has its cells made straight from those bytes, without a string for the whole line first.
        TextNormalization.withBytes(text) { bytes in read(bytes, source: source) }
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, source: String) -> RawDocument {
        var lines: [RawLine] = []
        var page = 1
        var number = 0
        var pending: [(String, Int, Int)] = []  // one-cell-per-line "|" stream: text, line, page
        func flushStream() {
            if !pending.isEmpty { lines += PipeStream.regroup(pending) }
            pending = []
        }
        // Every cut is at an ASCII byte, so each line is valid UTF-8.
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
        let (ranges, hasPages) = lineRanges(bytes)
        lines.reserveCapacity(ranges.count)  // a line a range at most (a stream's cells are regrouped into fewer)
        for (index, range) in ranges.enumerated() {
            number += 1
            // Which of the ASCII separators the line holds, in one pass over its bytes (a form feed's removal
            // leaves the others as they are).
            let marks = separators(UnsafeBufferPointer(rebasing: bytes[range]))
            if marks.tab && !marks.pipe && !marks.formFeed {
                // Tab-separated, no stream line: the cells the general path below gives (`split`, `tabFields`),
                // read from the document's bytes.
                flushStream()
                lines.append(RawLine(cells: tabFields(UnsafeBufferPointer(rebasing: bytes[range])),
                                     location: SourceLocation(line: number, page: hasPages ? page : nil), fromTable: false))
                continue
            }
            var line = string(range)
            if marks.formFeed {
                page += line.filter { $0 == "\u{0C}" }.count
                line = line.replacingAll("\u{0C}", with: "")
            }
            let loc = SourceLocation(line: number, page: hasPages ? page : nil)
            // The next line is looked at only for a line that may start a one-cell-per-line stream.
            func nextIsBar() -> Bool { index + 1 < ranges.count && string(ranges[index + 1]).trimmed == "|" }
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
        TextNormalization.withBytes(line) { separators($0) }
    }

    /// Each byte looked for with `memchr` (`firstByteOffset(of:in:from:)`): a byte-by-byte switch cost about five
    /// instructions a byte of the document.
    static func separators(_ bytes: UnsafeBufferPointer<UInt8>) -> (formFeed: Bool, tab: Bool, pipe: Bool) {
        func holds(_ byte: UInt8) -> Bool { firstByteOffset(of: byte, in: bytes, from: 0) != nil }
        return (holds(0x0C), holds(0x09), holds(0x7C))
    }

    /// The byte ranges of the lines of valid UTF-8 `bytes`, split at "\n" and "\r\n", one "\r" more dropped from a
    /// line's end: by bytes (a line feed is a character of its own, and "\r" at a line's end too), the same as
    /// splitting the characters; and whether the text holds a form feed (it has pages; a form feed is a character of
    /// its own too, so the byte is the character). Line feeds and the form feed are found with `memchr`
    /// (`firstByteOffset(of:in:from:)`): a loop testing each byte for both cost about ten instructions a byte.
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: [Range<Int>], formFeed: Bool) {
        var out: [Range<Int>] = []
        var start = 0
        let n = bytes.count
        func piece(_ from: Int, _ to: Int) -> Range<Int> {
            var end = to
            if end > from && bytes[end - 1] == 0x0D { end -= 1 }  // the "\r\n" separator
            return from..<end
        }
        while let i = firstByteOffset(of: 0x0A, in: bytes, from: start) {
            out.append(piece(start, piece(start, i).upperBound))  // the "\r\n" separator, and one "\r" more
            start = i + 1
        }
        out.append(piece(start, n))
        return (out, firstByteOffset(of: 0x0C, in: bytes, from: 0) != nil)
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
        TextNormalization.withBytes(line) { tabFields($0) }
    }

    /// `tabFields` of a line's valid UTF-8 bytes: each field trimmed on its bytes (`trimmedRange`, the white space
    /// `trimmed` removes) and made a string once. The tabs are found with `memchr`, as the lines are.
    static func tabFields(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        out.reserveCapacity(8)  // most tables have fewer columns: one allocation for the line's cells
        func field(_ from: Int, _ to: Int) -> String {
            let piece = UnsafeBufferPointer(rebasing: bytes[from..<to])
            let t = TextNormalization.trimmedRange(piece)
            return String(decoding: UnsafeBufferPointer(rebasing: piece[t]), as: UTF8.self)
        }
        var start = 0
        while let i = firstByteOffset(of: 0x09, in: bytes, from: start) {
            out.append(field(start, i))
            start = i + 1
        }
        out.append(field(start, bytes.count))
        return out
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
