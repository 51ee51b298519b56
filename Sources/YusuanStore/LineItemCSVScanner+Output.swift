import YusuanCore

/// A scanner's checked rows in the three shapes a store takes: `LineItemRow`s, COPY text and `LineItemFields`.
extension LineItemCSVScanner {
    /// Up to `limit` more checked rows.
    mutating func rows(limit: Int) throws -> [LineItemRow] {
        var rows: [LineItemRow] = []
        rows.reserveCapacity(max(1, limit))
        while rows.count < limit, let (start, end) = try nextLine() {
            if start == end { continue }
            let checked = try check(start, end)
            rows.append(LineItemRow(line: line, department: value(0), unit: value(1), functional: value(2),
                                    economic: value(3), nature: LineItemCSVReader.natures[checked.nature],
                                    project: value(5), fund: RevenueSource.allCases[checked.fund].rawValue,
                                    fen: checked.fen))
        }
        return rows
    }

    /// Field `columns[column]` of a checked row as a string (quotes unescaped).
    private func value(_ column: Int) -> String {
        let r = ranges[index[column]]
        let value = String(decoding: buffer[r.start..<r.end], as: UTF8.self)
        return r.quoted ? value.replacingOccurrences(of: "\"\"", with: "\"") : value
    }

    // MARK: COPY text

    /// `LineItemSource.nextCopyText`: checked rows as COPY text lines until `text` holds `bytes` bytes.
    mutating func copyText(prefix: [UInt8], into text: inout [UInt8], bytes: Int) throws -> Int {
        var rows = 0
        while text.count < bytes, let (start, end) = try nextLine() {
            if start == end { continue }
            let checked = try check(start, end)
            text.append(contentsOf: prefix)
            LineItemCopyText.appendDecimal(Int64(line), to: &text)
            buffer.withUnsafeBufferPointer { raw in
                for column in 0..<4 {
                    text.append(9)
                    appendCopyField(column, raw, to: &text)
                }
                text.append(9)
                text.append(contentsOf: natureBytes[checked.nature])
                text.append(9)
                appendCopyField(5, raw, to: &text)
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
    private func appendCopyField(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
        let r = ranges[index[column]]
        let field = UnsafeBufferPointer(rebasing: bytes[r.start..<r.end])
        guard r.quoted else {
            LineItemCopyText.appendEscaped(field, to: &text)
            return
        }
        Self.forEachUnquoted(field) { b in
            text.append(b)
            if b == 92 { text.append(92) }
        }
    }

    // MARK: Fields

    /// `LineItemSource.nextFields`: up to `limit` more checked rows appended to `fields` as bytes.
    mutating func fields(into fields: inout LineItemFields, limit: Int) throws -> Int {
        var rows = 0
        while rows < limit, let (start, end) = try nextLine() {
            if start == end { continue }
            let checked = try check(start, end)
            buffer.withUnsafeBufferPointer { raw in
                for column in 0..<4 { appendField(column, raw, to: &fields) }
                fields.appendField(natureBytes[checked.nature])
                appendField(5, raw, to: &fields)
                fields.appendField(fundBytes[checked.fund])
            }
            fields.endRow(line: line, fen: checked.fen)
            rows += 1
        }
        return rows
    }

    /// The bytes of field `columns[column]` of a checked row, quotes unescaped.
    private func appendField(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>, to fields: inout LineItemFields) {
        let r = ranges[index[column]]
        let field = UnsafeBufferPointer(rebasing: bytes[r.start..<r.end])
        guard r.quoted else {
            fields.appendField(field)
            return
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.count)
        Self.forEachUnquoted(field) { unescaped.append($0) }
        fields.appendField(unescaped)
    }

    /// Each byte of a quoted field's content, a doubled quote ("") given once.
    private static func forEachUnquoted(_ field: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        var i = 0
        while i < field.count {
            let b = field[i]
            body(b)
            i += b == 34 && i + 1 < field.count && field[i + 1] == 34 ? 2 : 1
        }
    }
}
