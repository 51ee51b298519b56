import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
@testable import YusuanServer
import YusuanStore
import YusuanStoreSQLite

/// The kept pages' fast path (`KeptPages`, `KeptPageHandler`) on a real socket: what it answers is byte for byte what
/// the router answers for the same request and state (but for Date and X-Request-Id), and everything it must not
/// answer (a cookie, a query, credentials, HEAD, a pipelined request behind one the router is answering, a page a
/// publication made stale) goes through the router.
@Suite("Kept pages answered on the event loop")
struct KeptPagesFastPathTests {
    /// A live portal over a fresh in-memory store with the bundled examples and an admin; `test` gets the test
    /// client, the server's port, the store and the fast path.
    static func run(logger: Logger = Portal.logger(level: .warning),
                    _ test: @Sendable (any TestClientProtocol, Int, any YusuanStore, KeptPages) async throws -> Void) async throws {
        var configuration = PortalHarness.configuration()
        // Kept for an hour: only a publication through the portal can make the page's lookups read the store.
        configuration.publishedFreshness = .seconds(3600)
        let store = try SQLiteStore.inMemory()
        let (app, pages) = try await Portal.portal(store: store, configuration: configuration, logger: logger, audits: nil)
        let kept = try #require(pages)
        _ = try await PortalUsers.add(store: store, username: "admin", password: PortalHarness.password, role: .admin,
                                      departmentCode: nil, bcryptCost: 4)
        try await app.test(.live) { client in
            try await test(client, try #require(client.port), store, kept)
        }
    }

    /// Sends `request` (a whole head, or several pipelined) and reads `count` responses.
    static func exchange(_ reader: RawResponseReader, _ request: String, count: Int = 1, head: Bool = false) async throws -> [RawResponse] {
        try await RawClient.run {
            reader.raw.send(request)
            return (0..<count).compactMap { _ in reader.next(head: head) }
        }
    }

    static func get(_ path: String, _ extra: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)\r\n"
    }

    @Test("the fast path's 200 and 304 are the router's, for the same request and state", .timeLimit(.minutes(5)))
    func sameBytes() async throws {
        try await Self.run { _, port, store, kept in
            let v = try await exampleVersion(store)
            let page = "/versions/\(v.id)"
            let reader = RawResponseReader(try RawClient(port: port))
            // The first request fills the kept page through the router; the second is answered from it.
            let routed = try #require(try await Self.exchange(reader, Self.get(page)).first)
            #expect(routed.statusLine == "HTTP/1.1 200 OK" && kept.served == 0)
            let fast = try #require(try await Self.exchange(reader, Self.get(page)).first)
            #expect(kept.served == 1)
            #expect(fast.statusLine == routed.statusLine)
            #expect(fast.stableFields == routed.stableFields)
            #expect(fast.body == routed.body && fast.body.count > 10_000)
            #expect(fast.field("Date") != nil && fast.field("X-Request-Id") != nil && fast.field("X-Request-Id") != routed.field("X-Request-Id"))
            #expect(fast.field("Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy)
            #expect(fast.field("Cache-Control") == "private, no-cache" && fast.field("Server") == "yusuan")

            // A Chinese-language cookie gives the same page through the router.
            let withCookie = try #require(try await Self.exchange(reader, Self.get(page, "Cookie: yusuan_lang=zh\r\n")).first)
            #expect(kept.served == 1)
            #expect(withCookie.stableFields == fast.stableFields && withCookie.body == fast.body)

            // 304 for the client that holds the page, from both paths alike.
            let tag = try #require(fast.field("ETag"))
            let fastNotModified = try #require(try await Self.exchange(reader, Self.get(page, "If-None-Match: \(tag)\r\n")).first)
            #expect(kept.served == 2)
            let routedNotModified = try #require(try await Self.exchange(
                reader, Self.get(page, "If-None-Match: \(tag)\r\nCookie: yusuan_lang=zh\r\n")).first)
            #expect(kept.served == 2)
            #expect(fastNotModified.statusLine == "HTTP/1.1 304 Not Modified" && fastNotModified.body.isEmpty)
            #expect(fastNotModified.statusLine == routedNotModified.statusLine)
            #expect(fastNotModified.stableFields == routedNotModified.stableFields)
            // Another tag: the whole page.
            let otherTag = try #require(try await Self.exchange(reader, Self.get(page, "If-None-Match: \"other\"\r\n")).first)
            #expect(kept.served == 3 && otherTag.body == fast.body)

            // A safe request id of the client's is echoed, as the router does.
            let echoed = try #require(try await Self.exchange(reader, Self.get(page, "X-Request-Id: client-id-0001\r\n")).first)
            #expect(kept.served == 4 && echoed.field("X-Request-Id") == "client-id-0001")
            let unsafe = try #require(try await Self.exchange(reader, Self.get(page, "X-Request-Id: bad id!\r\n")).first)
            #expect(kept.served == 5 && unsafe.field("X-Request-Id") != "bad id!")
        }
    }

    @Test("a cookie, a query, credentials, HEAD, a body and Connection: close go through the router", .timeLimit(.minutes(5)))
    func handedOn() async throws {
        try await Self.run { _, port, store, kept in
            let v = try await exampleVersion(store)
            let page = "/versions/\(v.id)"
            let reader = RawResponseReader(try RawClient(port: port))
            let first = try #require(try await Self.exchange(reader, Self.get(page)).first)
            _ = try await Self.exchange(reader, Self.get(page))
            #expect(kept.served == 1)

            let english = try #require(try await Self.exchange(reader, Self.get(page + "?lang=en")).first)
            #expect(english.statusLine == "HTTP/1.1 200 OK" && english.field("Set-Cookie")?.hasPrefix("yusuan_lang=en") == true)
            #expect(english.body != first.body)
            let chinese = try #require(try await Self.exchange(reader, Self.get(page + "?lang=zh")).first)
            #expect(chinese.field("Set-Cookie")?.hasPrefix("yusuan_lang=zh") == true && chinese.body == first.body)
            let session = try #require(try await Self.exchange(reader, Self.get(page, "Cookie: yusuan_session=forged\r\n")).first)
            #expect(session.field("Set-Cookie")?.hasPrefix("yusuan_session=;") == true)
            _ = try await Self.exchange(reader, Self.get(page, "Authorization: Basic YWRtaW46eA==\r\n"))
            _ = try await Self.exchange(reader, Self.get(page, "Content-Length: 2\r\n") + "{}")
            // HEAD on a connection of its own (the router's answer may carry a body).
            _ = try await Self.exchange(RawResponseReader(try RawClient(port: port)), "HEAD \(page) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", head: true)
            _ = try await Self.exchange(reader, Self.get(page + "/"))
            _ = try await Self.exchange(reader, Self.get("/versions/\(v.id + 1000)"))
            #expect(kept.served == 1)
            // Connection: close goes through the router, which closes the connection after answering.
            let closing = try #require(try await Self.exchange(reader, Self.get(page, "Connection: close\r\n")).first)
            #expect(closing.statusLine == "HTTP/1.1 200 OK" && closing.body == first.body && kept.served == 1)
            let closed = try await RawClient.run { reader.next(guardTime: .seconds(5)) }
            #expect(closed == nil)
        }
    }

    @Test("pipelined requests are answered in order, also behind one the router is answering", .timeLimit(.minutes(5)))
    func pipelined() async throws {
        try await Self.run { _, port, store, kept in
            let v = try await exampleVersion(store)
            let page = "/versions/\(v.id)"
            let reader = RawResponseReader(try RawClient(port: port))
            let first = try #require(try await Self.exchange(reader, Self.get(page)).first)
            // Three kept pages at once: the first from the fast path; the others too, or (once the first page fills
            // the channel's buffer) from the router behind it; in order either way.
            let ids = ["pipeline-a-0001", "pipeline-b-0002", "pipeline-c-0003"]
            let three = try await Self.exchange(reader, ids.map { Self.get(page, "X-Request-Id: \($0)\r\n") }.joined(), count: 3)
            #expect(three.map { $0.field("X-Request-Id") } == ids)
            #expect(three.allSatisfy { $0.body == first.body && $0.stableFields == first.stableFields })
            #expect(kept.served >= 1)
            let served = kept.served
            // The first goes through the router (a cookie): the ones behind it wait for it and go the same way.
            let mixed = try await Self.exchange(reader, Self.get(page, "Cookie: yusuan_lang=en\r\nX-Request-Id: \(ids[0])\r\n")
                                                + Self.get(page, "X-Request-Id: \(ids[1])\r\n") + Self.get(page, "X-Request-Id: \(ids[2])\r\n"),
                                                count: 3)
            #expect(mixed.map { $0.field("X-Request-Id") } == ids)
            #expect(mixed[0].body != first.body && mixed[1].body == first.body && mixed[2].body == first.body)
            #expect(kept.served == served)
            // Back to the fast path once the router has answered.
            _ = try await Self.exchange(reader, Self.get(page))
            #expect(kept.served == served + 1)
        }
    }

    @Test("a publication drops the kept page at once: the next request goes through the router", .timeLimit(.minutes(5)))
    func publication() async throws {
        try await Self.run { client, port, store, kept in
            let v = try await exampleVersion(store)
            let page = "/versions/\(v.id)"
            let reader = RawResponseReader(try RawClient(port: port))
            _ = try await Self.exchange(reader, Self.get(page))
            let before = try #require(try await Self.exchange(reader, Self.get(page)).first)
            #expect(kept.served == 1)

            let admin = try await client.signIn("admin")
            let corrected = try await uploadCorrection(client, admin)
            let publish = try await client.send("/api/v1/versions/\(corrected)/publish", as: admin)
            #expect(publish.status == .ok, "publish: \(publish.text.prefix(300))")

            let after = try #require(try await Self.exchange(reader, Self.get(page)).first)
            #expect(kept.served == 1, "the page kept before the publication was served")
            #expect(after.statusLine == "HTTP/1.1 200 OK")
            let again = try #require(try await Self.exchange(reader, Self.get(page)).first)
            #expect(kept.served == 2)
            #expect(again.stableFields == after.stableFields && again.body == after.body)
            _ = before
        }
    }

    @Test("the fast path writes the router's request line", .timeLimit(.minutes(5)))
    func logLine() async throws {
        final class Lines: Sendable { let kept = Mutex<[String]>([]) }
        let lines = Lines()
        var logger = Logger(label: "yusuan.serve") { label in
            PortalLogHandler(label: label, level: .info) { bytes in
                lines.kept.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
            }
        }
        logger.logLevel = .info
        try await Self.run(logger: logger) { _, port, store, kept in
            let v = try await exampleVersion(store)
            let reader = RawResponseReader(try RawClient(port: port))
            _ = try await Self.exchange(reader, Self.get("/versions/\(v.id)", "X-Request-Id: routed-0000001\r\n"))
            _ = try await Self.exchange(reader, Self.get("/versions/\(v.id)", "X-Request-Id: fast-00000001\r\n"))
            #expect(kept.served == 1)
        }
        // Each line without its time, its request id and the milliseconds taken.
        func shape(_ id: String) -> String? {
            lines.kept.withLock { $0 }.first { $0.contains("request_id=\(id)") }.map { line in
                line.split(separator: " ").dropFirst().filter { !$0.hasPrefix("ms=") && !$0.hasPrefix("request_id=") }
                    .joined(separator: " ")
            }
        }
        let routed = try #require(shape("routed-0000001"))
        #expect(routed.contains("status=200") && routed.hasSuffix("request\n"))
        #expect(shape("fast-00000001") == routed)
        // One id a line: the portal's, which the client sees, not Hummingbird's as well.
        #expect(lines.kept.withLock { $0 }.filter { $0.contains("hb.request.id=") }.isEmpty)
    }

    @Test("the Date header's format (RFC 9110)")
    func httpDate() {
        #expect(HTTPDates.format(epochSecond: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDates.format(epochSecond: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDates.format(epochSecond: 1_709_210_096) == "Thu, 29 Feb 2024 12:34:56 GMT")
    }
}
