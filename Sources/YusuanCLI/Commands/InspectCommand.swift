import ArgumentParser
import YusuanIngest
import YusuanRender

/// `yusuan inspect FILE`: shows how a document was read (tables, columns, rows).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show the tables and columns Yusuan recognises in a disclosure.")

    @Argument(help: "A disclosure: text, HTML or XLSX.") var file: String

    func run() throws {
        do {
            let d = try DisclosureLoader.load(path: file)
            print(DisclosureOutline.render(d), terminator: "")
        } catch let e as IngestError {
            printError(e.description)
            throw ExitCode(65)
        }
    }
}
