import ArgumentParser
import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanRender

/// Output formats of `yusuan audit`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

extension ReportLanguage: ExpressibleByArgument {}

/// `yusuan audit FILE...`: reads each disclosure, runs every rule, prints the findings.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit published budget disclosures and report every defect.",
        discussion: "Exit status: 0 no errors, 1 errors found, 64 bad invocation, 65 unreadable input.")

    @Argument(help: "Disclosures to audit: text, HTML or XLSX.") var files: [String]
    @Option(help: "Profile id (see `yusuan profiles`); detected when omitted.") var profile: String?
    @Option(help: "text or json.") var format: AuditFormat = .text
    @Option(help: "Report language: zh or en.") var lang: ReportLanguage = .zh

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to audit") }
        if let p = profile, ProfileLibrary.profile(id: p) == nil {
            let ids = ProfileLibrary.all().map(\.id).joined(separator: ", ")
            throw ValidationError("unknown profile “\(p)”; known profiles: \(ids)")
        }
    }

    func run() throws {
        let result = AuditRunner.run(files: files, profile: profile, format: format == .json ? .json : .text, language: lang)
        print(result.output, terminator: "")
        for e in result.errors { printError(e) }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
