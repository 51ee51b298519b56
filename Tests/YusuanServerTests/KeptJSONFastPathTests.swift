import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import YusuanServer
import YusuanStore

/// The disclosure JSON (`/api/v1/versions/{id}/disclosure`) on the kept responses' fast path (`KeptPages`, the same
/// mechanism as the page): its 200 and 304 are the router's bytes for the same request (but for Date and
/// X-Request-Id), and what it must not answer goes through the router.
@Suite("Kept disclosure JSON answered on the event loop")
struct KeptJSONFastPathTests {
    static func get(_ path: String, _ extra: String = "") -> String { KeptPagesFastPathTests.get(path, extra) }

    @Test("the fast path's JSON 200 and 304 are the router's, for the same request and state", .timeLimit(.minutes(5)))
    func sameBytes() async throws {
        try await KeptPagesFastPathTests.run { _, port, store, kept in
            let v = try await exampleVersion(store)
            #expect(v.status == .published)
            let json = "/api/v1/versions/\(v.id)/disclosure"
            let reader = RawResponseReader(try RawClient(port: port))
            // The first request keeps the JSON through the router; the second is answered from it.
            let routed = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json)).first)
            #expect(routed.statusLine == "HTTP/1.1 200 OK" && kept.served == 0)
            let fast = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json)).first)
            #expect(kept.served == 1)
            #expect(fast.statusLine == routed.statusLine)
            #expect(fast.stableFields == routed.stableFields)
            #expect(fast.body == routed.body && fast.body.count > 10_000)
            // Larger than one write: the fast path sent it in slices (`KeptResponseOutlet.pieces`), held to the router's bytes here.
            #expect(fast.body.count > KeptResponseOutlet.wholeBytes)
            #expect(fast.field("Content-Type") == JSONResponse.contentType)
            #expect(fast.field("Cache-Control") == "public, no-cache" && fast.field("Server") == "yusuan")
            #expect(fast.field("Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy)
            #expect(fast.field("X-Request-Id") != nil && fast.field("X-Request-Id") != routed.field("X-Request-Id"))
            #expect((try? JSONSerialization.jsonObject(with: Data(fast.body))) != nil)

            // The same request through the router (a cookie that changes nothing in the JSON): the same bytes.
            let withCookie = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json, "Cookie: yusuan_lang=zh\r\n")).first)
            #expect(kept.served == 1)
            #expect(withCookie.stableFields == fast.stableFields && withCookie.body == fast.body)

            // 304 from both paths alike.
            let tag = try #require(fast.field("ETag"))
            let fastNotModified = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json, "If-None-Match: \(tag)\r\n")).first)
            #expect(kept.served == 2)
            let routedNotModified = try #require(try await KeptPagesFastPathTests.exchange(
                reader, Self.get(json, "If-None-Match: \(tag)\r\nCookie: yusuan_lang=zh\r\n")).first)
            #expect(kept.served == 2)
            #expect(fastNotModified.statusLine == "HTTP/1.1 304 Not Modified" && fastNotModified.body.isEmpty)
            #expect(fastNotModified.stableFields == routedNotModified.stableFields)

            // The page and the JSON of one version are kept apart: each path answers its own bytes.
            _ = try await KeptPagesFastPathTests.exchange(reader, Self.get("/versions/\(v.id)"))
            let page = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get("/versions/\(v.id)")).first)
            #expect(kept.served == 3 && page.field("Content-Type")?.hasPrefix("text/html") == true && page.body != fast.body)
            let again = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json)).first)
            #expect(kept.served == 4 && again.body == fast.body && again.stableFields == fast.stableFields)
        }
    }

    @Test("a query, credentials, HEAD, other addresses and an unknown version go through the router", .timeLimit(.minutes(5)))
    func handedOn() async throws {
        try await KeptPagesFastPathTests.run { _, port, store, kept in
            let v = try await exampleVersion(store)
            let json = "/api/v1/versions/\(v.id)/disclosure"
            let reader = RawResponseReader(try RawClient(port: port))
            let first = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json)).first)
            _ = try await KeptPagesFastPathTests.exchange(reader, Self.get(json))
            #expect(kept.served == 1)
            let query = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get(json + "?lang=en")).first)
            #expect(query.body == first.body)
            _ = try await KeptPagesFastPathTests.exchange(reader, Self.get(json, "Authorization: Basic YWRtaW46eA==\r\n"))
            _ = try await KeptPagesFastPathTests.exchange(RawResponseReader(try RawClient(port: port)),
                                                          "HEAD \(json) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", head: true)
            let figures = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get("/api/v1/versions/\(v.id)/figures")).first)
            #expect(figures.statusLine == "HTTP/1.1 200 OK" && figures.body != first.body)
            let missing = try #require(try await KeptPagesFastPathTests.exchange(reader, Self.get("/api/v1/versions/\(v.id + 1000)/disclosure")).first)
            #expect(missing.statusLine.hasPrefix("HTTP/1.1 404"))
            _ = try await KeptPagesFastPathTests.exchange(reader, Self.get("/api/v1/versions/x\(v.id)/disclosure"))
            #expect(kept.served == 1)
        }
    }

    @Test("the addresses the fast path reads")
    func routes() {
        #expect(KeptPages.route("/versions/12")?.kind == .page && KeptPages.route("/versions/12")?.id == 12)
        #expect(KeptPages.route("/api/v1/versions/12/disclosure")?.kind == .json && KeptPages.route("/api/v1/versions/12/disclosure")?.id == 12)
        for other in ["/versions/12/", "/versions/12?lang=en", "/api/v1/versions/12/disclosure?x=1", "/api/v1/versions//disclosure",
                      "/api/v1/versions/12/figures", "/api/v1/versions/1/2/disclosure", "/api/v1/versions/12", "/versions/"] {
            #expect(KeptPages.route(other) == nil, "\(other)")
        }
    }
}
