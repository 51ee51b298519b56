import YusuanCore

/// A disclosure as tab-separated text, laid out as a copy of the published PDF: the narrative
/// first, then each table under "附件 N", its title and "单位：万元", header lines in which a
/// spanning heading is followed by empty cells, one line per row, the notes after it.
///
/// `TextReader` and `Recogniser` read this text back to the same tables.
public enum DisclosureText {
    public static func render(_ d: Disclosure) -> String {
        var out: [String] = []
        func block(_ lines: [String]) {
            out += lines
            out.append("")
        }
        if !startsWithTitle(d) { block([titleLine(d.title)]) }
        for p in d.narrative { block([line(p.text)]) }
        if !d.contents.isEmpty {
            block(d.contents.map { e in line((e.attachment.map { "附件\($0) " } ?? "") + e.title) })
        }
        for grid in DisclosureGrid.tables(of: d) {
            if let a = grid.attachment { block(["附件 " + a]) }
            block([line(grid.title)])
            if let u = grid.unitText { block([u]) }
            block((grid.fields + grid.header + grid.body).map(row))
            for n in grid.notes { block([line(n)]) }
        }
        return out.joined(separator: "\n")
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
        s.split(whereSeparator: { $0 == "\t" || $0.isNewline }).joined(separator: " ").trimmed
    }

    /// A line of running text: line breaks inside it become spaces.
    static func line(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: " ")
    }
}
