import Foundation
import YusuanCore

/// Reads a line-item CSV (UTF-8, a header naming 部门编码, 单位编码, 功能科目, 经济科目, 性质, 项目编码, 资金来源,
/// 金额（元） in any order, other columns ignored) a chunk at a time: the file is read 1 MiB at a time and only
/// the rows asked for are held, so a city's million rows never sit in memory at once.
///
/// Every row is checked; the first bad one throws `StoreError.invalid` naming the file, the line and the
/// column: a field count unlike the header's, an empty department or unit, a 功能科目 that is not a 项 (7
/// digits, 2…), an 经济科目 that is not a 款 (5 digits, 3…), an unknown 性质 or 资金来源, a 项目 line without
/// 项目编码, an amount that is not 元 with at most two decimals (read by `NumberParser`, exact in 分). Fields may
/// be quoted ("…", "" for a quote) but not span lines; blank lines are skipped; CRLF and a BOM are accepted.
///
/// The reading itself is `LineItemCSVScanner`, a value this class lends to one call at a time under its lock
/// (its fields are then plain locals to the compiler: no runtime exclusivity check per field access).
public final class LineItemCSVReader: LineItemSource, @unchecked Sendable {
    /// The columns a line-item CSV must have, in the order `yusuan-bench city` writes them.
    public static let columns = ["部门编码", "单位编码", "功能科目", "经济科目", "性质", "项目编码", "资金来源", "金额（元）"]
    static let natures = ["人员经费", "日常公用经费", "项目"]

    private let lock = NSLock()
    /// The file name used in messages.
    public let name: String
    private var scanner: LineItemCSVScanner

    /// Opens the file at `path` and reads its header.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.invalid("无法读取文件 \(path) / cannot read \(path)")
        }
        let name = (path as NSString).lastPathComponent
        self.name = name
        scanner = LineItemCSVScanner(name: name, handle: handle, bytes: [])
        do {
            try scanner.readHeader()
        } catch {
            try? handle.close()
            throw error
        }
    }

    /// Reads CSV text already in memory (tests, small inputs).
    public init(bytes: [UInt8], name: String) throws {
        self.name = name
        scanner = LineItemCSVScanner(name: name, handle: nil, bytes: bytes)
        try scanner.readHeader()
    }

    deinit { try? scanner.handle?.close() }

    /// Runs `body` on the scanner under the lock: one exclusive access for the whole call.
    private func withScanner<T>(_ body: (inout LineItemCSVScanner) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&scanner)
    }

    public func next(limit: Int) throws -> [LineItemRow] {
        try withScanner { try $0.rows(limit: limit) }
    }

    public func nextCopyText(prefix: [UInt8], into text: inout [UInt8], bytes: Int) throws -> Int {
        try withScanner { try $0.copyText(prefix: prefix, into: &text, bytes: bytes) }
    }

    public func nextFields(into fields: inout LineItemFields, limit: Int) throws -> Int {
        try withScanner { try $0.fields(into: &fields, limit: limit) }
    }
}
