import YusuanCore

/// One line as the scan sees it, worked out once: its non-empty cells trimmed. The title, unit-line, note,
/// data and end-of-table tests all read these instead of trimming the line's cells again each; the text they
/// make is joined only when a test needs it (most lines of a table are answered from their labels).
struct ScannedLine {
    /// The line's non-empty cells, trimmed, in order.
    let labels: [String]

    init(_ line: borrowing RawLine) {
        labels = line.nonEmptyTrimmedCells
    }

    var isBlank: Bool { labels.isEmpty }

    /// The same as `RawLine.text`: the non-empty cells joined with a space (made afresh at each call).
    var text: String { labels.count == 1 ? labels[0] : Self.joined(labels) }

    /// `labels.joined(separator: " ")`, the bytes copied into one string allocated at its length
    /// (appending to a `String` cost about 180 instructions a label).
    static func joined(_ labels: [String]) -> String {
        var length = max(labels.count - 1, 0)
        for l in labels { length += l.utf8.count }
        return String(unsafeUninitializedCapacity: length) { out in
            var n = 0
            for (k, l) in labels.enumerated() {
                if k > 0 && n < out.count {
                    out[n] = 0x20
                    n += 1
                }
                n += TextNormalization.withBytes(l) { b in
                    let m = min(b.count, out.count - n)
                    _ = UnsafeMutableBufferPointer(rebasing: out[n..<(n + m)]).initialize(fromContentsOf: b.prefix(m))
                    return m
                }
            }
            return n
        }
    }
}
