import Foundation
import Testing
import YusuanTestSupport

/// `yusuan serve --log-level`: a line per request at the default "info"; "notice" keeps the server's own
/// start line and drops the request lines; an unknown level is refused before anything starts.
@Suite("Log level of yusuan serve", .serialized)
struct LogLevelTests {
    @Test("info logs each request; notice logs the start but not requests", .enabled(if: ServerProcess.built),
          .timeLimit(.minutes(5)), arguments: [("info", true), ("notice", false)])
    func requestLines(level: String, logsRequests: Bool) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-loglevel-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("server.log")
        let server = try await ServerProcess(database: dir.appendingPathComponent("yusuan.db").path, log: log,
                                             arguments: ["--log-level", level], temporaryDirectory: dir)
        defer { server.kill9() }
        let reply = try await server.request("/api/v1/departments")
        #expect(reply.status == 200)
        // The request line is written after the response; on a busy machine that can take a while.
        var text = try String(contentsOf: log, encoding: .utf8)
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < (logsRequests ? .seconds(10) : .seconds(1)), !text.contains("/api/v1/departments") {
            try await Task.sleep(for: .milliseconds(100))
            text = try String(contentsOf: log, encoding: .utf8)
        }
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.contains(" serving") && $0.contains("url=http://127.0.0.1:\(server.port)") }, "\(text)")
        #expect(lines.contains { $0.contains("/api/v1/departments") } == logsRequests, "\(text)")
        #expect(lines.contains { $0.contains(" info ") } == logsRequests, "\(text)")
    }

    @Test("an unknown level is refused with the levels it accepts", .enabled(if: ServerProcess.built))
    func unknownLevel() throws {
        let (status, message) = try BuiltExecutable.run(["serve", "--log-level", "loud", "--database", "/nonexistent/never-created.db"])
        #expect(status == 64)
        #expect(message.contains("--log-level must be one of trace, debug, info, notice, warning, error, critical"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/never-created.db"))
    }
}
