import ArgumentParser
import YusuanCore

/// `yusuan profiles`: the disclosure templates Yusuan knows.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "List the disclosure profiles (templates).")

    func run() {
        for p in ProfileLibrary.all() {
            print("\(p.id)  \(p.name)  (\(p.tables.count) tables; \(p.basis))")
        }
    }
}
