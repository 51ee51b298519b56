import Foundation
import YusuanCore

/// Checking a line's fields: the first bad one throws `StoreError.invalid` naming the file, line and column.
extension LineItemCSVScanner {
    /// What checking a row found beyond its fields' places: the 性质 and 资金来源 (indices into `natures` and
    /// `RevenueSource.allCases`) and the amount in 分.
    struct Checked {
        var nature: Int
        var fund: Int
        var fen: Int64
    }

    /// The index of 项目 in `LineItemCSVReader.natures`.
    static let projectNature = 2

    /// Splits the line [start, end) and checks every field, in column order (the first bad one is named).
    mutating func check(_ start: Int, _ end: Int) throws -> Checked {
        try split(start, end)
        guard ranges.count == headerCount else {
            throw StoreError.invalid("""
                \(name) 第\(line)行：有\(ranges.count)列，表头有\(headerCount)列 / \(name) line \(line): \
                \(ranges.count) fields, the header has \(headerCount)
                """)
        }
        try code(0)
        try code(1)
        try classification(2, length: 7, first: 50, zh: "功能科目须为7位的项（以2开头）",
                           en: "a 功能科目 of a line item is a 项: 7 digits starting with 2")
        try classification(3, length: 5, first: 51, zh: "经济科目须为5位的款（以3开头）",
                           en: "an 经济科目 of a line item is a 款: 5 digits starting with 3")
        try checkText(field: index[5], column: LineItemCSVReader.columns[5])
        let projectEmpty = ranges[index[5]].start == ranges[index[5]].end
        let nature: Int
        if let n = match(4, natureBytes) {
            nature = n
        } else if ranges[index[4]].start == ranges[index[4]].end, !projectEmpty {
            nature = Self.projectNature
        } else {
            let natures = LineItemCSVReader.natures
            throw problem(4, "性质须为 \(natures.joined(separator: "、"))", "性质 must be one of \(natures.joined(separator: ", "))")
        }
        if nature == Self.projectNature && projectEmpty {
            throw problem(5, "项目支出须填项目编码", "a 项目 line needs its 项目编码")
        }
        guard let fund = match(6, fundBytes) else {
            throw problem(6, "未知的资金来源", "unknown 资金来源 (one of \(RevenueSource.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return Checked(nature: nature, fund: fund, fen: try amount(7))
    }

    /// A department or unit code: not empty.
    private func code(_ column: Int) throws {
        try checkText(field: index[column], column: LineItemCSVReader.columns[column])
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
        let raw = try text(field: index[column], column: LineItemCSVReader.columns[column])
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
    func text(field: Int, column: String) throws -> String {
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
        let title = LineItemCSVReader.columns[column]
        let place = index[column] + 1
        return .invalid("""
            \(name) 第\(line)行 第\(place)列（\(title)）「\(held)」：\(zh) / \(name) line \(line), \
            column \(place) (\(title)) “\(held)”: \(en)
            """)
    }
}
