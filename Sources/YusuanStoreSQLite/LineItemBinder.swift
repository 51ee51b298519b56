import GRDB
import GRDBSQLite
import YusuanStore

/// Binds a line item straight to the prepared INSERT and steps it: a million rows through GRDB's
/// `StatementArguments` spent more time building argument arrays than SQLite spent inserting.
enum LineItemBinder {
    /// SQLite copies the text before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// `insert` has ten parameters: batch, line, department, unit, functional, economic, nature, project, fund, fen.
    static func insert(_ row: LineItemRow, batchID: Int64, into insert: Statement) throws {
        let s = insert.sqliteStatement
        sqlite3_reset(s)
        var code = sqlite3_bind_int64(s, 1, batchID)
        if code == SQLITE_OK { code = sqlite3_bind_int64(s, 2, Int64(row.line)) }
        for (index, text) in [row.department, row.unit, row.functional, row.economic, row.nature, row.project, row.fund].enumerated()
        where code == SQLITE_OK {
            code = bind(text, at: Int32(index + 3), in: s)
        }
        if code == SQLITE_OK { code = sqlite3_bind_int64(s, 10, row.fen) }
        if code == SQLITE_OK { code = sqlite3_step(s) }
        guard code == SQLITE_DONE else {
            let message = sqlite3_errmsg(sqlite3_db_handle(s)).map { String(cString: $0) } ?? "SQLite error \(code)"
            throw StoreError.backend("第 \(row.line) 行写入失败 / line \(row.line) could not be written: \(message)")
        }
    }

    private static func bind(_ text: String, at index: Int32, in s: OpaquePointer) -> Int32 {
        // "" is bound as an empty text, not NULL (SQLite binds NULL for a nil pointer; the columns are NOT NULL).
        if text.isEmpty { return sqlite3_bind_text(s, index, "", 0, transient) }
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(s, index, chars.baseAddress, Int32(chars.count), transient)
            }
        }
    }
}
