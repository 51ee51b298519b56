import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import YusuanTestSupport

/// The real `yusuan serve` executable (built beside the test bundle) run as a child process on a port of
/// its own, and a small HTTP client for it.
final class ServerProcess: @unchecked Sendable {
    /// The `yusuan` executable beside the test bundle.
    static var executable: String { BuiltExecutable.yusuan }
    static var built: Bool { BuiltExecutable.built }

    let process = Process()
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts `yusuan serve` on `database` with `arguments` added, logging to `log`, and waits until
    /// /health answers (at most `wait`).
    /// `temporaryDirectory`, when given, is the server's TMPDIR (a killed server leaves its upload folders there).
    init(database: String, log: URL, arguments: [String] = [], temporaryDirectory: URL? = nil,
         wait: Duration = .seconds(60)) async throws {
        port = try RawClient.freePort()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        if let temporaryDirectory {
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporaryDirectory.path
            process.environment = environment
        }
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--database", database] + arguments
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < wait {
            if !process.isRunning { throw Failure("yusuan serve stopped at start (log: \(log.path))") }
            if let r = try? await request("/health"), r.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill9()
        throw Failure("yusuan serve did not answer on port \(port) within \(wait)")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Ends the server as a crash would: SIGKILL, no chance to clean up.
    func kill9() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var headers: [String: String]
        func json() -> [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 30
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    func request(_ path: String, method: String = "GET", headers: [String: String] = [:], body: Data? = nil) async throws -> Reply {
        guard let url = URL(string: base + path) else { throw Failure("bad path \(path)") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        request.httpBody = body
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw Failure("not an HTTP response") }
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields[String(describing: k).lowercased()] = String(describing: v) }
        return Reply(status: http.statusCode, body: data, headers: fields)
    }

    /// Signs in; returns the cookie header and the CSRF token.
    func signIn(_ username: String, password: String) async throws -> (cookie: String, csrf: String) {
        let body = try JSONSerialization.data(withJSONObject: ["username": username, "password": password])
        let r = try await request("/api/v1/session", method: "POST", headers: ["Content-Type": "application/json"], body: body)
        guard r.status == 200, let csrf = r.json()?["csrf_token"] as? String,
              let cookie = r.headers["set-cookie"]?.split(separator: ";").first.map(String.init) else {
            throw Failure("sign-in of \(username) failed: \(r.status) \(String(decoding: r.body, as: UTF8.self))")
        }
        return (cookie, csrf)
    }
}
