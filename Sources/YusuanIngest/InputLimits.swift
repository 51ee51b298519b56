/// The caps every reader applies to its input, in one place, so that a hostile or broken file
/// (a zip bomb, a page of 10,000 nested tags, a line of a million cells) is refused with a clear
/// error instead of exhausting memory, time or the stack. Readers take an `InputLimits` and
/// default to `standard`; tests pass smaller ones to reach each cap cheaply.
public struct InputLimits: Sendable {
    /// Most bytes in one input file or upload (100 MB).
    public var maxFileBytes = 100 * 1024 * 1024
    /// Most lines of text, rows of a page or rows of one sheet.
    public var maxLines = 1_000_000
    /// Most cells on one line or row (Excel's column count, so no legal sheet row is refused).
    public var maxCellsPerLine = 16_384
    /// Deepest nesting of HTML elements.
    public var maxHTMLDepth = 512
    /// Most entries in a workbook's zip archive.
    public var maxZipEntries = 10_000
    /// Most bytes inflated from one zip entry.
    public var maxEntryBytes = 100 * 1024 * 1024
    /// Most bytes inflated from one workbook in total.
    public var maxTotalBytes = 200 * 1024 * 1024
    /// Highest uncompressed : compressed ratio allowed for an entry past `ratioFloor` bytes.
    public var maxRatio = 200
    /// Entries smaller than this are never ratio-checked (tiny parts compress arbitrarily well).
    public var ratioFloor = 1024 * 1024
    /// Most shared strings in a workbook.
    public var maxSharedStrings = 1_000_000
    /// Most non-empty cells read from one workbook.
    public var maxCells = 1_000_000
    /// Most cells (empty padding included) laid out for one workbook.
    public var maxEmittedCells = 4_000_000

    public init() {}

    /// The defaults.
    public static let standard = InputLimits()

    /// "100 MB", "512 KB", "300 bytes": a byte count as people read it in an error.
    public static func size(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 {
            let tenths = bytes / (1024 * 1024 / 10)
            return bytes % (1024 * 1024) == 0 ? "\(bytes / 1024 / 1024) MB" : "\(tenths / 10).\(tenths % 10) MB"
        }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KB" }
        return "\(bytes) bytes"
    }
}

/// The workbook caps are the input caps (kept under their first name for existing callers).
typealias XLSXLimits = InputLimits
