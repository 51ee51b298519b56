/// One money figure a disclosure prints, in 分 (integers only: never a floating amount), with keys that
/// match the same figure in another disclosure of the department (another year, the 决算 of the same year,
/// another version). The renderers compare them (`PrintedFigures`, `FigureChanges`); the store keeps a
/// version's figures as these.
public struct PrintedFigure: Sendable, Hashable, Codable {
    /// The table as printed ("附件1 部门收支总表（收入）"), or its kind.
    public var table: String
    /// The row as printed ("2010301 行政运行", "合计").
    public var row: String
    /// The column header as printed, levels joined by "/".
    public var column: String
    public var fen: Int64

    public init(table: String, row: String, column: String, fen: Int64) {
        self.table = table
        self.row = row
        self.column = column
        self.fen = fen
    }
}
