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
public final class LineItemCSVReader: LineItemSource, @unchecked Sendable {
    /// The columns a line-item CSV must have, in the order `yusuan-bench city` writes them.
    public static let columns = ["部门编码", "单位编码", "功能科目", "经济科目", "性质", "项目编码", "资金来源", "金额（元）"]
    static let natures = ["人员经费", "日常公用经费", "项目"]

    private let lock = NSLock()
    /// The file name used in messages.
    public let name: String
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted: Bool
    /// The number of the line last read (the header is line 1).
    private var line = 0
    private var headerNames: [String] = []
    /// Where each of `columns` is in a row.
    private var index: [Int] = []
    private var ranges: [(start: Int, end: Int, quoted: Bool)] = []
    private let natureBytes = LineItemCSVReader.natures.map { Array($0.utf8) }
    private let fundBytes = RevenueSource.allCases.map { Array($0.rawValue.utf8) }

    /// Opens the file at `path` and reads its header.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.invalid("无法读取文件 \(path) / cannot read \(path)")
        }
        self.handle = handle
        self.name = (path as NSString).lastPathComponent
        self.exhausted = false
        try readHeader()
    }

    /// Reads CSV text already in memory (tests, small inputs).
    public init(bytes: [UInt8], name: String) throws {
        self.handle = nil
        self.name = name
        self.buffer = bytes
        self.exhausted = true
        try readHeader()
    }

    deinit { try? handle?.close() }

    public func next(limit: Int) throws -> [LineItemRow] {
        lock.lock()
        defer { lock.unlock() }
        var rows: [LineItemRow] = []
        rows.reserveCapacity(max(1, limit))
        while rows.count < limit, let (start, end) = try nextLine() {
            if start == end { continue }
            rows.append(try row(start, end))
        }
        return rows
    }

    // MARK: Lines

    /// The byte range of the next line (without its CR LF), reading more of the file when needed.
    private func nextLine() throws -> (Int, Int)? {
        var searchFrom = position
        while true {
            let newline: Int? = buffer.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress, searchFrom < bytes.count,
                      let found = memchr(base + searchFrom, 10, bytes.count - searchFrom) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            if let newline {
                let start = position
                position = newline + 1
                line += 1
                return (start, newline > start && buffer[newline - 1] == 13 ? newline - 1 : newline)
            }
            if exhausted {
                guard position < buffer.count else { return nil }
                let start = position
                position = buffer.count
                line += 1
                let end = buffer[buffer.count - 1] == 13 ? buffer.count - 1 : buffer.count
                return (start, end)
            }
            searchFrom = buffer.count - position
            try refill()
        }
    }

    /// Drops the bytes already read and appends the next MiB of the file.
    private func refill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let chunk: Data?
        do {
            chunk = try handle?.read(upToCount: 1 << 20)
        } catch {
            throw StoreError.invalid("读取 \(name) 失败 / reading \(name) failed: \(error)")
        }
        guard let chunk, !chunk.isEmpty else {
            exhausted = true
            return
        }
        buffer.append(contentsOf: chunk)
    }

    private func readHeader() throws {
        guard let (start, end) = try nextLine() else {
            throw StoreError.invalid("\(name) 是空文件，没有表头 / \(name) is empty: no header line")
        }
        var headerStart = start
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF { headerStart += 3 }
        try split(headerStart, end)
        headerNames = try ranges.indices.map { try text(field: $0, column: "表头 header") }
        var found: [Int] = []
        for column in Self.columns {
            guard let i = headerNames.firstIndex(of: column) else {
                throw StoreError.invalid("""
                    \(name) 第1行：表头缺少「\(column)」列（需要 \(Self.columns.joined(separator: ","))）；文件须为UTF-8） / \
                    \(name) line 1: the header has no column \(column) (needed: \(Self.columns.joined(separator: ",")); \
                    the file must be UTF-8)
                    """)
            }
            found.append(i)
        }
        index = found
    }

    // MARK: Fields

    /// Splits [start, end) into `ranges` at commas outside quotes; spaces around a field are dropped.
    private func split(_ start: Int, _ end: Int) throws {
        ranges.removeAll(keepingCapacity: true)
        try buffer.withUnsafeBufferPointer { bytes in
            var i = start
            while true {
                var fieldStart = i
                while fieldStart < end, bytes[fieldStart] == 32 || bytes[fieldStart] == 9 { fieldStart += 1 }
                if fieldStart < end, bytes[fieldStart] == 34 {
                    var j = fieldStart + 1
                    var closed = false
                    while j < end {
                        if bytes[j] == 34 {
                            if j + 1 < end, bytes[j + 1] == 34 { j += 2; continue }
                            closed = true
                            break
                        }
                        j += 1
                    }
                    guard closed else {
                        throw StoreError.invalid("""
                            \(name) 第\(line)行 第\(ranges.count + 1)列：引号未闭合（字段不能跨行） / \(name) line \(line), \
                            column \(ranges.count + 1): unclosed quote (a field cannot span lines)
                            """)
                    }
                    ranges.append((fieldStart + 1, j, true))
                    var k = j + 1
                    while k < end, bytes[k] == 32 || bytes[k] == 9 { k += 1 }
                    guard k == end || bytes[k] == 44 else {
                        throw StoreError.invalid("""
                            \(name) 第\(line)行 第\(ranges.count)列：引号后还有文字 / \(name) line \(line), \
                            column \(ranges.count): text after the closing quote
                            """)
                    }
                    if k == end { return }
                    i = k + 1
                    continue
                }
                var j = fieldStart
                while j < end, bytes[j] != 44 { j += 1 }
                var fieldEnd = j
                while fieldEnd > fieldStart, bytes[fieldEnd - 1] == 32 || bytes[fieldEnd - 1] == 9 { fieldEnd -= 1 }
                ranges.append((fieldStart, fieldEnd, false))
                if j == end { return }
                i = j + 1
            }
        }
    }

    /// What checking a row found beyond its fields' places: the 性质 and 资金来源 (indices into `natures` and
    /// `RevenueSource.allCases`) and the amount in 分.
    private struct Checked {
        var nature: Int
        var fund: Int
        var fen: Int64
    }

    /// Splits the line [start, end) and checks every field, in column order (the first bad one is named).
    private func check(_ start: Int, _ end: Int) throws -> Checked {
        try split(start, end)
        guard ranges.count == headerNames.count else {
            throw StoreError.invalid("""
                \(name) 第\(line)行：有\(ranges.count)列，表头有\(headerNames.count)列 / \(name) line \(line): \
                \(ranges.count) fields, the header has \(headerNames.count)
                """)
        }
        try code(0)
        try code(1)
        try classification(2, length: 7, first: 50, zh: "功能科目须为7位的项（以2开头）",
                           en: "a 功能科目 of a line item is a 项: 7 digits starting with 2")
        try classification(3, length: 5, first: 51, zh: "经济科目须为5位的款（以3开头）",
                           en: "an 经济科目 of a line item is a 款: 5 digits starting with 3")
        try checkText(field: index[5], column: Self.columns[5])
        let projectEmpty = ranges[index[5]].start == ranges[index[5]].end
        let nature: Int
        if let n = match(4, natureBytes) {
            nature = n
        } else if ranges[index[4]].start == ranges[index[4]].end, !projectEmpty {
            nature = Self.projectNature
        } else {
            throw problem(4, "性质须为 \(Self.natures.joined(separator: "、"))", "性质 must be one of \(Self.natures.joined(separator: ", "))")
        }
        if nature == Self.projectNature && projectEmpty {
            throw problem(5, "项目支出须填项目编码", "a 项目 line needs its 项目编码")
        }
        guard let fund = match(6, fundBytes) else {
            throw problem(6, "未知的资金来源", "unknown 资金来源 (one of \(RevenueSource.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return Checked(nature: nature, fund: fund, fen: try amount(7))
    }

    /// The index of 项目 in `natures`.
    private static let projectNature = 2

    private func row(_ start: Int, _ end: Int) throws -> LineItemRow {
        let checked = try check(start, end)
        return LineItemRow(line: line, department: value(0), unit: value(1), functional: value(2), economic: value(3),
                           nature: Self.natures[checked.nature], project: value(5),
                           fund: RevenueSource.allCases[checked.fund].rawValue, fen: checked.fen)
    }

    /// Field `columns[column]` of a checked row as a string (quotes unescaped).
    private func value(_ column: Int) -> String {
        let r = ranges[index[column]]
        let value = String(decoding: buffer[r.start..<r.end], as: UTF8.self)
        return r.quoted ? value.replacingOccurrences(of: "\"\"", with: "\"") : value
    }

    // MARK: COPY text

    public func nextCopyText(prefix: [UInt8], into text: inout [UInt8], bytes: Int) throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        var rows = 0
        while text.count < bytes, let (start, end) = try nextLine() {
            if start == end { continue }
            let checked = try check(start, end)
            text.append(contentsOf: prefix)
            LineItemCopyText.appendDecimal(Int64(line), to: &text)
            buffer.withUnsafeBufferPointer { raw in
                for column in 0..<4 {
                    text.append(9)
                    appendField(column, raw, to: &text)
                }
                text.append(9)
                text.append(contentsOf: natureBytes[checked.nature])
                text.append(9)
                appendField(5, raw, to: &text)
                text.append(9)
                text.append(contentsOf: fundBytes[checked.fund])
            }
            text.append(9)
            LineItemCopyText.appendDecimal(checked.fen, to: &text)
            text.append(10)
            rows += 1
        }
        return rows
    }

    /// The bytes of field `columns[column]` of a checked row: quotes unescaped, backslashes doubled for COPY.
    private func appendField(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        let r = ranges[index[column]]
        let field = UnsafeBufferPointer(rebasing: bytes[r.start..<r.end])
        guard r.quoted else {
            LineItemCopyText.appendEscaped(field, to: &text)
            return
        }
        var i = 0
        while i < field.count {
            let b = field[i]
            text.append(b)
            if b == 92 { text.append(92) }
            i += b == 34 && i + 1 < field.count && field[i + 1] == 34 ? 2 : 1
        }
    }

    // MARK: Checks

    /// A department or unit code: not empty.
    private func code(_ column: Int) throws {
        try checkText(field: index[column], column: Self.columns[column])
        guard ranges[index[column]].start < ranges[index[column]].end else { throw problem(column, "为空", "is empty") }
    }

    /// A classification code of `length` ASCII digits starting with the digit `first`.
    private func classification(_ column: Int, length: Int, first: UInt8, zh: String, en: String) throws {
        let r = ranges[index[column]]
        let ok = buffer.withUnsafeBufferPointer { bytes in
            r.end - r.start == length && bytes[r.start] == first && (r.start..<r.end).allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 }
        }
        guard ok else { throw problem(column, zh, en) }
    }

    /// 元 text read by the project's `NumberParser` into exact 分: "1234.56", "1,234.56", "-" (zero). Plain
    /// digits with at most two decimals ("1234", "1234.5", "1234.56"), the usual case, are read here directly.
    private func amount(_ column: Int) throws -> Int64 {
        if let fen = plainAmount(ranges[index[column]]) { return fen }
        let raw = try text(field: index[column], column: Self.columns[column])
        guard !raw.isEmpty else { throw problem(column, "金额为空", "the amount is empty") }
        guard let number = NumberParser.parse(raw), !number.isPercent, number.unit == nil || number.unit == .yuan else {
            throw problem(column, "不是以元为单位的金额", "not an amount in 元")
        }
        guard number.value.scale <= 2 || number.value.rounded(to: 2) == number.value else {
            throw problem(column, "超过两位小数（金额精确到分）", "more than two decimals of 元 (finer than 分)")
        }
        guard let amount = Amount(number.value, unit: .yuan) else {
            throw problem(column, "金额超出范围", "too large")
        }
        return amount.fen
    }

    /// 分 of an unquoted field of 1 to 14 ASCII digits, optionally followed by a point and one or two digits;
    /// nil for anything else (read by `NumberParser` and `Amount` instead, which give the same 分 for these and
    /// refuse only larger figures).
    private func plainAmount(_ r: (start: Int, end: Int, quoted: Bool)) -> Int64? {
        guard !r.quoted else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int64? in
            var fen: Int64 = 0
            var i = r.start
            while i < r.end, bytes[i] >= 48, bytes[i] <= 57 {
                guard i - r.start < 14 else { return nil }
                fen = fen * 10 + Int64(bytes[i] - 48)
                i += 1
            }
            guard i > r.start else { return nil }
            if i == r.end { return fen * 100 }
            guard bytes[i] == 46 else { return nil }
            i += 1
            let decimals = r.end - i
            guard decimals == 1 || decimals == 2 else { return nil }
            var cents: Int64 = 0
            for j in i..<r.end {
                guard bytes[j] >= 48, bytes[j] <= 57 else { return nil }
                cents = cents * 10 + Int64(bytes[j] - 48)
            }
            return fen * 100 + (decimals == 1 ? cents * 10 : cents)
        }
    }

    /// The index into `candidates` of the byte string field `column` holds, if any.
    private func match(_ column: Int, _ candidates: [[UInt8]]) -> Int? {
        let r = ranges[index[column]]
        guard !r.quoted else {
            let value = String(decoding: buffer[r.start..<r.end], as: UTF8.self)
            return candidates.firstIndex { String(decoding: $0, as: UTF8.self) == value }
        }
        return buffer.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            return candidates.firstIndex { c in c.count == r.end - r.start && memcmp(base + r.start, c, c.count) == 0 }
        }
    }

    /// Field `field` as text: UTF-8 checked, quotes unescaped, no control characters.
    private func text(field: Int, column: String) throws -> String {
        try checkText(field: field, column: column)
        let r = ranges[field]
        let value = String(decoding: buffer[r.start..<r.end], as: UTF8.self)
        return r.quoted ? value.replacingOccurrences(of: "\"\"", with: "\"") : value
    }

    /// Checks field `field` is UTF-8 text without control characters.
    private func checkText(field: Int, column: String) throws {
        let r = ranges[field]
        var ascii = true
        var control = false
        buffer.withUnsafeBufferPointer { bytes in
            for i in r.start..<r.end {
                let b = bytes[i]
                if b >= 0x80 { ascii = false } else if b < 0x20 || b == 0x7F { control = true }
            }
        }
        if !ascii, String(bytes: buffer[r.start..<r.end], encoding: .utf8) == nil {
            throw StoreError.invalid("""
                \(name) 第\(line)行 第\(field + 1)列（\(column)）：不是UTF-8文本（GBK等编码请先转换为UTF-8） / \
                \(name) line \(line), column \(field + 1) (\(column)): not UTF-8 text (convert GBK files to UTF-8 first)
                """)
        }
        guard !control else {
            throw StoreError.invalid("""
                \(name) 第\(line)行 第\(field + 1)列（\(column)）：含控制字符 / \(name) line \(line), column \(field + 1) \
                (\(column)): holds a control character
                """)
        }
    }

    /// The error for the field of `columns[column]` on the current line, quoting what it holds.
    private func problem(_ column: Int, _ zh: String, _ en: String) -> StoreError {
        let r = ranges[index[column]]
        let held = String(decoding: buffer[r.start..<min(r.end, r.start + 60)], as: UTF8.self)
        let name = Self.columns[column]
        return .invalid("""
            \(self.name) 第\(line)行 第\(index[column] + 1)列（\(name)）「\(held)」：\(zh) / \(self.name) line \(line), \
            column \(index[column] + 1) (\(name)) “\(held)”: \(en)
            """)
    }
}
