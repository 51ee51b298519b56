import Foundation
import YusuanCore

/// Reads an Excel workbook (.xlsx) into a `RawDocument`: one line per sheet row, sheets in tab order.
///
/// Cells show what Excel shows, minus thousands separators: shared, inline and formula strings
/// as stored; numbers at the decimals of their number format ("0.00" keeps "12.00", so the
/// printed precision survives), General numbers without binary noise. A merged range has its
/// value in its top-left cell and empty cells for the rest, the convention every reader follows.
/// Empty rows between content rows are blank lines; a blank line separates sheets; hidden sheets
/// are left out (they are not part of what was published). Locations carry sheet name and row.
public enum XLSXReader {
    /// Most non-empty cells read from one workbook.
    public static var maxCells: Int { XLSXLimits.standard.maxCells }
    /// A run of more empty rows than this becomes a single blank line.
    static let maxBlankRun = 100

    /// Reads the workbook in `data`; `source` names it in locations and errors.
    public static func read(_ data: Data, source: String) throws(IngestError) -> RawDocument {
        try read(data, source: source, limits: .standard)
    }

    /// Reads the workbook in `data` within `limits`.
    public static func read(_ data: Data, source: String, limits: InputLimits) throws(IngestError) -> RawDocument {
        guard data.count <= limits.maxFileBytes else { throw DocumentReader.tooLarge(data.count, source: source, limits: limits) }
        var package = try XLSXPackage(data, file: source, limits: limits)
        let workbookPath = try mainPart(&package)
        guard let workbookData = try package.read(workbookPath) else {
            throw IngestError(file: source, message: "not an XLSX workbook: no xl/workbook.xml (a zip archive of something else?)")
        }
        let workbook = WorkbookHandler()
        try workbook.parse(workbookData, path: workbookPath, file: source)
        guard !workbook.sheets.isEmpty else {
            throw IngestError(file: source, message: "damaged workbook: \(workbookPath) lists no sheets")
        }
        let rels = RelationshipsHandler()
        let relsPath = XLSXPackage.relsPath(of: workbookPath)
        if let d = try package.read(relsPath) { try rels.parse(d, path: relsPath, file: source) }

        func part(_ kind: String, fallback: String) -> String {
            rels.target(ofType: kind).map { XLSXPackage.resolve($0, relativeTo: workbookPath) } ?? fallback
        }
        let sharedPath = part("sharedStrings", fallback: "xl/sharedStrings.xml")
        let shared = SharedStringsHandler(maxStrings: limits.maxSharedStrings, file: source, path: sharedPath)
        if let d = try package.read(sharedPath) { try shared.parse(d, path: sharedPath, file: source) }
        let stylesPath = part("styles", fallback: "xl/styles.xml")
        let styles = StylesHandler()
        if let d = try package.read(stylesPath) { try styles.parse(d, path: stylesPath, file: source) }
        styles.date1904 = workbook.date1904

        var lines: [RawLine] = []
        var cellCount = 0
        var emitted = 0
        for (index, sheet) in workbook.sheets.enumerated() where !sheet.hidden {
            let path: String
            if let r = rels.targets[sheet.relationship] {
                guard r.type.hasSuffix("/worksheet") else { continue }  // chart and dialog sheets hold no cells
                path = XLSXPackage.resolve(r.target, relativeTo: workbookPath)
            } else {
                path = "xl/worksheets/sheet\(index + 1).xml"
            }
            guard let d = try package.read(path) else { continue }
            let handler = SheetHandler(shared: shared.strings, styles: styles, file: source, path: path,
                                       cellCount: cellCount, maxCells: limits.maxCells)
            try handler.parse(d, path: path, file: source)
            cellCount = handler.cellCount
            if !lines.isEmpty { lines.append(RawLine(cells: [], location: SourceLocation(sheet: sheet.name))) }
            lines += try sheetLines(handler, sheet: sheet.name, emitted: &emitted, limits: limits, file: source)
        }
        return RawDocument(source: source, origin: .xlsx, lines: lines)
    }

    /// The workbook part named by _rels/.rels (usually xl/workbook.xml).
    static func mainPart(_ package: inout XLSXPackage) throws(IngestError) -> String {
        let fallback = "xl/workbook.xml"
        guard let d = try package.read("_rels/.rels") else { return fallback }
        let rels = RelationshipsHandler()
        try rels.parse(d, path: "_rels/.rels", file: package.file)
        guard let target = rels.target(ofType: "officeDocument") else { return fallback }
        let path = XLSXPackage.resolve(target, relativeTo: "")
        return package.entry(path) == nil ? fallback : path
    }

    /// One line per row from the first to the last row with content. Leading columns empty in
    /// the whole sheet are dropped; a row runs to its last value or the right edge of a merge
    /// that covers it, whichever is further (but not past the sheet's last value column).
    static func sheetLines(_ sheet: SheetHandler, sheet name: String, emitted: inout Int, limits: InputLimits,
                           file: String) throws(IngestError) -> [RawLine] {
        let limit = limits.maxEmittedCells
        let numbers = sheet.rows.keys.sorted()
        guard let firstRow = numbers.first, let lastRow = numbers.last else { return [] }
        if numbers.count > limits.maxLines {
            throw IngestError(file: file, message: "workbook too large: more than \(limits.maxLines) rows in one sheet",
                              location: SourceLocation(line: numbers[limits.maxLines], sheet: name))
        }
        let columns = sheet.rows.values.flatMap(\.keys)
        let firstColumn = columns.min() ?? 0
        let lastColumn = columns.max() ?? 0
        var mergeRight: [Int: Int] = [:]
        for m in sheet.merges where m.bottom >= firstRow && m.top <= lastRow && m.bottom - m.top < 10_000 {
            for r in m.top...m.bottom { mergeRight[r] = max(mergeRight[r] ?? 0, min(m.right, lastColumn)) }
        }
        var lines: [RawLine] = []
        var previous = firstRow - 1
        for r in numbers {
            let gap = r - previous - 1
            if gap > 0 {
                for k in 0..<(gap > maxBlankRun ? 1 : gap) {
                    lines.append(RawLine(cells: [], location: SourceLocation(line: previous + 1 + k, sheet: name), fromTable: true))
                }
            }
            previous = r
            let values = sheet.rows[r] ?? [:]
            let right = max(values.keys.max() ?? firstColumn, mergeRight[r] ?? firstColumn)
            if right - firstColumn + 1 > limits.maxCellsPerLine {
                throw IngestError(file: file, message: "row too wide: more than \(limits.maxCellsPerLine) cells",
                                  location: SourceLocation(line: r, sheet: name))
            }
            emitted += right - firstColumn + 1
            if emitted > limit {
                throw IngestError(file: file, message: "workbook too large: more than \(limit) cells to lay out (sheet \(name))")
            }
            let cells = (firstColumn...right).map { values[$0] ?? "" }
            lines += rowLines(cells, location: SourceLocation(line: r, sheet: name))
        }
        return lines
    }

    /// A row's line. A row whose only value is a block of text with line breaks (a narrative
    /// merged across the sheet) becomes one line per paragraph; elsewhere a line break inside a
    /// cell is a wrapped header and joins with nothing, as a PDF copy prints it.
    static func rowLines(_ cells: [String], location: SourceLocation) -> [RawLine] {
        let filled = cells.filter { !$0.trimmed.isEmpty }
        if filled.count == 1, let only = filled.first, only.contains(where: \.isNewline) {
            let paragraphs = only.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
            return paragraphs.map { RawLine(cells: [$0], location: location, fromTable: false) }
        }
        let joined = cells.map { cell in
            cell.contains(where: \.isNewline)
                ? cell.split(whereSeparator: \.isNewline).map { String($0).trimmed }.joined() : cell
        }
        return [RawLine(cells: joined, location: location, fromTable: true)]
    }
}
