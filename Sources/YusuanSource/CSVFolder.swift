import Foundation
import YusuanCore
import YusuanIngest

/// The CSV encoding: a folder with one CSV file per record kind (department.csv, units.csv, …),
/// written as UTF-8 with a BOM (so Excel opens it), read as UTF-8, UTF-16 or GB18030.
enum CSVFolder {
    static func tables(at folder: String, log: DecodeLog) -> [SourceTable] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        } catch {
            log.add(.unreadable, at: "", SourcePosition(file: folder), "cannot list the folder: \(error.localizedDescription)")
            return []
        }
        var tables: [SourceTable] = []
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if CodeListTable.isCodeList(name) { continue }
            guard let kind = SourceTableKind.named(name) else {
                let known = SourceTableKind.allCases.map(\.file).joined(separator: ", ")
                log.add(.unknownField, .warning, at: "", SourcePosition(file: path), "not a file of the budget source (\(known)); ignored")
                continue
            }
            if let t = table(path: path, kind: kind, log: log) {
                tables.append(t)
            } else {
                var failed = SourceTable(kind: kind, file: path, header: [], rows: [])
                failed.failed = true
                tables.append(failed)
            }
        }
        return tables
    }

    static func table(path: String, kind: SourceTableKind, log: DecodeLog) -> SourceTable? {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if data.isEmpty { return SourceTable(kind: kind, file: path, header: [], rows: []) }
            text = try TextDecoding.decode(data, file: path)
        } catch let e as IngestError {
            log.add(.unreadable, at: kind.rawValue, SourcePosition(file: path, line: e.location?.line), e.message)
            return nil
        } catch {
            log.add(.unreadable, at: kind.rawValue, SourcePosition(file: path), "cannot read: \(error.localizedDescription)")
            return nil
        }
        let records: [CSV.Record]
        do {
            records = try CSV.parse(text)
        } catch {
            log.add(.syntax, at: kind.rawValue, SourcePosition(file: path, line: error.line, column: error.column), "CSV: \(error.message)")
            return nil
        }
        guard let first = records.first else { return SourceTable(kind: kind, file: path, header: [], rows: []) }
        var t = SourceTable(kind: kind, file: path, header: first.cells, rows: records.dropFirst().map(\.cells))
        // Rows are counted as records, the way a spreadsheet shows them (a quoted line break stays in its row).
        t.headerRow = 1
        t.rowNumbers = records.indices.dropFirst().map { $0 + 1 }
        return t
    }

    /// Writes every table (and any extra ones such as code lists) into `folder`, creating it.
    static func write(_ tables: [SourceTable], to folder: String) throws(SourceErrors) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for t in tables {
                let text = "\u{FEFF}" + CSV.format([t.header] + t.rows)
                try Data(text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(t.file)))
            }
        } catch {
            throw SourceErrors(.unreadable, file: folder, "cannot write the CSV folder: \(error.localizedDescription)")
        }
    }
}
