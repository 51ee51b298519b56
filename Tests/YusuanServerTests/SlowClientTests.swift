import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanServer

/// Slow and oversized requests on a real socket: a request head sent a byte at a time is cut off after
/// the idle timeout, a body trickled within the idle timeout is cut off with 408 after the body
/// timeout, an oversized head is refused; the server keeps serving others throughout.
@Suite("Slow and oversized requests on a real socket")
struct SlowClientTests {
    static func configure(_ c: inout PortalConfiguration) {
        c.idleTimeout = .seconds(1)
        c.bodyTimeout = .seconds(2)
    }

    /// /health answers on a new connection (the test client's own connection, idle meanwhile, is closed).
    static func healthy(_ port: Int) async throws -> Bool {
        let reply = try await RawClient.run {
            let raw = try RawClient(port: port)
            raw.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            return raw.readUntilClosed()
        }
        return reply.text.hasPrefix("HTTP/1.1 200")
    }

    @Test("a request head trickled a byte at a time is cut off", .timeLimit(.minutes(5)))
    func slowHead() async throws {
        try await PortalHarness.run(live: true, configure: Self.configure) { client, _ in
            let port = try #require(client.port)
            let result = try await RawClient.run {
                let raw = try RawClient(port: port)
                raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                var header = Array("X-Slow: " + String(repeating: "a", count: 400)).makeIterator()
                return raw.readUntilClosed(tick: .milliseconds(100)) { if let c = header.next() { raw.send(String(c)) } }
            }
            #expect(result.closed, "the connection stayed open for \(result.elapsed)")
            #expect(!result.text.hasPrefix("HTTP/1.1 200"))
            // Others are served meanwhile and afterwards.
            #expect(try await Self.healthy(port))
        }
    }

    /// The idle timeout is well above the trickle's tick, so a client thread starved for a moment on a busy
    /// machine does not turn the 408 into an idle close with no response.
    @Test("a body trickled within the idle timeout is cut off with 408 after the body timeout", .timeLimit(.minutes(5)))
    func slowBody() async throws {
        try await PortalHarness.run(live: true, configure: { c in
            c.idleTimeout = .seconds(8)
            c.bodyTimeout = .seconds(2)
        }) { client, _ in
            let port = try #require(client.port)
            let result = try await RawClient.run {
                let raw = try RawClient(port: port)
                raw.send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{")
                return raw.readUntilClosed(tick: .milliseconds(250)) { raw.send(" ") }
            }
            #expect(result.closed, "the connection stayed open for \(result.elapsed)")
            #expect(result.text.hasPrefix("HTTP/1.1 408"), "\(result.text.prefix(200))")
            #expect(result.text.contains("message_zh"))
            #expect(try await Self.healthy(port))
        }
    }

    @Test("a request head larger than the server allows, or a body declared larger than the cap, is refused, never 500",
          .timeLimit(.minutes(5)))
    func oversizedHead() async throws {
        try await PortalHarness.run(live: true, configure: Self.configure) { client, _ in
            let port = try #require(client.port)
            let declared = try await RawClient.run {
                let raw = try RawClient(port: port)
                raw.send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n{")
                return raw.readUntilClosed()
            }
            #expect(declared.text.hasPrefix("HTTP/1.1 413"), "\(declared.text.prefix(200))")
            let result = try await RawClient.run {
                let raw = try RawClient(port: port)
                raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "b", count: 200 * 1024))\r\n\r\n")
                return raw.readUntilClosed()
            }
            #expect(result.closed)
            #expect(!result.text.hasPrefix("HTTP/1.1 200") && !result.text.hasPrefix("HTTP/1.1 5"), "\(result.text.prefix(100))")
            #expect(try await Self.healthy(port))
        }
    }
}
