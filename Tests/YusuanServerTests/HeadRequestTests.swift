import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import YusuanServer
import YusuanStore

/// HEAD of a GET address (link checkers, `curl -I`, caches revalidating): the GET's status and headers, its
/// Content-Length included, and no body; an address with no GET stays 404.
@Suite("HEAD requests")
struct HeadRequestTests {
    /// The headers that differ between any two responses.
    static let perResponse: Set<String> = ["date", "x-request-id"]

    static func fields(_ response: TestResponse) -> [String: String] {
        var out: [String: String] = [:]
        for field in response.headers where !perResponse.contains(field.name.canonicalName.lowercased()) {
            out[field.name.canonicalName, default: ""] += field.value
        }
        return out
    }

    @Test("the page, the disclosure JSON and the departments' JSON answer HEAD as GET, without a body",
          arguments: ["page", "disclosure", "departments"])
    func headLikeGet(_ what: String) async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let uri = switch what {
            case "page": "/versions/\(v.id)"
            case "disclosure": "/api/v1/versions/\(v.id)/disclosure"
            default: "/api/v1/departments"
            }
            let get = try await client.get(uri)
            let head = try await client.executeRequest(uri: uri, method: .head, headers: [:], body: nil)
            #expect(get.status == .ok)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(Self.fields(head) == Self.fields(get))
            if let length = head.headers[.contentLength] { #expect(Int(length) == get.body.readableBytes) }
        }
    }

    @Test("HEAD of an address that does not exist, or of one with no GET, is 404")
    func headWithoutGet() async throws {
        try await PortalHarness.run { client, _ in
            let missing = try await client.executeRequest(uri: "/no/such/page", method: .head, headers: [:], body: nil)
            #expect(missing.status == .notFound)
            let postOnly = try await client.executeRequest(uri: "/logout", method: .head, headers: [:], body: nil)
            #expect(postOnly.status == .notFound || postOnly.status == .methodNotAllowed)
            #expect(postOnly.body.readableBytes == 0)
        }
    }
}
