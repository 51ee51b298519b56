import ArgumentParser
import Foundation
import YusuanSource

/// `yusuan convert SOURCE --to yaml|csv|xlsx --output PATH`: the same budget in another encoding.
/// A source that cannot be read is refused (every problem printed); what validation finds is
/// printed as a note and does not stop the conversion, which changes nothing of the content.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a budget source between YAML, a CSV folder and XLSX.",
        discussion: "Exit status: 0 converted, 64 bad invocation, 65 unreadable source, 73 cannot write the output.")

    @Argument(help: "A budget source: a .yaml file, a folder of CSV files or an .xlsx workbook.") var source: String
    @Option(help: "yaml, csv or xlsx.") var to: SourceFormat
    @Option(help: "Where to write (a file, or a folder for csv).") var output: String

    func validate() throws {
        if SourceFormat.detect(path: source) == nil {
            throw ValidationError("\(source) is not a budget source: give a .yaml file, a folder of CSV files or an .xlsx workbook")
        }
        let same = URL(fileURLWithPath: source).standardizedFileURL == URL(fileURLWithPath: output).standardizedFileURL
        if same { throw ValidationError("--output is the source itself") }
    }

    func run() throws {
        let reading = BudgetSource.decode(path: source)
        guard let budget = reading.budget else {
            for p in reading.problems { printError(p.description) }
            throw ExitCode(65)
        }
        for p in reading.problems { printError(p.description) }
        let problems = BudgetValidator.validate(budget, map: reading.map)
        let errors = problems.filter { $0.severity == .error }.count
        if errors > 0 { printError("note: converted as it is; \(errors) error(s) below will stop `yusuan build` until fixed") }
        for p in problems { printError(p.description) }
        do {
            try BudgetSource.write(budget, format: to, to: output)
        } catch {
            printError(error.description)
            throw ExitCode(73)
        }
    }
}
