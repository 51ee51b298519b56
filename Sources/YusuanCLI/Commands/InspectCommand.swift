import ArgumentParser
import YusuanIngest
import YusuanRender

/// `yusuan inspect FILE`: shows how a document was read (tables, columns, rows).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Show the tables and columns Yusuan recognises in a disclosure.")

    @Argument(help: "A disclosure: text, HTML, XLSX or PDF.") var file: String
    @Flag(help: "Print the lines and cells the reader produced, before tables are recognised.") var lines = false

    func run() throws {
        do {
            if lines {
                for line in try DocumentReader.read(path: file).lines {
                    print("\(line.location) \(line.cells.joined(separator: " | "))")
                }
                return
            }
            let d = try DisclosureLoader.load(path: file)
            print(DisclosureOutline.render(d), terminator: "")
        } catch {
            printError(error.description)
            throw ExitCode(65)
        }
    }
}
