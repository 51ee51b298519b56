import Foundation
import YusuanCore

/// The audit report as JSON: the stable interface other tools and the portal read.
public enum AuditJSONReport {
    struct Document: Encodable {
        var title: String
        var department: String?
        var year: Int?
        var kind: String
        var unit: String
        var profile: String?
        var source: String
    }

    struct Table: Encodable {
        var kind: String
        var title: String
        var attachment: String?
        var side: String?
        var rows: Int
        var unit: String
    }

    struct Item: Encodable {
        var rule: String
        var severity: String
        var category: String
        var table: String?
        var attachment: String?
        var row: String?
        var column: String?
        var line: Int?
        var page: Int?
        var sheet: String?
        var expected: String
        var found: String
        var message: String
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var notices: Int
        var rules_run: Int
        var rules_not_applicable: Int
    }

    struct Report: Encodable {
        var document: Document
        var tables: [Table]
        var findings: [Item]
        var summary: Summary
    }

    static func payload(_ r: AuditReport, language: ReportLanguage) -> Report {
        let d = r.disclosure
        let units = d.tables.map(\.unit.rawValue)
        let unit = Dictionary(grouping: units, by: { $0 }).max { $0.value.count < $1.value.count }?.key ?? "万元"
        let doc = Document(title: d.title, department: d.department, year: d.year, kind: d.phase.rawValue, unit: unit,
                           profile: r.profile?.id, source: d.source)
        let tables = d.tables.map {
            Table(kind: $0.kind.rawValue, title: $0.title, attachment: $0.attachment,
                  side: $0.side == .whole ? nil : $0.side.rawValue, rows: $0.rows.count, unit: $0.unit.rawValue)
        }
        let ordered = FindingGroups.grouped(r).flatMap(\.findings)
        let items = ordered.map { f in
            Item(rule: f.rule, severity: f.severity.rawValue, category: f.category.rawValue, table: f.location.table,
                 attachment: f.location.attachment, row: f.location.row, column: f.location.column,
                 line: f.location.source?.line, page: f.location.source?.page, sheet: f.location.source?.sheet, expected: f.expected, found: f.found,
                 message: language == .zh ? f.message : f.messageEnglish)
        }
        let summary = Summary(errors: r.count(.error), warnings: r.count(.warning), notices: r.count(.notice),
                              rules_run: r.rulesRun, rules_not_applicable: r.rulesNotApplicable)
        return Report(document: doc, tables: tables, findings: items, summary: summary)
    }

    public static func render(_ reports: [AuditReport], language: ReportLanguage = .zh) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let payloads = reports.map { payload($0, language: language) }
        let data: Data?
        if payloads.count == 1, let only = payloads.first {
            data = try? encoder.encode(only)
        } else {
            data = try? encoder.encode(payloads)
        }
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    /// One report as a single line of JSON (for JSON lines: `yusuan audit --batch --format json`),
    /// with the file it came from.
    public static func line(_ report: AuditReport, file: String, language: ReportLanguage = .zh) -> String {
        struct Line: Encodable {
            var file: String
            var report: Report
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(Line(file: file, report: payload(report, language: language)))
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// A file that could not be read, as a line of JSON.
    public static func errorLine(file: String, error: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(["file": file, "error": error])
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
