import Foundation
import YusuanCore
import YusuanIngest

/// The encodings of a budget source.
public enum SourceFormat: String, Sendable, CaseIterable {
    /// One YAML file (.yaml / .yml).
    case yaml
    /// A folder of CSV files, one per record kind.
    case csv
    /// An Excel workbook (.xlsx), one sheet per record kind.
    case xlsx

    /// The encoding of the source at `path`: a folder is CSV, otherwise the file extension decides.
    public static func detect(path: String) -> SourceFormat? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return .csv }
        switch (path as NSString).pathExtension.lowercased() {
        case "yaml", "yml": return .yaml
        case "xlsx": return .xlsx
        case "": return .csv
        default: return nil
        }
    }
}

/// What reading a source gave: the budget when it has no errors, and every problem found
/// (errors, and warnings worth a look).
public struct SourceReading: Sendable {
    public var budget: Budget?
    public var problems: [SourceProblem]
    /// Where each value was read (for messages of later stages).
    public var map: SourceMap

    public var errors: [SourceProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [SourceProblem] { problems.filter { $0.severity != .error } }
}

/// Reads and writes budget sources in YAML, CSV (a folder) and XLSX, all holding the same schema
/// (docs/budget-source.md). Reading validates: it gives either a valid Budget or all the problems.
public enum BudgetSource {
    /// Reads, decodes and validates the source at `path`; throws every problem when there is any error.
    public static func read(path: String) throws(SourceErrors) -> Budget {
        let r = load(path: path)
        guard let b = r.budget else { throw SourceErrors(r.problems) }
        return b
    }

    /// Reads and validates, reporting warnings too; never throws.
    public static func load(path: String) -> SourceReading {
        let log = DecodeLog()
        let decoded = decode(path: path, log: log)
        guard let budget = decoded else {
            return SourceReading(budget: nil, problems: log.sorted, map: log.map)
        }
        let decodeFailed = log.hasErrors
        let checked = BudgetValidator.validate(budget, map: log.map, totals: !decodeFailed).filter { !log.echoes($0.path) }
        let problems = SourceProblem.sorted(log.problems + checked)
        let ok = !problems.contains { $0.severity == .error }
        return SourceReading(budget: ok ? budget : nil, problems: problems, map: log.map)
    }

    /// Decodes without validating (a budget being filled in may be incomplete); nil on any decoding error.
    public static func decode(path: String) -> SourceReading {
        let log = DecodeLog()
        let b = decode(path: path, log: log)
        return SourceReading(budget: log.hasErrors ? nil : b, problems: log.sorted, map: log.map)
    }

    static func decode(path: String, log: DecodeLog) -> Budget? {
        guard FileManager.default.fileExists(atPath: path) else {
            log.add(.unreadable, at: "", SourcePosition(file: path), "no such file or folder")
            return nil
        }
        if let format = SourceFormat.detect(path: path), !withinSizeLimit(path: path, format: format, log: log) { return nil }
        switch SourceFormat.detect(path: path) {
        case .yaml:
            let text: String
            do {
                text = try TextDecoding.decode(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
            } catch let e as IngestError {
                log.add(.unreadable, at: "", SourcePosition(file: path, line: e.location?.line), e.message)
                return nil
            } catch {
                log.add(.unreadable, at: "", SourcePosition(file: path), "cannot read: \(error.localizedDescription)")
                return nil
            }
            return YAMLSourceReader.decode(text, file: path, log: log)
        case .csv:
            return SourceTableReader.decode(CSVFolder.tables(at: path, log: log), source: path, log: log)
        case .xlsx:
            let tables = XLSXSource.tables(at: path, log: log)
            return log.hasErrors && tables.isEmpty ? nil : SourceTableReader.decode(tables, source: path, log: log)
        case nil:
            log.add(.unreadable, at: "", SourcePosition(file: path), "not a budget source: give a .yaml file, a folder of CSV files or an .xlsx workbook")
            return nil
        }
    }

    /// Decodes YAML text (for tests, the API and the portal's editor).
    public static func decodeYAML(_ text: String, file: String = "budget.yaml") -> SourceReading {
        let log = DecodeLog()
        let b = YAMLSourceReader.decode(text, file: file, log: log)
        return SourceReading(budget: log.hasErrors ? nil : b, problems: log.sorted, map: log.map)
    }

    /// The YAML text of a budget.
    public static func yaml(_ budget: Budget) throws(SourceErrors) -> String {
        try YAMLSourceWriter.write(budget)
    }

    /// Writes `budget` at `path` in `format` (a file for YAML and XLSX, a folder for CSV).
    /// `codeLists` adds the year's code lists (功能科目 / 经济科目 / 政府经济科目) as extra CSV files or sheets,
    /// or as comments at the end of a YAML file.
    public static func write(_ budget: Budget, format: SourceFormat, to path: String, codeLists: Bool = false) throws(SourceErrors) {
        let lists = codeLists ? CodeListTable.allCases.map { $0.table(year: budget.year, file: $0.file) } : []
        switch format {
        case .yaml:
            var text = try YAMLSourceWriter.write(budget)
            if codeLists { text = BudgetTemplate.yamlHeader + text + BudgetTemplate.yamlCodeComments(lists) }
            // Written whole or not at all (.atomic): a failed write leaves no half file.
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw SourceErrors(.unreadable, file: path, "cannot write: \(error.localizedDescription)")
            }
        case .csv:
            try CSVFolder.write(SourceTableWriter.tables(budget) + lists, to: path)
        case .xlsx:
            try XLSXSource.write(SourceTableWriter.tables(budget) + lists, to: path)
        }
    }
}
