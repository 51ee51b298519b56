import YusuanCore

/// A disclosure as tab-separated text, laid out as a copy of the published PDF: the narrative
/// first, then each table under "附件 N", its title and "单位：万元", header lines in which a
/// spanning heading is followed by empty cells, one line per row, the notes after it.
///
/// `TextReader` and `Recogniser` read this text back to the same tables.
public enum DisclosureText {
    public static func render(_ d: Disclosure) -> String {
        String(decoding: renderUTF8(d), as: UTF8.self)
    }

    /// `render`'s text as its UTF-8 bytes (for a caller that writes them to a file as they are).
    public static func renderUTF8(_ d: Disclosure) -> [UInt8] {
        // Lines are appended as bytes into one buffer (appending to a `String` costs several times more per
        // piece): a block's lines, then an empty line; the last line break of the document is left out (the
        // lines of all blocks joined by line breaks).
        var out = Output()
        if !startsWithTitle(d) { out.block(titleLine(d.title)) }
        for p in d.narrative { out.block(line(p.text)) }
        if !d.contents.isEmpty {
            for e in d.contents { out.line(line((e.attachment.map { "附件\($0) " } ?? "") + e.title)) }
            out.endBlock()
        }
        // Each body line is written once, in order: laid out as it is written (`eachBodyLine`), not kept.
        for grid in DisclosureGrid.tables(of: d, keepingBodies: false) {
            if let a = grid.attachment { out.block("附件 " + a) }
            out.block(line(grid.title))
            if let u = grid.unitText { out.block(u) }
            for l in grid.fields { out.row(l) }
            for l in grid.header { out.row(l) }
            grid.eachBodyLine { out.row($0) }
            out.endBlock()
            for n in grid.notes { out.block(line(n)) }
        }
        return out.bytes
    }

    /// The document being written, as UTF-8: lines separated by line breaks (internal for the tests that hold its
    /// lines to `row`).
    struct Output {
        var bytes: [UInt8] = []
        private var started = false

        init() { bytes.reserveCapacity(1 << 15) }

        /// Starts a new line (a line break before every line but the first).
        mutating func newLine() {
            if started { bytes.append(10) } else { started = true }
        }

        mutating func append(_ s: String) {
            TextNormalization.withBytes(s) { bytes.append(contentsOf: $0) }
        }

        mutating func line(_ s: String) {
            newLine()
            append(s)
        }

        /// The empty line that ends a block.
        mutating func endBlock() { newLine() }

        /// A block of one line.
        mutating func block(_ s: String) {
            line(s)
            endBlock()
        }

        /// A grid line: its slots tab-separated, a covered slot printed empty (as `DisclosureText.row`).
        mutating func row(_ l: DisclosureGrid.Line) {
            newLine()
            // The slots read in place (not each copied out with its text retained).
            l.slots.withUnsafeBufferPointer { slots in
                for i in slots.indices {
                    if i > 0 { bytes.append(9) }
                    if let cell = slots[i] { self.cell(cell.text) }
                }
            }
        }

        /// `DisclosureText.cell(s)`: without a tab or a line break, the trimmed bytes of `s` as they are.
        mutating func cell(_ s: String) {
            // Blank money cells are many: nothing to write.
            guard !s.isEmpty else { return }
            let plain = TextNormalization.withBytes(s) { b -> Bool in
                guard !DisclosureText.hasTabOrBreak(b) else { return false }
                // Most cells are trimmed already: `trimmedRange` tells that by their end bytes, without a search.
                let kept = TextNormalization.trimmedRange(b)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[kept]))
                return true
            }
            if !plain { append(DisclosureText.cell(s)) }
        }
    }

    /// Whether the narrative opens with the document's title (as a published 情况说明 does).
    static func startsWithTitle(_ d: Disclosure) -> Bool {
        guard let first = d.narrative.first?.text else { return d.title.isEmpty }
        return TextNormalization.key(first) == TextNormalization.key(d.title)
    }

    /// The document's title on a line of its own; a title that reads as a table's ("…统计表") as
    /// the reader's "# title:" line, which names the document without opening a table.
    static func titleLine(_ title: String) -> String {
        TextNormalization.key(title).hasSuffix("表") ? "# title: " + line(title) : line(title)
    }

    /// A grid line: its slots tab-separated, a covered slot printed empty.
    static func row(_ l: DisclosureGrid.Line) -> String {
        l.slots.map { cell($0?.text ?? "") }.joined(separator: "\t")
    }

    /// A cell's text on one line, without the tabs that would split it.
    static func cell(_ s: String) -> String {
        if !hasTabOrBreak(s) { return s.trimmed }
        return s.split(whereSeparator: { $0 == "\t" || $0.isNewline }).joined(separator: " ").trimmed
    }

    /// A line of running text: line breaks inside it become spaces.
    static func line(_ s: String) -> String {
        if !hasTabOrBreak(s) { return s }
        return s.split(whereSeparator: \.isNewline).map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: " ")
    }

    /// Whether `s` may hold a tab or a line break (U+0009–U+000D, U+0085, U+2028, U+2029), from its
    /// UTF-8 bytes. When it holds none, splitting at them gives the string itself (or nothing, when it
    /// is empty), so `cell` and `line` can skip the split.
    static func hasTabOrBreak(_ s: String) -> Bool {
        TextNormalization.withBytes(s) { hasTabOrBreak($0) }
    }

    /// `hasTabOrBreak` of a string's UTF-8 bytes: skipped eight at a time while none of the eight is below 0x0E, C2
    /// or E2 (every tab or break starts with such a byte), then read byte by byte (`hasTabOrBreak(_:from:)`) from the
    /// first eight that hold one. Every cell of a written document is tested.
    static func hasTabOrBreak(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = b.baseAddress {
            func mayHold(_ x: UInt64) -> Bool {
                ByteLanes.below(x, 0x0E) | ByteLanes.equal(x, 0xC2) | ByteLanes.equal(x, 0xE2) != 0
            }
            while i + 8 <= b.count {
                if mayHold(ByteLanes.load(base, at: i)) { return hasTabOrBreak(b, from: i) }
                i += 8
            }
            // The bytes left (fewer than eight) tested at once as the last eight bytes, whose first ones passed above.
            if i < b.count, b.count >= 8, !mayHold(ByteLanes.load(base, at: b.count - 8)) { return false }
        }
        return hasTabOrBreak(b, from: i)
    }

    /// Whether a tab or a break starts at byte `from` of `b` or after it, read byte by byte.
    static func hasTabOrBreak(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var i = start
        while i < b.count {
            switch b[i] {
            case 0x09...0x0D: return true
            case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: return true
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): return true
            default: i += 1
            }
        }
        return false
    }
}
