import ArgumentParser

/// The `yusuan` command: audit, rules.
public struct YusuanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "yusuan",
        abstract: "Audit, build and serve Chinese departmental budget disclosures (部门预算/部门决算).",
        subcommands: [])
    public init() {}
}
