import Foundation
import YusuanCore
import YusuanRender
import YusuanXLSX

/// Writing the XLSX encoding: the tables of `SourceTableWriter` (and any code lists) as sheets of an
/// `XLSXWorkbook`, one sheet per table, named and headed as the CSV files are.
///
/// Codes, names and prose are text cells in the text format "@", so Excel keeps "001" and "2010308"
/// as typed; amounts in 元 are number cells holding the exact decimal ("12345.67") in the format
/// "0.00"; counts, indicator values and weights are number cells showing the decimals they were
/// written with. The header row is bold and frozen; columns are as wide as their content.
extension XLSXSource {
    /// Writes the workbook at `path`, whole or not at all (a failed write leaves no half file).
    static func write(_ tables: [SourceTable], to path: String) throws(SourceErrors) {
        let data: Data
        do {
            data = try workbook(tables).data()
        } catch {
            throw SourceErrors(.unreadable, file: path, "cannot build the workbook: \(error.localizedDescription)")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SourceErrors(.unreadable, file: path, "cannot write: \(error.localizedDescription)")
        }
    }

    /// The workbook of `tables`, in their order.
    static func workbook(_ tables: [SourceTable]) -> XLSXWorkbook {
        var names = XLSXSheetNames()
        return XLSXWorkbook(sheets: tables.map { t in
            let wanted = t.sheet ?? t.kind?.sheet ?? (t.file as NSString).deletingPathExtension
            return sheet(t, name: names.name(wanted))
        })
    }

    /// What a column holds, which decides its cells' type and format.
    enum ColumnType: Equatable {
        /// Codes, names, enumerations, prose: text cells, format "@".
        case text
        /// Amounts in 元: number cells, format "0.00".
        case amount
        /// Counts, indicator values, weights: number cells with as many decimals as written.
        case decimal
    }

    static func columnType(_ kind: SourceTableKind?, header: String) -> ColumnType {
        guard let kind, let column = kind.columns.first(where: { $0.header == header }) else { return .text }
        switch (kind, column.field) {
        case (_, "amount"): return .amount
        case (.vehicles, "count"), (.indicators, "value"), (.indicators, "weight"): return .decimal
        default: return .text
        }
    }

    static let headerStyle = XLSXCellStyle(numberFormat: "@", bold: true, horizontal: .center, border: true, fill: "DDEBF7")
    static let textStyle = XLSXCellStyle(numberFormat: "@")
    static let wrappedTextStyle = XLSXCellStyle(numberFormat: "@", wrap: true)
    static let amountFormat = "0.00"
    /// Column widths in characters: at least this, at most that (longer text wraps).
    static let minWidth = 8.0, maxWidth = 60.0

    static func sheet(_ t: SourceTable, name: String) -> XLSXSheet {
        let types = t.header.map { columnType(t.kind, header: $0) }
        let columnCount = max(t.header.count, t.rows.map(\.count).max() ?? 0)
        var widths: [Double] = Array(repeating: minWidth, count: columnCount)
        for row in [t.header] + t.rows {
            for (c, value) in row.enumerated() where c < widths.count {
                widths[c] = max(widths[c], Double(displayWidth(value) + 2))
            }
        }
        let wraps = widths.map { $0 > maxWidth }
        let header: [XLSXCell?] = t.header.map { XLSXCell(.text($0), style: headerStyle) }
        let body: [[XLSXCell?]] = t.rows.map { row in
            row.enumerated().map { c, value in
                cell(value, type: types[safe: c] ?? .text, wrap: wraps[safe: c] ?? false)
            }
        }
        return XLSXSheet(name: name, rows: [header] + body, columnWidths: widths.map { min($0, maxWidth) },
                         landscape: columnCount > 6, headerRows: 0..<1)
    }

    /// One cell; nil for an empty value (the reader sees no cell, as for an empty CSV field).
    static func cell(_ value: String, type: ColumnType, wrap: Bool) -> XLSXCell? {
        guard !value.isEmpty else { return nil }
        switch type {
        case .amount:
            // More than 2 decimals would show rounded; keep such a value (never written by Yusuan) as text.
            if let d = decimalPlaces(value), d <= 2 {
                return XLSXCell(.number(value), style: XLSXCellStyle(numberFormat: amountFormat))
            }
        case .decimal:
            if let d = decimalPlaces(value), d <= 10 {
                let format = d == 0 ? "0" : "0." + String(repeating: "0", count: d)
                return XLSXCell(.number(value), style: XLSXCellStyle(numberFormat: format))
            }
        case .text:
            break
        }
        let breaks = value.contains(where: \.isNewline)
        return XLSXCell(.text(value), style: wrap || breaks ? wrappedTextStyle : textStyle)
    }

    /// The decimals of a plain decimal literal ("-12.50" → 2, "7" → 0) that a spreadsheet holds
    /// exactly (at most 15 significant digits, as Excel keeps); nil for anything else.
    static func decimalPlaces(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fraction.isEmpty { return nil }
        let significant = (whole + fraction).drop { $0 == "0" }
        guard significant.count <= 15 else { return nil }
        return fraction.count
    }

    /// The width of `text` in columns of the digit 0: CJK and full-width characters count two;
    /// the widest line of a multi-line text.
    static func displayWidth(_ text: String) -> Int {
        text.split(whereSeparator: \.isNewline).map { line in
            line.reduce(0) { n, ch in
                let wide = ch.unicodeScalars.first.map { $0.value >= 0x2E80 && !(0xFF61...0xFFDC).contains($0.value) } ?? false
                return n + (wide ? 2 : 1)
            }
        }.max() ?? 0
    }
}
