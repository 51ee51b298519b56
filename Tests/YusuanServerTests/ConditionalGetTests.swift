import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import YusuanServer
import YusuanStore

/// A version's disclosure JSON and an anonymous reader's page name an entity tag; a client that sends it
/// back gets 304 Not Modified with no body.
@Suite("Conditional GET")
struct ConditionalGetTests {
    @Test("the disclosure JSON: an entity tag, 304 for a client that holds it, 200 for another tag")
    func disclosureJSON() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let first = try await client.get("/api/v1/versions/\(v.id)/disclosure")
            #expect(first.status == .ok)
            let tag = try #require(first.headers[.eTag])
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
            #expect(first.headers[.cacheControl] == "public, no-cache")
            #expect(first.body.readableBytes > 1000)

            let again = try await client.get("/api/v1/versions/\(v.id)/disclosure", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == tag)

            let listed = try await client.get("/api/v1/versions/\(v.id)/disclosure", headers: [.ifNoneMatch: "\"other\", W/\(tag)"])
            #expect(listed.status == .notModified)
            let other = try await client.get("/api/v1/versions/\(v.id)/disclosure", headers: [.ifNoneMatch: "\"other\""])
            #expect(other.status == .ok && other.body == first.body)
        }
    }

    @Test("an anonymous reader's page revalidates with its tag; a signed-in reader's page is not kept")
    func page() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let first = try await client.get("/versions/\(v.id)")
            #expect(first.status == .ok)
            let tag = try #require(first.headers[.eTag])
            #expect(first.headers[.cacheControl] == "private, no-cache")
            let again = try await client.get("/versions/\(v.id)", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            // Another language is another page, with another tag.
            let english = try await client.get("/versions/\(v.id)", headers: [.cookie: "yusuan_lang=en", .ifNoneMatch: tag])
            #expect(english.status == .ok && english.headers[.eTag] != tag)

            let admin = try await client.signIn("admin")
            let signedIn = try await client.get("/versions/\(v.id)", as: admin, headers: [.ifNoneMatch: tag])
            #expect(signedIn.status == .ok)
            #expect(signedIn.headers[.eTag] == nil && signedIn.headers[.cacheControl] == "no-store")
        }
    }

    @Test("the OpenAPI document names the entity tag, If-None-Match and 304 for the disclosure JSON")
    func documented() async throws {
        try await PortalHarness.run { client, _ in
            let document = try await client.get("/api/v1/openapi.json").json()
            let paths = try #require(document["paths"] as? [String: Any])
            let path = try #require(paths["/api/v1/versions/{id}/disclosure"] as? [String: Any])
            let get = try #require(path["get"] as? [String: Any])
            let responses = try #require(get["responses"] as? [String: Any])
            #expect(responses["304"] != nil)
            let parameters = try #require(get["parameters"] as? [[String: Any]])
            #expect(parameters.contains { $0["name"] as? String == "If-None-Match" && $0["in"] as? String == "header" })
        }
    }

    @Test("If-None-Match: a list, weak tags and * match; other tags and no header do not")
    func matching() {
        let body = KeptBody(ByteBuffer(string: "abc"))
        let tag = body.tag
        #expect(ConditionalGet.matches(tag, tag: tag))
        #expect(ConditionalGet.matches("\"a\",  \(tag) ", tag: tag))
        #expect(ConditionalGet.matches("W/\(tag)", tag: tag))
        #expect(ConditionalGet.matches("*", tag: tag))
        #expect(!ConditionalGet.matches("\"a\"", tag: tag))
        // No If-None-Match: the whole body; the tag: 304.
        #expect(ConditionalGet.respond(ifNoneMatch: nil, with: body, contentType: "text/plain", cacheControl: "no-cache").status == .ok)
        #expect(ConditionalGet.respond(ifNoneMatch: tag, with: body, contentType: "text/plain", cacheControl: "no-cache").status == .notModified)
        // The tag follows the bytes.
        #expect(KeptBody(ByteBuffer(string: "abd")).tag != tag && KeptBody(ByteBuffer(string: "abc")).tag == tag)
    }
}
