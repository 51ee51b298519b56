import Foundation
import Testing
import YusuanTestSupport

/// `yusuan serve --event-loops N`: the server runs N event loops (NIO names the shared group's threads `NIO-SGLTN-…`) and answers
/// as before; a count out of range is refused before anything starts.
@Suite("Event loops of yusuan serve", .serialized)
struct EventLoopsTests {
    /// The names of the process's threads.
    static func threadNames(_ pid: Int32) -> [String] {
        let tasks = "/proc/\(pid)/task"
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
        return ids.compactMap { id in
            (try? String(contentsOfFile: "\(tasks)/\(id)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test("one event loop: one loop thread, the page and the JSON answered, twice each (the second kept)",
          .enabled(if: ServerProcess.built && FileManager.default.fileExists(atPath: "/proc/self/task")), .timeLimit(.minutes(5)))
    func oneLoop() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-loops-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("server.log")
        let server = try await ServerProcess(database: dir.appendingPathComponent("yusuan.db").path, log: log,
                                             arguments: ["--event-loops", "1", "--log-level", "notice"], temporaryDirectory: dir)
        defer { server.kill9() }
        let versions = try await server.request("/api/v1/departments/tongnan-xinfang/versions")
        let list = try #require(versions.json()?["versions"] as? [[String: Any]])
        let id = try #require((list.first?["id"] as? NSNumber)?.int64Value)
        for path in ["/versions/\(id)", "/api/v1/versions/\(id)/disclosure"] {
            let first = try await server.request(path)
            let second = try await server.request(path)
            #expect(first.status == 200 && second.status == 200 && first.body == second.body && first.body.count > 10_000)
        }
        let loops = Self.threadNames(server.process.processIdentifier).filter { $0.hasPrefix("NIO-SGLTN-") }
        #expect(loops.count == 1, "\(loops)")
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("event_loops=1"), "\(text)")
    }

    @Test("a count out of range is refused", .enabled(if: ServerProcess.built))
    func refused() throws {
        for count in ["0", "2000"] {
            let (status, message) = try BuiltExecutable.run(["serve", "--event-loops", count, "--database", "/nonexistent/never-created.db"])
            #expect(status == 64)
            #expect(message.contains("--event-loops must be 1–1024"), "\(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/never-created.db"))
    }
}
