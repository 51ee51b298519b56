import Foundation
import YusuanCore
import YusuanIngest

/// The XLSX encoding: one sheet per record kind, named as `SourceTableKind.sheet` (部门, 单位, 收入,
/// 支出明细 …) with the same headers as the CSV files. Read through `XLSXReader`, written through
/// `XLSXWorkbook` (see XLSXSource+Write.swift).
enum XLSXSource {
    static func tables(at path: String, log: DecodeLog) -> [SourceTable] {
        let doc: RawDocument
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            doc = try XLSXReader.read(data, source: path)
        } catch let e as IngestError {
            log.add(.unreadable, at: "", SourcePosition(file: path, sheet: e.location?.sheet, line: e.location?.line), e.message)
            return []
        } catch {
            log.add(.unreadable, at: "", SourcePosition(file: path), "cannot read: \(error.localizedDescription)")
            return []
        }
        return tables(doc, file: path, log: log)
    }

    /// A sheet row as the reader gives it: sheet, row number (nil for the line between sheets), cells.
    typealias SheetRow = (sheet: String, row: Int?, cells: [String])

    static func tables(_ doc: RawDocument, file: String, log: DecodeLog) -> [SourceTable] {
        let rows = doc.lines.compactMap { l -> SheetRow? in l.location.sheet.map { ($0, l.location.line, l.cells) } }
        return tables(rows, file: file, log: log)
    }

    /// The sheets of a read workbook as tables: the first non-blank row of a sheet is its header.
    static func tables(_ sheetRows: [SheetRow], file: String, log: DecodeLog) -> [SourceTable] {
        var order: [String] = []
        var lines: [String: [SheetRow]] = [:]
        for l in sheetRows {
            if lines[l.sheet] == nil { order.append(l.sheet) }
            lines[l.sheet, default: []].append(l)
        }
        var out: [SourceTable] = []
        for sheet in order {
            if CodeListTable.isCodeList(sheet) { continue }
            guard let kind = SourceTableKind.named(sheet) else {
                let known = SourceTableKind.allCases.map(\.sheet).joined(separator: "、")
                log.add(.unknownField, .warning, at: "", SourcePosition(file: file, sheet: sheet, isTableRow: true),
                        "not a sheet of the budget source (\(known)); ignored")
                continue
            }
            let rows = (lines[sheet] ?? []).filter { $0.row != nil && !$0.cells.allSatisfy { $0.trimmed.isEmpty } }
            guard let head = rows.first else {
                out.append(SourceTable(kind: kind, file: file, sheet: sheet, header: [], rows: []))
                continue
            }
            var t = SourceTable(kind: kind, file: file, sheet: sheet, header: head.cells, rows: rows.dropFirst().map(\.cells))
            t.headerRow = head.row ?? 1
            t.rowNumbers = rows.dropFirst().map { $0.row ?? 0 }
            // The reader drops columns empty in the whole sheet, so letters may be off: name columns by header.
            t.lettersKnown = false
            out.append(t)
        }
        return out
    }

    // Writing: XLSXSource+Write.swift.
}
