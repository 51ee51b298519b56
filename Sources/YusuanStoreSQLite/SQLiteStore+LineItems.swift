import Foundation
import GRDB
import YusuanStore

extension SQLiteStore {
    /// The index of migration v2-line-items, as that migration creates it (a test checks the text is the same).
    package static let lineItemsIndex = "CREATE INDEX line_items_by_department ON line_items(batch_id, department);"

    /// Rows read from the source per call: enough to amortise the call, small enough to keep memory flat.
    static let importChunk = 8_192

    /// One write transaction: the batch row, every line item through prepared multi-row INSERTs
    /// (`LineItemBinder`), the batch's row count and the audit-log line. Any error rolls all of it back.
    public func importLineItems(_ source: any LineItemSource, year: Int, fileName: String,
                                actor: Actor) async throws -> LineItemBatch {
        guard (1000...9999).contains(year) else {
            throw StoreError.invalid("年度须为4位数字 / the year must have 4 digits: \(year)")
        }
        let now = Date()
        return try await write("importing line items from \(fileName)") { db in
            try db.execute(sql: """
                INSERT INTO line_item_batches (year, file_name, row_count, imported_at, imported_by)
                VALUES (?, ?, 0, ?, ?)
                """, arguments: [year, fileName, now, actor.username])
            let batchID = db.lastInsertedRowID
            // Into an empty table, the index is built once after the rows (a sort) instead of kept up row by row:
            // about a third of the time for a city. Readers keep their snapshot; a failure rolls the drop back.
            let rebuildIndex = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM line_items)") ?? false
            if rebuildIndex { try db.execute(sql: "DROP INDEX line_items_by_department") }
            let count = try Self.insertLineItems(from: source, batchID: batchID, db)
            if rebuildIndex { try db.execute(sql: Self.lineItemsIndex) }
            try db.execute(sql: "UPDATE line_item_batches SET row_count = ? WHERE id = ?", arguments: [count, batchID])
            try Self.appendLog(db, at: now, actor: actor, action: "lineitems.import", target: "line items \(year)",
                               detail: "\(fileName): \(count) rows (batch \(batchID))")
            return try Self.fetchBatch(db, id: batchID)
        }
    }

    /// Inserts `source`'s rows, `LineItemBinder.rowsPerStatement` per execution of one prepared statement (the
    /// rest of a chunk through a statement of its own size), while the next chunk is read and checked on
    /// another thread (`FieldChunks`); returns the count. Whether it ends or throws, the reading has stopped.
    static func insertLineItems(from source: any LineItemSource, batchID: Int64, _ db: Database) throws -> Int {
        let full = try db.makeStatement(sql: LineItemBinder.sql(rows: LineItemBinder.rowsPerStatement))
        var shorter: [Int: Statement] = [:]
        let chunks = FieldChunks(source, rowsPerChunk: importChunk)
        defer { chunks.stop() }
        var fields = try chunks.next()
        var count = 0
        while fields.count > 0 {
            var row = 0
            while row < fields.count {
                let rows = min(LineItemBinder.rowsPerStatement, fields.count - row)
                let statement: Statement
                if rows == LineItemBinder.rowsPerStatement {
                    statement = full
                } else if let made = shorter[rows] {
                    statement = made
                } else {
                    statement = try db.makeStatement(sql: LineItemBinder.sql(rows: rows))
                    shorter[rows] = statement
                }
                try LineItemBinder.insert(fields, rows: row..<row + rows, batchID: batchID, into: statement)
                row += rows
            }
            count += fields.count
            fields = try chunks.next(returning: fields)
        }
        return count
    }

    public func lineItemBatches() async throws -> [LineItemBatch] {
        try await read("listing line-item imports") { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.batchColumns) FROM line_item_batches ORDER BY id DESC").map(Self.batch)
        }
    }

    public func lineItemTotals(batchID: Int64) async throws -> [LineItemTotal] {
        try await read("totalling line items of batch \(batchID)") { db in
            try Row.fetchAll(db, sql: """
                SELECT department, COUNT(*) AS rows, SUM(fen) AS fen FROM line_items WHERE batch_id = ?
                GROUP BY department ORDER BY department
                """, arguments: [batchID]).map { row in
                LineItemTotal(department: try row.decode(String.self, forColumn: "department"),
                              rows: try row.decode(Int.self, forColumn: "rows"),
                              fen: try row.decode(Int64.self, forColumn: "fen"))
            }
        }
    }

    public func lineItems(batchID: Int64, department: String) async throws -> [LineItemRow] {
        try await read("reading line items of \(department) in batch \(batchID)") { db in
            try Row.fetchAll(db, sql: """
                SELECT line, department, unit, functional, economic, nature, project, fund, fen FROM line_items
                WHERE batch_id = ? AND department = ? ORDER BY line
                """, arguments: [batchID, department]).map { row in
                LineItemRow(line: try row.decode(Int.self, forColumn: "line"),
                            department: try row.decode(String.self, forColumn: "department"),
                            unit: try row.decode(String.self, forColumn: "unit"),
                            functional: try row.decode(String.self, forColumn: "functional"),
                            economic: try row.decode(String.self, forColumn: "economic"),
                            nature: try row.decode(String.self, forColumn: "nature"),
                            project: try row.decode(String.self, forColumn: "project"),
                            fund: try row.decode(String.self, forColumn: "fund"),
                            fen: try row.decode(Int64.self, forColumn: "fen"))
            }
        }
    }

    static let batchColumns = "id, year, file_name, row_count, imported_at, imported_by"

    static func batch(_ row: Row) throws -> LineItemBatch {
        LineItemBatch(id: try row.decode(Int64.self, forColumn: "id"), year: try row.decode(Int.self, forColumn: "year"),
                      fileName: try row.decode(String.self, forColumn: "file_name"),
                      rowCount: try row.decode(Int.self, forColumn: "row_count"),
                      importedAt: try row.decode(Date.self, forColumn: "imported_at"),
                      importedBy: try row.decode(String.self, forColumn: "imported_by"))
    }

    static func fetchBatch(_ db: Database, id: Int64) throws -> LineItemBatch {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(batchColumns) FROM line_item_batches WHERE id = ?",
                                         arguments: [id]) else {
            throw StoreError.backend("line-item batch \(id) vanished inside its own transaction")
        }
        return try batch(row)
    }
}
