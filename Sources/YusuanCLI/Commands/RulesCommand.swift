import ArgumentParser
import YusuanAudit

/// `yusuan rules`: every rule with its id, severity, category and what it checks.
struct RulesCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument { case text, markdown }
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every audit rule.")

    @Option(help: "text or markdown (the source of docs/rules.md).") var format: Format = .text
    @Option(help: "zh or en.") var lang: String = "zh"

    func run() {
        switch format {
        case .text: print(RuleDocs.text(english: lang == "en"), terminator: "")
        case .markdown: print(RuleDocs.markdown(), terminator: "")
        }
    }
}
