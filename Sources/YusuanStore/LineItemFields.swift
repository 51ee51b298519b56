/// Checked line items as bytes, for a store that binds them without making a string per field (SQLite): each
/// row's line and 分, and its seven text fields (department, unit, functional, economic, nature, project, fund)
/// as UTF-8, back to back in one buffer.
public struct LineItemFields: Sendable {
    /// Text fields per row.
    public static let textColumns = 7

    /// The text fields' bytes, back to back.
    public private(set) var bytes: [UInt8] = []
    /// Where each text field ends in `bytes`, `textColumns` per row; a field starts where the one before it ends.
    public private(set) var ends: [Int] = []
    /// Each row's line in its file.
    public private(set) var lines: [Int] = []
    /// Each row's amount in 分.
    public private(set) var fen: [Int64] = []

    public init() {}

    /// The number of rows held.
    public var count: Int { lines.count }

    /// Forgets the rows, keeping the memory for the next ones.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        fen.removeAll(keepingCapacity: true)
    }

    /// The byte range in `bytes` of text field `column` (0 department … 6 fund) of row `row`.
    @inlinable
    public func range(row: Int, column: Int) -> Range<Int> {
        let i = row * Self.textColumns + column
        return (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    /// Appends `row`.
    public mutating func append(_ row: LineItemRow) {
        for text in [row.department, row.unit, row.functional, row.economic, row.nature, row.project, row.fund] {
            appendField(text.utf8)
        }
        endRow(line: row.line, fen: row.fen)
    }

    /// Appends the next text field of the row being written.
    public mutating func appendField<Bytes: Collection>(_ field: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    /// Ends the row being written (after its `textColumns` text fields).
    public mutating func endRow(line: Int, fen: Int64) {
        lines.append(line)
        self.fen.append(fen)
    }
}

extension LineItemSource {
    /// Through `next(limit:)`.
    public func nextFields(into fields: inout LineItemFields, limit: Int) throws -> Int {
        let rows = try next(limit: max(1, limit))
        for row in rows { fields.append(row) }
        return rows.count
    }
}
