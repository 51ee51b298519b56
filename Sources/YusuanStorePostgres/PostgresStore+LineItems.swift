import Foundation
import Logging
import PostgresNIO
import YusuanStore

extension PostgresStore {
    /// Bytes of COPY text per message (about 2,900 rows of a city).
    static let importChunkBytes = 256 << 10
    static let lineItemColumns = ["batch_id", "line", "department", "unit", "functional", "economic", "nature",
                                  "project", "fund", "fen"]

    /// One transaction: the batch row, every line item streamed through `COPY line_items FROM STDIN` (text
    /// format, 256 KiB a message, never the whole file in memory), the batch's row count and the audit-log
    /// line. Reading and checking the source runs beside the server's COPY: while one chunk is sent, a
    /// child task prepares the next (`CopyChunks`), so the client's and the server's CPU work overlap. An error
    /// from the source sends CopyFail, and the transaction is rolled back whole. The commit is an ordinary
    /// (synchronous) one: once this returns, the rows are durable.
    public func importLineItems(_ source: any LineItemSource, year: Int, fileName: String,
                                actor: Actor) async throws -> LineItemBatch {
        guard (1000...9999).contains(year) else {
            throw StoreError.invalid("年度须为4位数字 / the year must have 4 digits: \(year)")
        }
        let now = Date()
        return try await transaction("importing line items from \(fileName)") { [logger] connection in
            let ids = try await connection.rows("""
                INSERT INTO line_item_batches (year, file_name, row_count, imported_at, imported_by)
                VALUES (\(year), \(fileName), 0, \(now), \(actor.username)) RETURNING id
                """, logger: logger) { try $0.decode(Int64.self) }
            guard let batchID = ids.first else {
                throw StoreError.backend("importing line items from \(fileName): no batch id returned")
            }
            let counter = RowCounter()
            let chunks = CopyChunks(source: source, prefix: LineItemCopyText.prefix(batchID: batchID),
                                    bytes: Self.importChunkBytes)
            try await connection.copyFrom(table: "line_items", columns: Self.lineItemColumns, logger: logger) { writer in
                try await chunks.send { chunk, rows in
                    try await writer.write(chunk)
                    await counter.add(rows)
                }
            }
            let count = await counter.value
            try await connection.query("UPDATE line_item_batches SET row_count = \(count) WHERE id = \(batchID)",
                                       logger: logger)
            try await Self.appendLog(connection, at: now, actor: actor, action: "lineitems.import",
                                     target: "line items \(year)", detail: "\(fileName): \(count) rows (batch \(batchID))",
                                     logger: logger)
            let batches = try await connection.rows("""
                SELECT \(unescaped: Self.batchColumns) FROM line_item_batches WHERE id = \(batchID)
                """, logger: logger, Self.batch)
            guard let batch = batches.first else {
                throw StoreError.backend("line-item batch \(batchID) vanished inside its own transaction")
            }
            return batch
        }
    }

    public func lineItemBatches() async throws -> [LineItemBatch] {
        try await rows("listing line-item imports", """
            SELECT \(unescaped: Self.batchColumns) FROM line_item_batches ORDER BY id DESC
            """, Self.batch)
    }

    public func lineItemTotals(batchID: Int64) async throws -> [LineItemTotal] {
        try await rows("totalling line items of batch \(batchID)", """
            SELECT department, COUNT(*), SUM(fen)::BIGINT FROM line_items WHERE batch_id = \(batchID)
            GROUP BY department ORDER BY department COLLATE "C"
            """) { row in
            let (department, count, fen) = try row.decode((String, Int64, Int64).self)
            return LineItemTotal(department: department, rows: Int(count), fen: fen)
        }
    }

    public func lineItems(batchID: Int64, department: String) async throws -> [LineItemRow] {
        try await rows("reading line items of \(department) in batch \(batchID)", """
            SELECT line, department, unit, functional, economic, nature, project, fund, fen FROM line_items
            WHERE batch_id = \(batchID) AND department = \(department) ORDER BY line
            """) { row in
            let (line, department, unit, functional, economic, nature, project, fund, fen) =
                try row.decode((Int64, String, String, String, String, String, String, String, Int64).self)
            return LineItemRow(line: Int(line), department: department, unit: unit, functional: functional,
                               economic: economic, nature: nature, project: project, fund: fund, fen: fen)
        }
    }

    static let batchColumns = "id, year, file_name, row_count, imported_at, imported_by"

    @Sendable static func batch(_ row: PostgresRow) throws -> LineItemBatch {
        let (id, year, fileName, rowCount, importedAt, importedBy) =
            try row.decode((Int64, Int, String, Int64, Date, String).self)
        return LineItemBatch(id: id, year: year, fileName: fileName, rowCount: Int(rowCount), importedAt: importedAt,
                             importedBy: importedBy)
    }
}

/// Rows sent so far in a COPY (its closure is not known to run on one task only).
private actor RowCounter {
    private(set) var value = 0
    func add(_ n: Int) { value += n }
}
