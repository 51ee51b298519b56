import ArgumentParser

/// The `yusuan` command. Asynchronous at the root because `serve` is; the other subcommands run synchronously.
public struct YusuanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "yusuan",
        abstract: "Audit, build and serve Chinese departmental budget disclosures (部门预算/部门决算).",
        subcommands: [AuditCommand.self, RulesCommand.self, ProfilesCommand.self, InspectCommand.self, BuildCommand.self, TemplateCommand.self, ConvertCommand.self, CompareCommand.self,
                      ServeCommand.self, UserCommand.self, ImportCommand.self])
    public init() {}

    /// The entry point: `await YusuanCommand.main()` would resolve to the synchronous `main()` of
    /// ParsableCommand, which refuses an asynchronous root.
    public static func run() async { await main() }
}
