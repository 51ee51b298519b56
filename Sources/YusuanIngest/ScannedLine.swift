import YusuanCore

/// One line as the scan sees it, worked out once: its non-empty cells trimmed, and the text they
/// make. The title, unit-line, note, data and end-of-table tests all read these instead of trimming
/// and joining the line's cells again each.
struct ScannedLine {
    let line: RawLine
    /// The line's non-empty cells, trimmed, in order.
    let labels: [String]
    /// The same as `RawLine.text`: the non-empty cells joined with a space.
    let text: String

    init(_ line: RawLine) {
        self.line = line
        var labels: [String] = []
        labels.reserveCapacity(line.cells.count)
        for cell in line.cells {
            let t = cell.trimmed
            if !t.isEmpty { labels.append(t) }
        }
        self.labels = labels
        if line.cells.count == 1 {
            text = labels.first ?? ""
        } else {
            text = labels.count == 1 ? labels[0] : labels.joined(separator: " ")
        }
    }

    var isBlank: Bool { labels.isEmpty }
}
