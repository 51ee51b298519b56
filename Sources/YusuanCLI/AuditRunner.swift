import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanRender

/// The audit command's work, callable in process (the golden tests call it).
public enum AuditRunner {
    public enum Format: Sendable { case text, json }

    public struct Result: Sendable {
        public var output: String
        public var errors: [String]
        public var exitCode: Int32
        public var reports: [AuditReport]
    }

    public static func run(files: [String], profile: String?, format: Format, language: ReportLanguage) -> Result {
        var reports: [AuditReport] = []
        var errors: [String] = []
        for file in files {
            do {
                let disclosure = try DisclosureLoader.load(path: file)
                reports.append(Auditor.audit(disclosure, profileID: profile))
            } catch {
                errors.append(error.description)
            }
        }
        let output: String
        switch format {
        case .json: output = reports.isEmpty ? "" : AuditJSONReport.render(reports, language: language)
        case .text: output = reports.map { AuditTextReport.render($0, language: language) }.joined(separator: "\n")
        }
        let hasErrors = reports.contains { $0.count(.error) > 0 }
        let code: Int32 = !errors.isEmpty ? 65 : (hasErrors ? 1 : 0)
        return Result(output: output, errors: errors, exitCode: code, reports: reports)
    }
}
