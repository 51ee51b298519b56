import ArgumentParser
import YusuanIngest
import YusuanRender

/// `yusuan compare A B`: two disclosures of one department side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two disclosures of one department: every figure both print, with the change and the rate.",
        discussion: "A and B are two 预算 years, or the 预算 and 决算 of one year. When B is the year after A, B's 上年 figures are checked against A's own. Exit status: 0, 64 bad invocation, 65 unreadable input.")

    @Argument(help: "The earlier disclosure (text, HTML, XLSX or PDF).") var a: String
    @Argument(help: "The later disclosure.") var b: String
    @Option(help: "text or json.") var format: AuditFormat = .text
    @Option(help: "Report language: zh or en.") var lang: ReportLanguage = .zh
    @Flag(help: "Only the figures that changed.") var changedOnly = false

    func run() throws {
        do {
            let first = try DisclosureLoader.load(path: a)
            let second = try DisclosureLoader.load(path: b)
            let options = ComparisonReport.Options(changedOnly: changedOnly, language: lang)
            print(format == .json ? ComparisonReport.json(first, second, options: options)
                                  : ComparisonReport.text(first, second, options: options), terminator: "")
        } catch {
            printError(error.description)
            throw ExitCode(65)
        }
    }
}
