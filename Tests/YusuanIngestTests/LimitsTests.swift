import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import ZIPFoundation

/// Each cap of `InputLimits`, reached with small limits, gives an error that names the cap and
/// where it was reached; input just within the cap reads.
@Suite struct LimitsTests {
    func limits(_ change: (inout InputLimits) -> Void) -> InputLimits {
        var l = InputLimits()
        change(&l)
        return l
    }

    func error(_ body: () throws(IngestError) -> RawDocument) -> String? {
        do { _ = try body(); return nil } catch { return error.description }
    }

    @Test func textLines() {
        let few = limits { $0.maxLines = 3 }
        #expect(error { () throws(IngestError) in try TextReader.read("a\nb\nc", source: "t.txt", limits: few) } == nil)
        #expect(error { () throws(IngestError) in try TextReader.read("a\nb\nc\nd\ne", source: "t.txt", limits: few) }
                == "t.txt (line 4): too many lines: more than 3")
    }

    @Test func textCellsPerLine() {
        let narrow = limits { $0.maxCellsPerLine = 3 }
        #expect(error { () throws(IngestError) in try TextReader.read("x\na\tb\tc", source: "t.txt", limits: narrow) } == nil)
        #expect(error { () throws(IngestError) in try TextReader.read("x\na\tb\tc\td", source: "t.txt", limits: narrow) }
                == "t.txt (line 2): line too wide: more than 3 cells")
        // Cells aligned by runs of spaces are counted after splitting.
        #expect(error { () throws(IngestError) in try TextReader.read("a  b  c  d", source: "t.txt", limits: narrow) }
                == "t.txt (line 1): line too wide: more than 3 cells")
    }

    @Test func htmlDepth() {
        let shallow = limits { $0.maxHTMLDepth = 10 }
        let ten = String(repeating: "<div>", count: 10) + "x" + String(repeating: "</div>", count: 10)
        #expect(error { () throws(IngestError) in try HTMLReader.read(ten, source: "p.html", limits: shallow) } == nil)
        let eleven = "<p>a</p>\n" + String(repeating: "<div>", count: 11) + "x"
        #expect(error { () throws(IngestError) in try HTMLReader.read(eleven, source: "p.html", limits: shallow) }
                == "p.html (line 2): HTML nested too deeply: more than 10 levels of elements")
    }

    @Test func htmlSiblingsPastTheFlatteningDepthAreNotNesting() throws {
        // 250 levels (past the 200 where the tree is flattened), then 1,000 closed siblings: 251 deep at most.
        let html = String(repeating: "<div>", count: 250) + String(repeating: "<span>x</span>", count: 1000)
        let doc = try HTMLReader.read(html, source: "p.html", limits: .standard)
        #expect(doc.lines.map(\.cells) == [[String(repeating: "x", count: 1000)]])
    }

    @Test func htmlRowsAndCells() {
        let rows = "<table>" + (1...5).map { "<tr><td>\($0)</td><td>b</td></tr>\n" }.joined() + "</table>"
        #expect(error { () throws(IngestError) in try HTMLReader.read(rows, source: "p.html", limits: limits { $0.maxLines = 3 }) }
                == "p.html (line 4): too many lines: more than 3")
        #expect(error { () throws(IngestError) in try HTMLReader.read(rows, source: "p.html", limits: limits { $0.maxCellsPerLine = 1 }) }
                == "p.html (line 1): line too wide: more than 1 cells")
    }

    @Test func fileSizeOfAnUpload() {
        let small = limits { $0.maxFileBytes = 10 }
        #expect(error { () throws(IngestError) in try DocumentReader.read(Data("0123456789A".utf8), source: "u.txt", limits: small) }
                == "u.txt: file too large: 11 bytes (at most 10 bytes)")
        #expect(error { () throws(IngestError) in try DocumentReader.read(Data("0123456789".utf8), source: "u.txt", limits: small) } == nil)
    }
}

/// The workbook caps: zip entries, bytes per entry (declared and actual), shared strings, rows, row width.
@Suite struct XLSXLimitsTests {
    func limits(_ change: (inout InputLimits) -> Void) -> InputLimits {
        var l = InputLimits()
        change(&l)
        return l
    }

    func error(_ data: Data, _ limits: InputLimits) -> String? {
        do { _ = try XLSXReader.read(data, source: "w.xlsx", limits: limits); return nil } catch { return error.description }
    }

    func rows(_ n: Int, columns: Int = 2) -> String {
        (1...n).map { r in "<row r=\"\(r)\">" + (1...columns).map { "<c><v>\(r * 10 + $0)</v></c>" }.joined() + "</row>" }.joined()
    }

    @Test func zipEntries() throws {
        let data = try MiniWorkbook.workbook([(name: "S", rows: rows(2), extra: "")])  // 4 entries
        #expect(error(data, limits { $0.maxZipEntries = 4 }) == nil)
        #expect(error(data, limits { $0.maxZipEntries = 3 }) == "w.xlsx: refused: the zip archive has more than 3 entries")
    }

    @Test func declaredEntrySize() throws {
        let data = try MiniWorkbook.workbook([(name: "S", rows: rows(50), extra: "")])
        #expect(error(data, limits { $0.maxEntryBytes = 1000 })
                == "w.xlsx: workbook too large: xl/worksheets/sheet1.xml inflates to more than 1000 bytes")
    }

    @Test func actualEntrySizeWhenTheHeadersLie() throws {
        // Sizes rewritten to 100 bytes in both headers: the declared check passes, inflating stops at the cap.
        let data = Self.lying(try MiniWorkbook.workbook([(name: "S", rows: rows(50), extra: "")]), part: "xl/worksheets/sheet1.xml", size: 100)
        #expect(error(data, limits { $0.maxEntryBytes = 1000 })
                == "w.xlsx: workbook too large: xl/worksheets/sheet1.xml inflates to more than 1000 bytes")
    }

    @Test func sharedStrings() throws {
        let data = try MiniWorkbook.workbook([(name: "S", rows: #"<row r="1"><c t="s"><v>0</v></c></row>"#, extra: "")],
                                             shared: ["一", "二", "三"])
        #expect(error(data, limits { $0.maxSharedStrings = 3 }) == nil)
        #expect(error(data, limits { $0.maxSharedStrings = 2 })
                == "w.xlsx: workbook too large: more than 2 shared strings (at xl/sharedStrings.xml)")
    }

    @Test func rowsPerSheet() throws {
        let data = try MiniWorkbook.workbook([(name: "收入", rows: rows(11), extra: "")])
        #expect(error(data, limits { $0.maxLines = 11 }) == nil)
        #expect(error(data, limits { $0.maxLines = 10 }) == "w.xlsx (sheet 收入, line 11): workbook too large: more than 10 rows in one sheet")
    }

    @Test func rowWidth() throws {
        let data = try MiniWorkbook.workbook([(name: "S", rows: rows(3, columns: 5), extra: "")])
        #expect(error(data, limits { $0.maxCellsPerLine = 5 }) == nil)
        #expect(error(data, limits { $0.maxCellsPerLine = 4 }) == "w.xlsx (sheet S, line 1): row too wide: more than 4 cells")
    }

    /// `data` with the uncompressed size of `part` set to `size` in its local and central headers.
    static func lying(_ data: Data, part: String, size: UInt32) -> Data {
        var b = [UInt8](data)
        let name = Array(part.utf8)
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func put(_ i: Int) { for k in 0..<4 { b[i + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < b.count {
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x03, b[i + 3] == 0x04,
               Array(b[(i + 30)..<(i + 30 + u16(i + 26))]) == name { put(i + 22) }
            if b[i] == 0x50, b[i + 1] == 0x4B, b[i + 2] == 0x01, b[i + 3] == 0x02,
               Array(b[(i + 46)..<(i + 46 + u16(i + 28))]) == name { put(i + 24) }
            i += 1
        }
        return Data(b)
    }
}
