import Foundation

/// A workbook to write: sheets of cells with styles, merged ranges and column widths.
///
/// Format-neutral data; `XLSXWorkbookWriter` turns it into the OOXML parts of an .xlsx file.
public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]

    public init(sheets: [XLSXSheet]) { self.sheets = sheets }

    /// The .xlsx file: a zip archive built in memory.
}

/// One worksheet: rows of cells from A1, merges, column widths and how it prints.
public struct XLSXSheet: Sendable {
    /// At most 31 characters, none of []:*?/\ (see `XLSXSheetNames`).
    public var name: String
    /// Rows from row 1, cells from column A; nil is an absent cell.
    public var rows: [[XLSXCell?]]
    public var merges: [XLSXRange]
    /// Widths in characters of the digit 0, by column from A; nil keeps the default.
    public var columnWidths: [Double?]
    /// Heights in points, by row index from 0; rows not listed keep the default height.
    public var rowHeights: [Int: Double]
    /// Print on a landscape A4 page (else portrait).
    public var landscape: Bool
    /// Rows (0-based) repeated at the top of every printed page and frozen on screen.
    public var headerRows: Range<Int>?

    public init(name: String, rows: [[XLSXCell?]] = [], merges: [XLSXRange] = [], columnWidths: [Double?] = [],
                rowHeights: [Int: Double] = [:], landscape: Bool = false, headerRows: Range<Int>? = nil) {
        self.name = name
        self.rows = rows
        self.merges = merges
        self.columnWidths = columnWidths
        self.rowHeights = rowHeights
        self.landscape = landscape
        self.headerRows = headerRows
    }
}

/// A cell: its value and how it looks.
public struct XLSXCell: Hashable, Sendable {
    public var value: XLSXValue
    public var style: XLSXCellStyle

    public init(_ value: XLSXValue, style: XLSXCellStyle = XLSXCellStyle()) {
        self.value = value
        self.style = style
    }
}

/// What a cell holds.
public enum XLSXValue: Hashable, Sendable {
    /// No value (a styled cell under a merge, or a blank figure).
    case empty
    /// A string, stored once in the shared strings.
    case text(String)
    /// A number as an exact decimal literal ("951.81", "-3", "0.125"); Excel reads it as a double.
    case number(String)
    /// A string of runs, some bold (a heading and its paragraphs in one cell).
    case richText([XLSXRun])
}

/// Part of a rich-text string.
public struct XLSXRun: Hashable, Sendable {
    public var text: String
    public var bold: Bool

    public init(_ text: String, bold: Bool = false) {
        self.text = text
        self.bold = bold
    }
}

/// A cell's look: number format, font, alignment, border, fill.
public struct XLSXCellStyle: Hashable, Sendable {
    /// Horizontal alignment.
    public enum Horizontal: String, Sendable { case left, center, right }

    /// An Excel format code: "General", "0.00", "#,##0", "0%", "@" (text).
    public var numberFormat: String
    public var bold: Bool
    public var fontSize: Double
    public var horizontal: Horizontal?
    public var wrap: Bool
    /// A thin border on all four sides.
    public var border: Bool
    /// A solid background as RRGGBB.
    public var fill: String?

    public init(numberFormat: String = "General", bold: Bool = false, fontSize: Double = 11, horizontal: Horizontal? = nil,
                wrap: Bool = false, border: Bool = false, fill: String? = nil) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.fontSize = fontSize
        self.horizontal = horizontal
        self.wrap = wrap
        self.border = border
        self.fill = fill
    }
}

/// A rectangle of cells, 0-based and inclusive.
public struct XLSXRange: Hashable, Sendable {
    public var top: Int, left: Int, bottom: Int, right: Int

    public init(top: Int, left: Int, bottom: Int, right: Int) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    /// "A1:F1".
    public var reference: String { XLSXRange.cell(row: top, column: left) + ":" + XLSXRange.cell(row: bottom, column: right) }

    /// "C5" for row 4, column 2 (0-based).
    public static func cell(row: Int, column: Int) -> String { columnName(column) + String(row + 1) }

    /// "A", "Z", "AA" for 0, 25, 26.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }
}
