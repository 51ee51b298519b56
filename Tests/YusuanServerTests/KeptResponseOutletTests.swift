import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import YusuanServer
import YusuanStore
import YusuanStoreSQLite

/// The kept responses written as bytes below the response codecs (`KeptResponseOutlet`): the handlers above still
/// count every response, so NIO's encoder keeps each response paired with its request (a HEAD after fast answers
/// gets no body) and Hummingbird's connection state handler still closes an idle connection; the head's bytes are
/// those NIO's encoder writes.
@Suite("Kept responses written below the codecs")
struct KeptResponseOutletTests {
    /// A live portal whose connections idle out after `idle`, over a fresh store with the bundled examples.
    static func run(idle: Duration, _ test: @Sendable (Int, any YusuanStore, KeptPages) async throws -> Void) async throws {
        var configuration = PortalHarness.configuration()
        configuration.publishedFreshness = .seconds(3600)
        configuration.idleTimeout = idle
        let store = try SQLiteStore.inMemory()
        let (app, pages) = try await Portal.portal(store: store, configuration: configuration,
                                                   logger: Portal.logger(level: .warning), audits: nil)
        let kept = try #require(pages)
        try await app.test(.live) { client in
            try await test(try #require(client.port), store, kept)
        }
    }

    @Test("HEAD after fast answers on the same connection: no body, and the answers after it stay in step",
          .timeLimit(.minutes(5)))
    func headAfterFastAnswers() async throws {
        try await Self.run(idle: .seconds(30)) { port, store, kept in
            let v = try await exampleVersion(store)
            let page = "/versions/\(v.id)"
            let get = KeptPagesFastPathTests.get(page)
            let reader = RawResponseReader(try RawClient(port: port))
            let routed = try #require(try await KeptPagesFastPathTests.exchange(reader, get).first)
            // One at a time: a second request pipelined behind a page the socket has not taken yet goes to the router.
            let fast = [try await KeptPagesFastPathTests.exchange(reader, get).first,
                        try await KeptPagesFastPathTests.exchange(reader, get).first].compactMap { $0 }
            #expect(kept.served == 2 && fast.count == 2)
            let tag = try #require(routed.field("ETag"))
            let notModified = try #require(try await KeptPagesFastPathTests.exchange(
                reader, KeptPagesFastPathTests.get(page, "If-None-Match: \(tag)\r\n")).first)
            #expect(kept.served == 3 && notModified.statusLine == "HTTP/1.1 304 Not Modified")
            #expect(notModified.field("Content-Length") == nil)
            // HEAD goes through the router; its response must carry no body after three responses NIO's encoder
            // did not encode.
            let head = try #require(try await KeptPagesFastPathTests.exchange(
                reader, "HEAD \(page) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", head: true).first)
            #expect(head.statusLine == "HTTP/1.1 200 OK" && kept.served == 3)
            // Had a body followed the HEAD's head, the next response would not start with a status line.
            let after = try #require(try await KeptPagesFastPathTests.exchange(reader, get).first)
            #expect(after.statusLine == "HTTP/1.1 200 OK" && kept.served == 4)
            #expect(after.body == routed.body && after.stableFields == routed.stableFields)
            // And a router response after it (the JSON of another address) is whole too.
            let other = try #require(try await KeptPagesFastPathTests.exchange(
                reader, KeptPagesFastPathTests.get("/api/v1/departments")).first)
            #expect(other.statusLine == "HTTP/1.1 200 OK" && !other.body.isEmpty)
            #expect((try? JSONSerialization.jsonObject(with: Data(other.body))) != nil)
        }
    }

    @Test("a connection answered by the fast path is closed once idle", .timeLimit(.minutes(5)))
    func idleAfterFastAnswers() async throws {
        try await Self.run(idle: .seconds(1)) { port, store, kept in
            let v = try await exampleVersion(store)
            let get = KeptPagesFastPathTests.get("/versions/\(v.id)")
            let result = try await RawClient.run {
                let raw = try RawClient(port: port)
                let reader = RawResponseReader(raw)
                reader.raw.send(get)
                _ = reader.next()
                reader.raw.send(get)
                let first = reader.next()
                reader.raw.send(get)
                let fast = [first, reader.next()].compactMap { $0 }
                return (fast.count, raw.readUntilClosed(guardTime: .seconds(15)))
            }
            #expect(result.0 == 2 && kept.served == 2)
            // The connection state handler saw both responses end: nothing in progress, so the idle timeout closes.
            #expect(result.1.closed, "still open after \(result.1.elapsed)")
            #expect(result.1.text.isEmpty)
        }
    }

    @Test("a kept head's bytes are NIO's: the status line, the fields as named, no framing fields for a 304")
    func encodedHead() {
        var fields = HTTPFields()
        fields[.eTag] = "\"abc\""
        fields[.contentLength] = "12"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        let ok = KeptPages.KeptHeads.encode(HTTPResponse(status: .ok, headerFields: fields))
        #expect(String(buffer: ok) == "HTTP/1.1 200 OK\r\nETag: \"abc\"\r\nContent-Length: 12\r\nX-Frame-Options: DENY\r\n")
        let notModified = KeptPages.KeptHeads.encode(HTTPResponse(status: .notModified, headerFields: fields))
        #expect(String(buffer: notModified) == "HTTP/1.1 304 Not Modified\r\nETag: \"abc\"\r\nX-Frame-Options: DENY\r\n")
    }
}
