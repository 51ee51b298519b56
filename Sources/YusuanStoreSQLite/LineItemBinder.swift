import GRDB
import GRDBSQLite
import YusuanStore

/// Binds line items straight from their checked bytes to the prepared INSERT and steps it: a million rows
/// through GRDB's `StatementArguments` spent more time building argument arrays than SQLite spent inserting,
/// and a `String` per field cost as much again. The rows come as the lines of `LineItemCopyText` (written by
/// the source with an empty prefix: line, department, unit, functional, economic, nature, project, fund, fen).
enum LineItemBinder {
    /// SQLite copies the text before the bind returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Inserts every line of `text` through `insert` (ten parameters: batch, line, department, unit,
    /// functional, economic, nature, project, fund, fen); returns how many rows it inserted.
    static func insert(copyText text: [UInt8], batchID: Int64, into insert: Statement) throws -> Int {
        let s = insert.sqliteStatement
        var rows = 0
        try text.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != 10 { end += 1 }
                try insertLine(UnsafeBufferPointer(rebasing: buffer[start..<end]), batchID: batchID, statement: s)
                rows += 1
                start = end + 1
            }
        }
        return rows
    }

    private static func insertLine(_ line: UnsafeBufferPointer<UInt8>, batchID: Int64, statement s: OpaquePointer) throws {
        var fields: [Range<Int>] = []
        fields.reserveCapacity(9)
        var start = 0
        for i in 0..<line.count where line[i] == 9 {
            fields.append(start..<i)
            start = i + 1
        }
        fields.append(start..<line.count)
        let number = fields.first.flatMap { decimal(line, $0) } ?? 0
        guard fields.count == 9, let fen = decimal(line, fields[8]) else {
            throw StoreError.backend("第 \(number) 行的内部格式有误 / line \(number): malformed row text")
        }
        sqlite3_reset(s)
        var code = sqlite3_bind_int64(s, 1, batchID)
        if code == SQLITE_OK { code = sqlite3_bind_int64(s, 2, number) }
        for (index, field) in fields[1...7].enumerated() where code == SQLITE_OK {
            code = bind(UnsafeBufferPointer(rebasing: line[field]), at: Int32(index + 3), in: s)
        }
        if code == SQLITE_OK { code = sqlite3_bind_int64(s, 10, fen) }
        if code == SQLITE_OK { code = sqlite3_step(s) }
        guard code == SQLITE_DONE else {
            let message = sqlite3_errmsg(sqlite3_db_handle(s)).map { String(cString: $0) } ?? "SQLite error \(code)"
            throw StoreError.backend("第 \(number) 行写入失败 / line \(number) could not be written: \(message)")
        }
    }

    /// A field's bytes as text, its COPY escapes (a doubled backslash) undone. "" is bound as an empty text,
    /// not NULL (SQLite binds NULL for a nil pointer; the columns are NOT NULL).
    private static func bind(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32, in s: OpaquePointer) -> Int32 {
        if bytes.isEmpty { return sqlite3_bind_text(s, index, "", 0, transient) }
        if !bytes.contains(92) {
            return bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(s, index, chars.baseAddress, Int32(chars.count), transient)
            }
        }
        var plain: [UInt8] = []
        var escaped = false
        for b in bytes {
            if b == 92 && !escaped { escaped = true; continue }
            plain.append(b)
            escaped = false
        }
        return plain.withUnsafeBufferPointer { unescaped in
            unescaped.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(s, index, chars.baseAddress, Int32(chars.count), transient)
            }
        }
    }

    /// A decimal integer written by `LineItemCopyText.appendDecimal` (an optional minus, digits).
    private static func decimal(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var i = range.lowerBound
        let negative = i < range.upperBound && line[i] == 45
        if negative { i += 1 }
        guard i < range.upperBound else { return nil }
        var value: Int64 = 0
        while i < range.upperBound {
            let d = line[i] &- 48
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = a
            i += 1
        }
        return negative ? -value : value
    }
}
