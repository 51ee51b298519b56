import Foundation

/// The `yusuan` executable that `swift build` puts beside the test bundle, for tests that run the real
/// command.
public enum BuiltExecutable {
    /// Its path (beside the test bundle).
    public static let yusuan = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("yusuan").path

    /// Whether it was built (tests that need it are skipped otherwise).
    public static var built: Bool { FileManager.default.isExecutableFile(atPath: yusuan) }

    /// Runs `yusuan arguments…` in `directory` (the repository by default) to its end: its exit status and
    /// what it wrote on standard error (standard output is discarded).
    public static func run(_ arguments: [String], in directory: URL = Fixtures.root) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: yusuan)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
