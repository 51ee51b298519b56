import Foundation
import YusuanRender
import ZIPFoundation

/// Writes an `XLSXWorkbook` as the minimal set of OOXML parts Excel, WPS and LibreOffice open:
/// [Content_Types].xml, _rels/.rels, xl/workbook.xml and its relationships, xl/styles.xml,
/// xl/sharedStrings.xml and one xl/worksheets/sheetN.xml per sheet, zipped in memory.
///
/// The output depends only on the workbook: entries carry a fixed date, so a build is reproducible.
public struct XLSXWorkbookWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRels = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    let workbook: XLSXWorkbook
    private var styles = XLSXStyleSheet()
    private var strings: [XLSXValue] = []
    private var stringIndex: [XLSXValue: Int] = [:]
    private var stringCount = 0

    public init(_ workbook: XLSXWorkbook) { self.workbook = workbook }

    /// The parts of the package by path, in the order they are zipped.
    public mutating func parts() -> [(path: String, xml: String)] {
        var out: [(String, String)] = [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels)]
        var sheets: [(String, String)] = []
        for (i, sheet) in workbook.sheets.enumerated() {
            sheets.append(("xl/worksheets/sheet\(i + 1).xml", sheetXML(sheet, selected: i == 0)))
        }
        out += [("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", workbookRels)]
        out += sheets
        out += [("xl/styles.xml", styles.xml), ("xl/sharedStrings.xml", sharedStrings)]
        return out
    }

    /// The zipped package.
    public func data() throws -> Data {
        var writer = self
        let archive = try Archive(accessMode: .create)
        let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, the zip epoch
        for part in writer.parts() {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    var contentTypes: String {
        var x = Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        x += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        x += #"<Default Extension="xml" ContentType="application/xml"/>"#
        x += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in workbook.sheets.indices {
            x += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        x += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        x += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        return x + "</Types>"
    }

    var rootRels: String {
        Self.header + #"<Relationships xmlns="\#(Self.packageRels)"><Relationship Id="rId1" Type="\#(Self.officeRels)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    }

    var workbookXML: String {
        var x = Self.header + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.officeRels)"><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (i, s) in workbook.sheets.enumerated() {
            x += #"<sheet name="\#(XMLText.escape(s.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        x += "</sheets>"
        let titles = workbook.sheets.enumerated().compactMap { i, s in s.headerRows.map { (i, s.name, $0) } }.filter { !$0.2.isEmpty }
        if !titles.isEmpty {
            x += "<definedNames>"
            for (i, name, rows) in titles {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                x += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(i)">\#(XMLText.escape(quoted))!$\#(rows.lowerBound + 1):$\#(rows.upperBound)</definedName>"#
            }
            x += "</definedNames>"
        }
        return x + "</workbook>"
    }

    var workbookRels: String {
        var x = Self.header + #"<Relationships xmlns="\#(Self.packageRels)">"#
        for i in workbook.sheets.indices {
            x += #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.officeRels)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let n = workbook.sheets.count
        x += #"<Relationship Id="rId\#(n + 1)" Type="\#(Self.officeRels)/styles" Target="styles.xml"/>"#
        x += #"<Relationship Id="rId\#(n + 2)" Type="\#(Self.officeRels)/sharedStrings" Target="sharedStrings.xml"/>"#
        return x + "</Relationships>"
    }

    var sharedStrings: String {
        var x = Self.header + #"<sst xmlns="\#(Self.main)" count="\#(stringCount)" uniqueCount="\#(strings.count)">"#
        for s in strings {
            switch s {
            case .text(let t): x += "<si>\(Self.t(t))</si>"
            case .richText(let runs):
                let font = #"<sz val="11"/><rFont val="\#(XLSXStyleSheet.fontName)"/><family val="3"/><charset val="134"/>"#
                x += "<si>" + runs.map { "<r><rPr>\($0.bold ? "<b/>" : "")\(font)</rPr>\(Self.t($0.text))</r>" }.joined() + "</si>"
            case .empty, .number: continue
            }
        }
        return x + "</sst>"
    }

    /// A <t> element, keeping leading and trailing spaces and line breaks.
    static func t(_ s: String) -> String {
        let keep = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n")
        return "<t\(keep ? #" xml:space="preserve""# : "")>\(XMLText.escape(s))</t>"
    }

    /// The index of a text or rich-text value in the shared strings, adding it on first use.
    mutating func sharedIndex(_ s: XLSXValue) -> Int {
        stringCount += 1
        if let i = stringIndex[s] { return i }
        strings.append(s)
        stringIndex[s] = strings.count - 1
        return strings.count - 1
    }

    mutating func sheetXML(_ sheet: XLSXSheet, selected: Bool) -> String {
        let width = max(sheet.rows.map(\.count).max() ?? 1, sheet.columnWidths.count, 1)
        var x = Self.header + #"<worksheet xmlns="\#(Self.main)" xmlns:r="\#(Self.officeRels)">"#
        x += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        x += #"<dimension ref="A1:\#(XLSXRange.cell(row: max(sheet.rows.count - 1, 0), column: width - 1))"/>"#
        x += #"<sheetViews><sheetView workbookViewId="0"\#(selected ? #" tabSelected="1""# : "")>"#
        if let h = sheet.headerRows, !h.isEmpty, h.upperBound < sheet.rows.count {
            x += #"<pane ySplit="\#(h.upperBound)" topLeftCell="A\#(h.upperBound + 1)" activePane="bottomLeft" state="frozen"/>"#
        }
        x += #"</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#
        let widths = sheet.columnWidths.enumerated().compactMap { i, w in w.map { (i, $0) } }
        if !widths.isEmpty {
            x += "<cols>" + widths.map { #"<col min="\#($0.0 + 1)" max="\#($0.0 + 1)" width="\#(XLSXStyleSheet.number($0.1))" customWidth="1"/>"# }.joined() + "</cols>"
        }
        x += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            let height = sheet.rowHeights[r].map { #" ht="\#(XLSXStyleSheet.number($0))" customHeight="1""# } ?? ""
            x += #"<row r="\#(r + 1)"\#(height)>"#
            for (c, cell) in row.enumerated() {
                guard let cell else { continue }
                x += cellXML(cell, ref: XLSXRange.cell(row: r, column: c))
            }
            x += "</row>"
        }
        x += "</sheetData>"
        if !sheet.merges.isEmpty {
            x += #"<mergeCells count="\#(sheet.merges.count)">"# + sheet.merges.map { #"<mergeCell ref="\#($0.reference)"/>"# }.joined() + "</mergeCells>"
        }
        x += #"<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        x += #"<pageSetup paperSize="9" orientation="\#(sheet.landscape ? "landscape" : "portrait")" fitToWidth="1" fitToHeight="0"/>"#
        return x + "</worksheet>"
    }

    mutating func cellXML(_ cell: XLSXCell, ref: String) -> String {
        let s = styles.index(cell.style)
        let style = s == 0 ? "" : #" s="\#(s)""#
        switch cell.value {
        case .empty: return #"<c r="\#(ref)"\#(style)/>"#
        case .number(let v): return #"<c r="\#(ref)"\#(style)><v>\#(XMLText.escape(v))</v></c>"#
        case .text, .richText: return #"<c r="\#(ref)"\#(style) t="s"><v>\#(sharedIndex(cell.value))</v></c>"#
        }
    }
}
