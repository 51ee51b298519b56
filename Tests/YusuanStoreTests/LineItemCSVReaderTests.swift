import Foundation
import Testing
import YusuanStore

/// The line-item CSV reader on its own: headers, encodings, chunks.
@Suite("Line-item CSV reader")
struct LineItemCSVReaderTests {
    @Test("columns are found by name in any order; other columns are ignored")
    func columnsByName() throws {
        let text = "备注,金额（元）,资金来源,项目编码,性质,经济科目,功能科目,单位编码,部门编码\n"
            + "x,5.00,事业收入,,人员经费,30101,2010101,001,101001\n"
        let rows = try LineItemCSVReader(bytes: Array(text.utf8), name: "a.csv").next(limit: 10)
        #expect(rows == [LineItemRow(line: 2, department: "101001", unit: "001", functional: "2010101", economic: "30101",
                                     nature: "人员经费", project: "", fund: "事业收入", fen: 500)])
    }

    @Test("a header without a needed column is refused, naming it")
    func missingColumn() {
        let text = "部门编码,单位编码,功能科目,经济科目,性质,项目编码,金额（元）\n"
        let error = #expect(throws: StoreError.self) { _ = try LineItemCSVReader(bytes: Array(text.utf8), name: "a.csv") }
        #expect(error.map { "\($0)" }?.contains("资金来源") == true && error.map { "\($0)" }?.contains("line 1") == true)
        #expect(throws: StoreError.self) { _ = try LineItemCSVReader(bytes: [], name: "empty.csv") }
    }

    @Test("text that is not UTF-8 (a GBK file) is refused with its line and column")
    func notUTF8() throws {
        let header = Array("部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）\n".utf8)
        // 单位编码 written in GBK (“本级” = B1 BE BC B6).
        let row = Array("101001,".utf8) + [0xB1, 0xBE, 0xBC, 0xB6] + Array(",2010101,30101,人员经费,,事业收入,1\n".utf8)
        let reader = try LineItemCSVReader(bytes: header + row, name: "gbk.csv")
        let error = #expect(throws: StoreError.self) { _ = try reader.next(limit: 10) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("第2行") && message.contains("第2列") && message.contains("UTF-8"), "\(message)")
    }

    @Test("rows come a chunk at a time, in order, from a file larger than the read buffer")
    func chunksFromFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-items-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）\n"
        let count = 30_000  // about 2.4 MB: several 1 MiB reads, lines split across them
        for i in 0..<count {
            text += "\(100_000 + i % 1000),001,2010101,30101,项目,P\(i)-一个较长的项目编码用来跨过缓冲区边界,一般公共预算拨款,\(i).\(i % 100)\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = try LineItemCSVReader(path: path)
        var lines: [Int] = []
        var fen: Int64 = 0
        while true {
            let chunk = try reader.next(limit: 4_096)
            if chunk.isEmpty { break }
            #expect(chunk.count <= 4_096)
            lines += chunk.map(\.line)
            fen += chunk.reduce(0) { $0 + $1.fen }
        }
        #expect(lines == Array(2...(count + 1)))
        let expected = (0..<count).reduce(Int64(0)) { sum, i in
            let cents = i % 100
            return sum + Int64(i) * 100 + Int64(cents < 10 ? cents * 10 : cents)
        }
        #expect(fen == expected)
    }

    /// Quotes, a backslash, CRLF, a BOM, a blank line, a dash, separators, an accounting negative, large figures.
    static let mixed = "\u{FEFF}部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）\r\n"
        + "101001,001,2010101,30101,人员经费,,一般公共预算拨款,\"1,234.56\"\r\n"
        + "101001,002,2010102,30201,日常公用经费,,事业收入,0.5\r\n\r\n"
        + "101001,\"0\\1\",2010350,31002,项目,\"P\\\"\"x\"\"\\\",一般公共预算拨款,-\r\n"
        + " 202002 ,001,2040101,30201,,\"202002 P\"\"2\"\"\",\"政府性基金预算拨款\",100000000.01\r\n"
        + "303003,001,2040101,30201,项目,P3,事业收入,(12.3)\r\n"
        + "303003,001,2040101,30201,项目,P3,事业收入,007\n"
        + "303003,001,2040101,30201,项目,P3,事业收入,123456789012345.6\n"
        + "303003,001,2040101,30201,项目,P3,事业收入,12345678901234.56"

    /// The reader's own COPY writer (checked bytes written directly) against the default one, which encodes
    /// the rows `next(limit:)` returns: the same lines for quotes, a backslash, CRLF, a BOM, a dash, separators.
    @Test("COPY text written from the checked bytes equals the text of the rows")
    func copyTextMatchesRows() throws {
        let text = Self.mixed
        let prefix = LineItemCopyText.prefix(batchID: 42)
        var expected: [UInt8] = []
        for row in try LineItemCSVReader(bytes: Array(text.utf8), name: "a.csv").next(limit: 100) {
            LineItemCopyText.append(row, prefix: prefix, to: &expected)
        }
        var written: [UInt8] = []
        let reader = try LineItemCSVReader(bytes: Array(text.utf8), name: "a.csv")
        var rows = 0
        while true {
            // A small chunk: several calls, each stopping at the first row that reaches it.
            let n = try reader.nextCopyText(prefix: prefix, into: &written, bytes: written.count + 100)
            if n == 0 { break }
            rows += n
        }
        #expect(rows == 8)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "42\t2\t101001\t001\t2010101\t30101\t人员经费\t\t一般公共预算拨款\t123456")
        #expect(lines[2] == "42\t5\t101001\t0\\\\1\t2010350\t31002\t项目\tP\\\\\"x\"\\\\\t一般公共预算拨款\t0")
        #expect(lines[3].hasSuffix("\t项目\t202002 P\"2\"\t政府性基金预算拨款\t10000000001"))
        #expect(lines[4].hasSuffix("\t-1230") && lines[5].hasSuffix("\t700") && lines[6].hasSuffix("\t12345678901234560")
                && lines[7].hasSuffix("\t1234567890123456"))
    }

    /// The reader's own field writer (checked bytes copied directly, for SQLite) against the default one, which
    /// copies the rows `next(limit:)` returns: the same bytes, lines and 分, in chunks of any size.
    @Test("fields copied from the checked bytes equal the fields of the rows")
    func fieldsMatchRows() throws {
        var expected = LineItemFields()
        let rows = try LineItemCSVReader(bytes: Array(Self.mixed.utf8), name: "a.csv").next(limit: 100)
        for row in rows { expected.append(row) }
        let reader = try LineItemCSVReader(bytes: Array(Self.mixed.utf8), name: "a.csv")
        var fields = LineItemFields()
        var calls = 0
        while try reader.nextFields(into: &fields, limit: 3) > 0 { calls += 1 }
        #expect(calls == 3 && fields.count == 8)
        #expect(fields.bytes == expected.bytes && fields.ends == expected.ends)
        #expect(fields.lines == rows.map(\.line) && fields.fen == rows.map(\.fen))
        let project = fields.range(row: 2, column: 5)
        #expect(String(decoding: fields.bytes[project], as: UTF8.self) == #"P\"x"\"#)
        #expect(fields.range(row: 0, column: 5).isEmpty)
        fields.removeAll()
        #expect(fields.count == 0 && fields.bytes.isEmpty)
    }

    @Test("a bad row stops the COPY writer with its line and column, like the rows")
    func copyTextBadRow() throws {
        let text = "部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）\n"
            + "101001,001,2010101,30101,人员经费,,事业收入,1\n"
            + "101001,001,2010101,30101,人员经费,,事业收入,1.234\n"
        let reader = try LineItemCSVReader(bytes: Array(text.utf8), name: "b.csv")
        var written: [UInt8] = []
        let error = #expect(throws: StoreError.self) { _ = try reader.nextCopyText(prefix: [], into: &written, bytes: 1 << 20) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("b.csv 第3行 第8列") && message.contains("line 3"), "\(message)")
    }
}
