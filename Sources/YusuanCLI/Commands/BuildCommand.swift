import ArgumentParser
import YusuanRender

extension BuildFormat: ExpressibleByArgument {}

/// `yusuan build SOURCE [--format …]… [--output DIR] [--profile ID]`: the complete disclosure from a budget source.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile a budget source into the complete disclosure (tables, narrative, performance tables).",
        discussion: "SOURCE is a .yaml file, a folder of CSV files or an .xlsx workbook. Exit status: 0 built (its self-audit finds no error), 1 built but its self-audit finds errors, 64 bad invocation (an unknown --profile lists the known ids), 65 the source has errors (every one is listed), 70 an output could not be rendered, 73 the output folder cannot be written.")

    @Argument(help: "The budget source.") var source: String
    @Option(name: .long, help: "html, xlsx, text, json, csv or pdf; repeat for several (default: html, xlsx, text).")
    var format: [BuildFormat] = []
    @Option(help: "The folder to write into.") var output: String = "build-output"
    @Option(help: "Profile id (see `yusuan profiles`): build for this template instead of the source's profile.")
    var profile: String?

    func run() throws {
        let result = BuildRunner.run(source: source, formats: format.isEmpty ? [.html, .xlsx, .text] : format, output: output,
                                     profile: profile)
        for m in result.messages { printError(m) }
        for path in result.written { print(path) }
        if let report = result.report {
            if !report.findings.isEmpty { printError(AuditTextReport.render(report)) }
            print(AuditTextReport.summary(report, zh: true).replacingOccurrences(of: "汇总：", with: "自检（审核构建结果）："))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}
