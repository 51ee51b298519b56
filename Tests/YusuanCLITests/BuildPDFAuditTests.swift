import Foundation
import Testing
import YusuanAudit
import YusuanBuild
@testable import YusuanCLI
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanSource
import YusuanTestSupport

/// The tools that printing and reading a PDF need.
enum PrintTools {
    static let browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// Why the PDF round trip cannot run here, or nil when it can.
    static var missing: String? {
        if !browsers.contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return "BuildPDFAuditTests skipped: headless Chromium is not installed (apt-get install chromium)"
        }
        if !PDFText.available { return "BuildPDFAuditTests skipped: pdftotext is not installed (apt-get install poppler-utils)" }
        return nil
    }
}

/// build → HTML → Chromium → PDF → pdftotext → audit must find exactly what build → text → audit
/// finds (nothing, for a built disclosure), and a figure changed in the printed document must be
/// found. Needs Chromium and pdftotext (scripts/test installs both); skipped with the reason otherwise.
@Suite(.serialized, .enabled(if: PrintTools.missing == nil, "\(PrintTools.missing ?? "")"))
struct BuildPDFAuditTests {
    /// One finding as the comparison sees it: what rule, how bad, where.
    static func key(_ f: Finding) -> String {
        "\(f.severity) \(f.rule) \(f.location.attachment ?? "") \(f.location.row ?? "")"
    }

    static func describe(_ r: AuditReport) -> String { describe(r.findings) }

    static func describe(_ findings: [Finding]) -> String {
        findings.prefix(8).map { "\($0.rule) \($0.location.table ?? "") \($0.location.row ?? "") \($0.location.column ?? ""): \($0.message)" }
            .joined(separator: "\n")
    }

    static func viaText(_ d: Disclosure, profile: String) throws -> AuditReport {
        let read = try Recogniser.recognise(TextReader.read(DisclosureText.render(d), source: "built.txt"))
        return Auditor.audit(read, profileID: profile)
    }

    static func viaPDF(html: String, profile: String, name: String) throws -> AuditReport {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-pdf-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("\(name).pdf").path
        switch PDFPrinter.print(html: html, to: path) {
        case .success: break
        case .failure(let message): throw PrintFailure(message: message)
        }
        let read = try Recogniser.recognise(DocumentReader.read(path: path))
        return Auditor.audit(read, profileID: profile)
    }

    struct PrintFailure: Error { var message: String }

    func expectSameFindings(_ d: Disclosure, profile: String, name: String) throws {
        let text = try Self.viaText(d, profile: profile)
        let pdf = try Self.viaPDF(html: DisclosureHTML.render(d), profile: profile, name: name)
        #expect(text.findings.isEmpty, "\(name) as text: \(Self.describe(text))")
        #expect(pdf.findings.map(Self.key).sorted() == text.findings.map(Self.key).sorted(), "\(name) as PDF: \(Self.describe(pdf))")
    }

    @Test(.timeLimit(.minutes(5)))
    func theExampleAuditsAsItsText() throws {
        let source = Fixtures.path("examples/tongnan-xinfang-2022/budget.yaml")
        let budget = try #require(BudgetSource.load(path: source).budget)
        try expectSameFindings(DisclosureCompiler.compile(budget), profile: budget.profile, name: "example")
    }

    @Test(.timeLimit(.minutes(5)), arguments: [UInt64(41), 42])
    func generatedBudgetsAuditAsTheirText(seed: UInt64) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 2, items: 30, projects: 2)
        try expectSameFindings(DisclosureCompiler.compile(budget), profile: budget.profile, name: "generated-\(seed)")
    }

    /// Enough units that the 项目支出明细表's 预算单位 column is wide: its 合计 column, a heading
    /// spanning both header rows, is printed half a row above the sub-headings of 年初特定目标 and
    /// 上级专项 and must not be read as one of 年初特定目标's (its sums were counted twice).
    @Test(.timeLimit(.minutes(5)))
    func aProjectTableWithRowSpanningHeadingsAuditsAsItsText() throws {
        let budget = BudgetGenerator.make(seed: 7, units: 6, items: 10, projects: 5)
        try expectSameFindings(DisclosureCompiler.compile(budget), profile: budget.profile, name: "row-spanning")
    }

    /// One printed figure of 一般公共预算支出表 changed by 1.00 in the HTML before printing: the
    /// audit of the PDF names that row (or a row that sums it), and no error names any other row.
    @Test(.timeLimit(.minutes(5)))
    func aFigureChangedInThePDFIsFound() throws {
        let budget = BudgetGenerator.make(seed: 43, units: 2, items: 30, projects: 2)
        let d = DisclosureCompiler.compile(budget)
        let table = try #require(d.tables.first { $0.kind == .generalExpenditure })
        let column = try #require(table.moneyColumns.first)
        let row = try #require(table.rows.first { $0.code?.digits.count == 7 && $0.cell(column.index)?.number != nil })
        let printed = try #require(row.cell(column.index)?.text)
        let before = try #require(row.cell(column.index)?.number?.value)
        let after = (before + Fixed(1)).formatted(digits: 2)
        var html = DisclosureHTML.render(d)
        // The row as printed: its code cell, then the first figure after it.
        let code = try #require(row.code?.digits)
        let start = try #require(html.range(of: ">\(code)</td>"))
        let figure = try #require(html.range(of: ">\(printed)</td>", range: start.upperBound..<html.endIndex))
        html.replaceSubrange(figure, with: ">\(after)</td>")
        let report = try Self.viaPDF(html: html, profile: budget.profile, name: "changed")
        let errors = report.findings.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "changed \(code) \(row.name) from \(printed) to \(after); no error")
        // The changed row itself, one of its parents (类, 款) or the table's 合计 / 总计.
        func names(_ f: Finding) -> Bool {
            f.location.row?.contains(code) == true || (row.code?.ancestors.contains { f.location.row?.hasPrefix($0.digits) == true } ?? false)
                || f.location.row.map { ["合计", "总计"].contains(where: $0.contains) } == true
        }
        #expect(errors.contains(where: names), "changed \(code) \(row.name): \(Self.describe(report))")
        let others = errors.filter { !names($0) }
        #expect(others.isEmpty, "changed \(code) \(row.name); errors elsewhere: \(Self.describe(others))")
    }
}
