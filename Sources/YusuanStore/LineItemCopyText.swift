/// Line items as lines of PostgreSQL's COPY text format, in the column order `batch_id, line, department,
/// unit, functional, economic, nature, project, fund, fen`: tab-separated, one row a line, backslash
/// escaped. Control characters (tab, newline) never occur in a value: the CSV reader refuses them.
public enum LineItemCopyText {
    /// The first bytes of every line of a batch: its id and a tab.
    public static func prefix(batchID: Int64) -> [UInt8] {
        var bytes: [UInt8] = []
        appendDecimal(batchID, to: &bytes)
        bytes.append(9)
        return bytes
    }

    /// Appends `row` as one line.
    public static func append(_ row: LineItemRow, prefix: [UInt8], to text: inout [UInt8]) {
        text.append(contentsOf: prefix)
        appendDecimal(Int64(row.line), to: &text)
        for value in [row.department, row.unit, row.functional, row.economic, row.nature, row.project, row.fund] {
            text.append(9)
            appendEscaped(value.utf8, to: &text)
        }
        text.append(9)
        appendDecimal(row.fen, to: &text)
        text.append(10)
    }

    /// Appends `bytes` with each backslash doubled (COPY's escape character).
    @inlinable
    public static func appendEscaped<Bytes: Collection>(_ bytes: Bytes, to text: inout [UInt8]) where Bytes.Element == UInt8 {
        if bytes.contains(92) {
            for b in bytes {
                text.append(b)
                if b == 92 { text.append(92) }
            }
        } else {
            text.append(contentsOf: bytes)
        }
    }

    /// Appends `value` in decimal ASCII digits.
    public static func appendDecimal(_ value: Int64, to text: inout [UInt8]) {
        if value < 0 { text.append(45) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            text.append(UInt8(truncatingIfNeeded: magnitude / divisor) + 48)
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }
}

extension LineItemSource {
    /// Through `next(limit:)`, a chunk of rows at a time (about 100 bytes a row).
    public func nextCopyText(prefix: [UInt8], into text: inout [UInt8], bytes: Int) throws -> Int {
        var appended = 0
        while text.count < bytes {
            let rows = try next(limit: max(1, (bytes - text.count) / 100))
            if rows.isEmpty { break }
            for row in rows { LineItemCopyText.append(row, prefix: prefix, to: &text) }
            appended += rows.count
        }
        return appended
    }
}
