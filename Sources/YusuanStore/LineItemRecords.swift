import Foundation

/// One line item as imported: a row of a line-item CSV (部门编码, 单位编码, 功能科目, 经济科目, 性质, 项目编码,
/// 资金来源, 金额（元）), validated, with the amount exact in 分.
public struct LineItemRow: Sendable, Hashable, Codable {
    /// The row's line in its file (the header is line 1), for tracing a figure back to its source.
    public var line: Int
    public var department: String
    public var unit: String
    /// 支出功能分类 项 (7 digits).
    public var functional: String
    /// 部门预算支出经济分类 款 (5 digits).
    public var economic: String
    /// 人员经费, 日常公用经费 or 项目, as written.
    public var nature: String
    /// The project code ("" for basic spending).
    public var project: String
    /// The 资金来源, as written (one of `RevenueSource`'s names).
    public var fund: String
    public var fen: Int64

    public init(line: Int, department: String, unit: String, functional: String, economic: String, nature: String,
                project: String, fund: String, fen: Int64) {
        self.line = line
        self.department = department
        self.unit = unit
        self.functional = functional
        self.economic = economic
        self.nature = nature
        self.project = project
        self.fund = fund
        self.fen = fen
    }
}

/// One import of line items: every row of one file for one year, written in one transaction.
public struct LineItemBatch: Sendable, Hashable, Codable {
    public var id: Int64
    public var year: Int
    public var fileName: String
    public var rowCount: Int
    public var importedAt: Date
    public var importedBy: String

    public init(id: Int64, year: Int, fileName: String, rowCount: Int, importedAt: Date, importedBy: String) {
        self.id = id
        self.year = year
        self.fileName = fileName
        self.rowCount = rowCount
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}

/// A department's line items in one batch: how many, and their total in 分.
public struct LineItemTotal: Sendable, Hashable, Codable {
    public var department: String
    public var rows: Int
    public var fen: Int64

    public init(department: String, rows: Int, fen: Int64) {
        self.department = department
        self.rows = rows
        self.fen = fen
    }
}

/// Where imported rows come from, a chunk at a time, so that a million rows are never all in memory.
///
/// `next(limit:)` is called from one task at a time (the importing transaction); an implementation
/// throws `StoreError.invalid` naming the line and column of bad input, which rolls the import back.
public protocol LineItemSource: AnyObject, Sendable {
    /// Up to `limit` more rows, or an empty array when the input is exhausted.
    func next(limit: Int) throws -> [LineItemRow]

    /// Appends more rows to `text` as lines of PostgreSQL's COPY text format (`LineItemCopyText`), each
    /// starting with `prefix` (the batch id and a tab), until `text` holds at least `bytes` bytes or the
    /// input is exhausted; returns how many rows it appended (0 at the end). Checks rows as `next(limit:)`
    /// does. The default goes through `next(limit:)`; `LineItemCSVReader` writes the checked bytes directly.
    func nextCopyText(prefix: [UInt8], into text: inout [UInt8], bytes: Int) throws -> Int

    /// Appends up to `limit` more rows to `fields` (their texts as bytes); returns how many it appended (0 at
    /// the end). Checks rows as `next(limit:)` does. The default goes through `next(limit:)`;
    /// `LineItemCSVReader` copies the checked bytes directly.
    func nextFields(into fields: inout LineItemFields, limit: Int) throws -> Int
}

/// Rows already in memory (tests, small imports).
public final class LineItemArraySource: LineItemSource, @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: ArraySlice<LineItemRow>

    public init(_ rows: [LineItemRow]) {
        remaining = rows[...]
    }

    public func next(limit: Int) throws -> [LineItemRow] {
        lock.lock()
        defer { lock.unlock() }
        let chunk = remaining.prefix(max(1, limit))
        remaining = remaining.dropFirst(chunk.count)
        return Array(chunk)
    }
}
