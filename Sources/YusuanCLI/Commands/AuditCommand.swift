import Foundation
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

    @Argument(help: "Disclosures to audit: text, HTML, XLSX or PDF.") var files: [String] = []
    @Option(help: "Audit every disclosure in this folder (and its subfolders) on all cores; prints a line per file and a summary, or JSON lines with --format json.") var batch: String?
    @Option(help: "Threads for --batch (default: every core).") var jobs: Int?
    @Option(help: "Profile id (see `yusuan profiles`); detected when omitted.") var profile: String?
    @Option(help: "text or json.") var format: AuditFormat = .text
    @Option(help: "Report language: zh or en.") var lang: ReportLanguage = .zh

    func validate() throws {
        if files.isEmpty && batch == nil { throw ValidationError("give at least one file to audit, or --batch FOLDER") }
        if !files.isEmpty && batch != nil { throw ValidationError("give files or --batch FOLDER, not both") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let p = profile, ProfileLibrary.profile(id: p) == nil {
            let ids = ProfileLibrary.all().map(\.id).joined(separator: ", ")
            throw ValidationError("unknown profile “\(p)”; known profiles: \(ids)")
        }
    }

    func run() throws {
        if let batch { return try runBatch(batch) }
        let result = AuditRunner.run(files: files, profile: profile, format: format == .json ? .json : .text, language: lang)
        print(result.output, terminator: "")
        for e in result.errors { printError(e) }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    func runBatch(_ folder: String) throws {
        let files: [String]
        do { files = try BatchAuditRunner.files(in: folder) } catch {
            printError(error.description)
            throw ExitCode(65)
        }
        let bar = format == .text && isatty(STDERR_FILENO) == 1 ? ProgressBar(total: files.count) : nil
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.show(done) } }
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // Only what is printed is kept of each report: the JSON line, or the counts of the text output.
        let keep: BatchAuditRunner.Keep = format == .json ? .jsonLines(lang) : .tallies
        let result = BatchAuditRunner.run(files: files, profile: profile, jobs: threads, keep: keep, progress: progress)
        bar?.finish()
        print(BatchAuditRunner.render(result, json: format == .json, language: lang), terminator: "")
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
