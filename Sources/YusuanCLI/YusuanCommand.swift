import ArgumentParser

/// The `yusuan` command: audit, rules.
public struct YusuanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "yusuan",
        abstract: "Audit, build and serve Chinese departmental budget disclosures (部门预算/部门决算).",
        subcommands: [AuditCommand.self, RulesCommand.self, ProfilesCommand.self, InspectCommand.self, BuildCommand.self, TemplateCommand.self, ConvertCommand.self, CompareCommand.self])
    public init() {}
}
