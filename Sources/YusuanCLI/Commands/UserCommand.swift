import ArgumentParser
import Foundation
import YusuanServer
import YusuanStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `yusuan user`: manage the portal's users.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the portal's users.", subcommands: [UserAddCommand.self])
}

extension UserRole: ExpressibleByArgument {}

/// `yusuan user add NAME --role admin|reviewer|officer [--department CODE]`: the password is read
/// from standard input when it is not a terminal, otherwise prompted for twice without echo.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a user (the password is read from stdin or prompted for without echo).")

    @Argument(help: "The username.") var name: String
    @Option(help: "admin, reviewer or officer.") var role: UserRole
    @Option(help: "The officer's department code.") var department: String?
    @Option(help: "SQLite file path or postgres:// URL.") var database = "yusuan.db"

    func validate() throws {
        if role == .officer && department == nil { throw ValidationError("an officer needs --department CODE") }
        if role != .officer && department != nil { throw ValidationError("--department applies to officers only") }
    }

    func run() async throws {
        let password: String
        if isatty(STDIN_FILENO) != 0 {
            guard let first = PasswordPrompt.read("Password (密码): "), let second = PasswordPrompt.read("Again (再次输入): ") else {
                throw ValidationError("no password given")
            }
            guard first == second else { throw ValidationError("the two passwords differ") }
            password = first
        } else {
            guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password on standard input") }
            password = line
        }
        let store = try await StoreOpener.open(database)
        do {
            let user = try await PortalUsers.add(store: store, username: name, password: password, role: role, departmentCode: department)
            try await store.close()
            print("created \(user.role.rawValue) \(user.username)")
        } catch let problem as PortalUsers.Problem {
            try? await store.close()
            FileHandle.standardError.write(Data("yusuan: \(problem)\n".utf8))
            throw ExitCode(65)
        } catch {
            try? await store.close()
            throw error
        }
    }
}

/// Reads a line from the terminal with echo turned off.
enum PasswordPrompt {
    static func read(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if haveTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        defer {
            if haveTerminal { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
