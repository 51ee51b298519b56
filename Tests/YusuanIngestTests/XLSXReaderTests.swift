import Foundation
import Testing
import YusuanCore
import ZIPFoundation
@testable import YusuanIngest

/// Small workbooks written part by part, the way Excel and WPS lay them out.
enum MiniWorkbook {
    static let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    static func zip(_ parts: [String: String], compress: Bool = true) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compress ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// A workbook with the given sheets (name → <sheetData> inner XML, plus optional extra XML after it).
    static func workbook(_ sheets: [(name: String, rows: String, extra: String)], shared: [String] = [],
                         styles: String? = nil, hidden: Set<String> = []) throws -> Data {
        var parts: [String: String] = [:]
        var sheetList = "", rels = ""
        for (i, s) in sheets.enumerated() {
            let state = hidden.contains(s.name) ? #" state="hidden""# : ""
            sheetList += #"<sheet name="\#(s.name)" sheetId="\#(i + 10)" r:id="rId\#(i + 1)"\#(state)/>"#
            // Sheet files deliberately numbered against tab order: order must come from workbook.xml.
            let file = "sheet\(sheets.count - i).xml"
            rels += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/\#(file)"/>"#
            parts["xl/worksheets/\(file)"] = #"<?xml version="1.0" encoding="UTF-8"?><worksheet \#(ns)><sheetData>\#(s.rows)</sheetData>\#(s.extra)</worksheet>"#
        }
        rels += #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        parts["xl/workbook.xml"] = #"<?xml version="1.0" encoding="UTF-8"?><workbook \#(ns)><sheets>\#(sheetList)</sheets></workbook>"#
        parts["xl/_rels/workbook.xml.rels"] = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#
        let sis = shared.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t>\($0)</t></si>" }.joined()
        parts["xl/sharedStrings.xml"] = #"<sst \#(ns) count="\#(shared.count)">\#(sis)</sst>"#
        if let styles {
            // No relationship for it: the reader falls back to the conventional path.
            parts["xl/styles.xml"] = #"<styleSheet \#(ns)>\#(styles)</styleSheet>"#
        }
        return try zip(parts)
    }
}

@Suite struct XLSXReaderTests {
    func read(_ data: Data) throws -> RawDocument { try XLSXReader.read(data, source: "t.xlsx") }

    func error(_ data: Data, limits: XLSXLimits = .standard) -> IngestError? {
        do { _ = try XLSXReader.read(data, source: "t.xlsx", limits: limits); return nil } catch { return error }
    }

    @Test func sharedInlineAndRichStrings() throws {
        let data = try MiniWorkbook.workbook([(name: "部门收支总表", rows: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>单位：万元</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="str"><f>A1</f><v>公式文本</v></c></row>
            """, extra: "")], shared: ["收  入", "<r><t>本年</t></r><r><rPr><b/></rPr><t>收入</t></r><rPh><t>ほん</t></rPh>"])
        let doc = try read(data)
        #expect(doc.origin == .xlsx)
        #expect(doc.lines.map(\.cells) == [["收  入", "单位：万元"], ["本年收入", "", "公式文本"]])
        #expect(doc.lines[1].location == SourceLocation(line: 2, sheet: "部门收支总表"))
        #expect(doc.lines.allSatisfy { $0.fromTable })
    }

    @Test func numbersShowWithoutFloatingNoiseAndAtTheirFormatsDecimals() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="176" formatCode="#,##0.00_ "/><numFmt numFmtId="177" formatCode="0.0#;[Red]\\-0.0#"/></numFmts>
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="2"/><xf numFmtId="176"/><xf numFmtId="10"/><xf numFmtId="177"/></cellXfs>
            """
        let data = try MiniWorkbook.workbook([(name: "S", rows: """
            <row r="1"><c r="A1"><v>951.81</v></c><c r="B1"><v>951.80999999999995</v></c><c r="C1"><v>0.30000000000000004</v></c>
            <c r="D1" s="1"><v>12</v></c><c r="E1" s="2"><v>1234.5</v></c><c r="F1" s="3"><v>0.1234</v></c>
            <c r="G1" s="1"><v>2.675</v></c><c r="H1" s="4"><v>-3</v></c><c r="I1" s="4"><v>3.14159</v></c>
            <c r="J1"><v>1E-3</v></c><c r="K1"><v>-0</v></c><c r="L1" t="b"><v>1</v></c><c r="M1" t="e"><v>#DIV/0!</v></c>
            <c r="N1" s="99"><v>7</v></c><c r="O1"><v>abc</v></c></row>
            """, extra: "")], styles: styles)
        let doc = try read(data)
        #expect(doc.lines.first?.cells == ["951.81", "951.81", "0.3", "12.00", "1234.50", "12.34%", "2.68", "-3.0", "3.14",
                                           "0.001", "0", "TRUE", "#DIV/0!", "7", "abc"])
    }

    @Test func mergedCellsLeaveEmptyCellsAndRowsRunToTheMergeEdge() throws {
        let data = try MiniWorkbook.workbook([(name: "S", rows: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>2026年部门收入预算总表</t></is></c><c r="B1"/><c r="C1"/></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>项目</t></is></c><c r="B2" t="inlineStr"><is><t>本年预算</t></is></c></row>
            <row r="3"><c r="B3" t="inlineStr"><is><t>合计</t></is></c><c r="C3" t="inlineStr"><is><t>基本支出</t></is></c><c r="D3" t="inlineStr"><is><t>项目支出</t></is></c></row>
            """, extra: #"<mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="A2:A3"/><mergeCell ref="B2:D2"/></mergeCells>"#)])
        let doc = try read(data)
        #expect(doc.lines.map(\.cells) == [
            ["2026年部门收入预算总表", "", "", ""],
            ["项目", "本年预算", "", ""],
            ["", "合计", "基本支出", "项目支出"],
        ])
    }

    @Test func sheetOrderGapsLeadingColumnsAndHiddenSheets() throws {
        let cell = { (ref: String, text: String) in #"<c r="\#(ref)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }
        let data = try MiniWorkbook.workbook([
            (name: "封面", rows: "<row r=\"2\">\(cell("B2", "封面"))</row><row r=\"5\">\(cell("C5", "2026"))</row>", extra: ""),
            (name: "隐藏", rows: "<row r=\"1\">\(cell("A1", "hidden"))</row>", extra: ""),
            (name: "目录", rows: "<row>\(cell("A1", "目  录"))</row><row>\(cell("A2", "a\n\n  b\n"))<c t=\"inlineStr\"><is><t>x\ny</t></is></c></row>", extra: ""),
        ], hidden: ["隐藏"])
        let doc = try read(data)
        #expect(doc.lines.map(\.cells) == [["封面"], [], [], ["", "2026"], [], ["目  录"], ["ab", "xy"]])
        #expect(doc.lines.map(\.location.sheet) == ["封面", "封面", "封面", "封面", "目录", "目录", "目录"])
        #expect(doc.lines.map(\.location.line) == [2, 3, 4, 5, nil, 1, 2])
    }

    @Test func narrativeCellWithLineBreaksBecomesParagraphs() throws {
        let data = try MiniWorkbook.workbook([(name: "说明", rows: """
            <row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">    一、部门职能&#10;    主要职能包括：&#10;&#10;</t></is></c><c r="B3"/></row>
            """, extra: "")])
        let doc = try read(data)
        #expect(doc.lines.map(\.cells) == [["一、部门职能"], ["主要职能包括："]])
        #expect(doc.lines.allSatisfy { !$0.fromTable && $0.location.line == 3 })
    }

    @Test func shanghaiTemplate() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/shanghai/department-budget-template-2026.xlsx")
        let doc = try read(try Data(contentsOf: url))
        var sheets: [String] = []
        for l in doc.lines { if let s = l.location.sheet, sheets.last != s { sheets.append(s) } }
        #expect(sheets == ["封面", "目录", "部门主要职能", "部门机构设置", "名词解释", "部门编制说明", "部门收支总表",
                           "部门收入总表", "部门支出总表", "部门财政拨款收支总表", "部门一般公共预算拨款表", "部门政府性基金拨款表",
                           "部门国有资本经营预算拨款表 ", "部门一般公共预算拨款基本支出明细表", "部门“三公”经费和机关运行费预算表",
                           "其他相关情况说明", "项目经费情况说明"])
        let summary = doc.lines.filter { $0.location.sheet == "部门收支总表" && !$0.isBlank }
        #expect(summary.contains { $0.text.contains("部门财务收支预算总表") })
        #expect(summary.contains { $0.cells.contains("本年收入") && $0.cells.contains("本年支出") })
        #expect(summary.contains { $0.cells.contains("收入总计") && $0.cells.contains("支出总计") })
        // The 253 styled but empty columns of each row are not emitted.
        #expect(doc.lines.allSatisfy { $0.cells.count < 40 })
        #expect(doc.lines.contains { $0.cells == ["主要职能包括："] && !$0.fromTable })
    }

    @Test func notAWorkbook() throws {
        #expect(error(Data("hello".utf8))?.message == "not an XLSX workbook: not a zip archive")
        #expect(error(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0]))?.message.hasPrefix("not an XLSX workbook: unreadable zip") == true)
        let docx = try MiniWorkbook.zip(["word/document.xml": "<w:document/>"])
        #expect(error(docx)?.message.contains("no xl/workbook.xml") == true)
        let malformed = try MiniWorkbook.zip(["xl/workbook.xml": "<workbook><sheets><sheet"])
        #expect(error(malformed)?.message.hasPrefix("damaged workbook: malformed XML in xl/workbook.xml") == true)
        let noSheets = try MiniWorkbook.zip(["xl/workbook.xml": "<workbook><sheets/></workbook>"])
        #expect(error(noSheets)?.message == "damaged workbook: xl/workbook.xml lists no sheets")
        let dtd = try MiniWorkbook.zip(["xl/workbook.xml": #"<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>"#])
        #expect(error(dtd)?.message == "refused: xl/workbook.xml declares a DTD")
    }

    @Test func zipBombIsRefused() throws {
        let rows = "<row>" + String(repeating: "<c/>", count: 1_000_000) + "</row>"  // 4 MB that deflates ~1000:1
        let data = try MiniWorkbook.workbook([(name: "S", rows: rows, extra: "")])
        #expect(error(data)?.message.contains("inflates more than 200:1") == true)
    }

    @Test func caps() throws {
        // The same checks as the standard caps (1,000,000 cells, 200 MB), at a size a test can afford.
        var rows = ""
        for r in 1...11 { rows += "<row r=\"\(r)\">" + (1...10).map { c in "<c><v>\(r * 10 + c)</v></c>" }.joined() + "</row>" }
        let data = try MiniWorkbook.workbook([(name: "S", rows: rows, extra: "")])
        #expect(error(data) == nil)
        var few = XLSXLimits.standard
        few.maxCells = 100
        #expect(error(data, limits: few)?.message == "workbook too large: more than 100 non-empty cells (at xl/worksheets/sheet1.xml)")
        var small = XLSXLimits.standard
        small.maxTotalBytes = 2000
        #expect(error(data, limits: small)?.message.hasPrefix("workbook too large: more than 0 MB uncompressed") == true)
        let wide = try MiniWorkbook.workbook([(name: "S", rows: #"<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>"#, extra: "")])
        var narrow = XLSXLimits.standard
        narrow.maxEmittedCells = 10_000
        #expect(error(wide, limits: narrow)?.message == "workbook too large: more than 10000 cells to lay out (sheet S)")
        #expect(try read(wide).lines.first?.cells.count == 16_384)
        #expect(XLSXReader.maxCells == 1_000_000)
    }

    @Test func partsOver10MBAreRead() throws {
        // 11,000 shared strings of 1,000 pseudo-random digits: an 11 MB part that deflates only ~2:1.
        var seed: UInt32 = 12_345
        var strings: [String] = []
        for _ in 0..<11_000 {
            var s = ""
            s.reserveCapacity(1000)
            for _ in 0..<1000 {
                seed = seed &* 1_103_515_245 &+ 12_345
                s.append(Character(Unicode.Scalar(UInt8(48 + (seed >> 16) % 10))))
            }
            strings.append(s)
        }
        let data = try MiniWorkbook.workbook([(name: "S", rows: #"<row r="1"><c r="A1" t="s"><v>10999</v></c></row>"#, extra: "")],
                                             shared: strings)
        #expect(try read(data).lines.first?.cells == [strings[10_999]])
    }

    @Test func datesShowAsDates() throws {
        let styles = """
            <numFmts count="1"><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;;@"/></numFmts>
            <cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="177"/><xf numFmtId="22"/></cellXfs>
            """
        let data = try MiniWorkbook.workbook([(name: "封面", rows: """
            <row r="1"><c r="A1" s="1"><v>46023</v></c><c r="B1" s="2"><v>45292.75</v></c><c r="C1" s="1"><v>-1</v></c></row>
            """, extra: "")], styles: styles)
        #expect(try read(data).lines.first?.cells == ["2026年1月", "2024-01-01 18:00", "-1"])
        #expect(XLSXDateFormat.render(44000, code: "yyyy-mm-dd", date1904: true) == "2024-06-19")
        #expect(XLSXDateFormat.render(0.5, code: "h:mm:ss", date1904: false) == "12:00:00")
        #expect(XLSXDateFormat.render(59, code: "yyyy/m/d", date1904: false) == "1900/2/28")
    }

    @Test func cellReferences() {
        #expect(SheetHandler.cellReference("C5")?.column == 2)
        #expect(SheetHandler.cellReference("$AB$12")?.column == 27)
        #expect(SheetHandler.cellReference("XFD1048576")?.row == 1_048_576)
        #expect(SheetHandler.cellReference("5C") == nil)
        #expect(SheetHandler.cellReference("ABCD1") == nil)
    }
}
