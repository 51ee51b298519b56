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
}
