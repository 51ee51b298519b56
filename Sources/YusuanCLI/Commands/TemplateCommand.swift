import ArgumentParser
import Foundation
import YusuanCore
import YusuanSource

extension SourceFormat: ExpressibleByArgument {}

/// `yusuan template --format yaml|csv|xlsx [--output PATH]`: writes a budget source to fill in, with
/// one example row in every table and the year's code lists.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty budget source (headers, one example row, the year's code lists).",
        discussion: "Exit status: 0 written, 64 bad invocation, 73 the output exists or cannot be written.")

    @Option(help: "yaml, csv (a folder of CSV files) or xlsx.") var format: SourceFormat = .yaml
    @Option(help: "Where to write; YAML goes to standard output when omitted.") var output: String?
    @Option(help: "Fiscal year (chooses the code lists).") var year: Int = Calendar(identifier: .gregorian).component(.year, from: Date())
    @Option(help: "Profile id (see `yusuan profiles`).") var profile: String = "national-143"

    func validate() throws {
        if ProfileLibrary.profile(id: profile) == nil {
            let ids = ProfileLibrary.all().map(\.id).joined(separator: ", ")
            throw ValidationError("unknown profile “\(profile)”; known profiles: \(ids)")
        }
        if !(2000...2100).contains(year) { throw ValidationError("--year \(year) is not a fiscal year") }
        if output == nil && format != .yaml { throw ValidationError("give --output for the \(format.rawValue) format") }
    }

    func run() throws {
        guard let output else {
            do {
                print(try BudgetTemplate.yaml(year: year, profile: profile), terminator: "")
            } catch {
                printError(error.description)
                throw ExitCode(73)
            }
            return
        }
        let budget = BudgetTemplate.make(year: year, profile: profile)
        if FileManager.default.fileExists(atPath: output) {
            printError("\(output) exists; choose another --output or remove it first")
            throw ExitCode(73)
        }
        do {
            try BudgetSource.write(budget, format: format, to: output, codeLists: true)
        } catch {
            printError(error.description)
            throw ExitCode(73)
        }
    }
}
