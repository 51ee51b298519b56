import GRDB
import GRDBSQLite
import YusuanStore

/// Writes line items from `LineItemFields` through a prepared multi-row INSERT, `rowsPerStatement` rows per
/// execution, each text bound where it lies in the fields' buffer (`SQLITE_STATIC`: SQLite neither copies nor
/// allocates). One execution per row, each text bound as a copy, spent about as much time in SQLite's work
/// around a statement (an allocation and a free per bound text, starting and halting the program, opening its
/// cursors) as in inserting the row.
enum LineItemBinder {
    /// Rows per execution of the full statement (its 1 + 9 × 64 parameters are far below SQLite's limit).
    static let rowsPerStatement = 64
    /// Line, the seven texts and 分.
    private static let parametersPerRow = 9

    /// The INSERT of `rows` rows: `?1` is the batch, then each row's line, seven texts and 分.
    static func sql(rows: Int) -> String {
        var sql = """
            INSERT INTO line_items (batch_id, line, department, unit, functional, economic, nature, project, fund, fen)
            VALUES
            """
        for row in 0..<rows {
            let first = 2 + row * parametersPerRow
            sql += (row == 0 ? " (?1" : ", (?1") + (first..<first + parametersPerRow).map { ", ?\($0)" }.joined() + ")"
        }
        return sql
    }

    /// Binds rows `rows` of `fields` to `statement` (prepared from `sql(rows: rows.count)`) and executes it once.
    static func insert(_ fields: LineItemFields, rows: Range<Int>, batchID: Int64, into statement: Statement) throws {
        let s = statement.sqliteStatement
        var message: String?
        let code: Int32 = fields.bytes.withUnsafeBufferPointer { bytes in
            fields.ends.withUnsafeBufferPointer { ends in
                var code = sqlite3_bind_int64(s, 1, batchID)
                var parameter: Int32 = 2
                for row in rows where code == SQLITE_OK {
                    code = sqlite3_bind_int64(s, parameter, Int64(fields.lines[row]))
                    var field = row * LineItemFields.textColumns
                    var start = field == 0 ? 0 : ends[field - 1]
                    for column in 1...LineItemFields.textColumns where code == SQLITE_OK {
                        let end = ends[field]
                        code = bindText(bytes, start..<end, at: parameter + Int32(column), in: s)
                        start = end
                        field += 1
                    }
                    if code == SQLITE_OK { code = sqlite3_bind_int64(s, parameter + 8, fields.fen[row]) }
                    parameter += Int32(parametersPerRow)
                }
                if code == SQLITE_OK { code = sqlite3_step(s) }
                if code != SQLITE_DONE {
                    message = sqlite3_errmsg(sqlite3_db_handle(s)).map { String(cString: $0) }
                }
                // The bindings point into `bytes`: reset and cleared before the buffer may change or move.
                sqlite3_reset(s)
                sqlite3_clear_bindings(s)
                return code
            }
        }
        guard code == SQLITE_DONE else {
            let first = fields.lines[rows.lowerBound], last = fields.lines[rows.upperBound - 1]
            let what = first == last ? "第 \(first) 行 / line \(first)" : "第 \(first)–\(last) 行之一 / one of lines \(first)–\(last)"
            throw StoreError.backend("\(what) 写入失败 / could not be written: \(message ?? "SQLite error \(code)")")
        }
    }

    /// An empty text that stays put: SQLite binds NULL for a nil pointer, and the columns are NOT NULL.
    private static let empty: StaticString = ""

    /// Binds `bytes[range]` as text without a copy: valid until the statement is reset.
    private static func bindText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at index: Int32,
                                 in s: OpaquePointer) -> Int32 {
        guard !range.isEmpty, let base = bytes.baseAddress else {
            return sqlite3_bind_text(s, index, UnsafeRawPointer(empty.utf8Start).assumingMemoryBound(to: CChar.self), 0, nil)
        }
        let start = UnsafeRawPointer(base + range.lowerBound).assumingMemoryBound(to: CChar.self)
        return sqlite3_bind_text(s, index, start, Int32(range.count), nil)
    }
}
