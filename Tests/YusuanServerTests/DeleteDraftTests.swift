import Foundation
import Hummingbird
import Testing
@testable import YusuanServer

@Suite("Deleting a draft")
struct DeleteDraftTests {
    static func form(_ session: Session) -> ByteBuffer { ByteBuffer(string: "_csrf=" + session.csrf) }

    @Test("the officer deletes their draft from its page; it is gone and the audit log says so", arguments: PortalHarness.backends)
    func deleteFromPage(postgres: Bool) async throws {
        try await PortalHarness.run(postgres: postgres) { client, store in
            let officer = try await client.signIn("officer")
            let id = try await uploadCorrection(client, officer)
            let page = try await client.get("/versions/\(id)", as: officer)
            #expect(page.text.contains("action=\"/versions/\(id)/delete\""))
            // Others may not: the public does not see the draft, another department's officer may not write it.
            #expect(try await client.get("/versions/\(id)").text.contains("/delete\"") == false)
            let other = try await client.signIn("other")
            let refused = try await client.send("/versions/\(id)/delete", as: other, csrf: "",
                                                contentType: "application/x-www-form-urlencoded", body: Self.form(other))
            #expect(refused.status == .notFound || refused.status == .forbidden)
            let noToken = try await client.send("/versions/\(id)/delete", as: officer, csrf: "",
                                                contentType: "application/x-www-form-urlencoded", body: ByteBuffer())
            #expect(noToken.status == .forbidden)
            #expect(try await store.version(id: id) != nil)

            let r = try await client.send("/versions/\(id)/delete", as: officer, csrf: "",
                                          contentType: "application/x-www-form-urlencoded", body: Self.form(officer))
            #expect(r.status == .seeOther && r.headers[.location] == "/departments/tongnan-xinfang")
            #expect(try await store.version(id: id) == nil)
            #expect(try await client.get("/versions/\(id)", as: officer).status == .notFound)
            let log = try await store.auditLog(limit: 5)
            #expect(log.first?.action == "version.delete" && log.first?.target == "version \(id)")
        }
    }

    @Test("through the API: 204 for a draft, 409 for a published version, which stays", arguments: PortalHarness.backends)
    func deleteThroughAPI(postgres: Bool) async throws {
        try await PortalHarness.run(postgres: postgres) { client, store in
            let officer = try await client.signIn("officer")
            let id = try await uploadCorrection(client, officer)
            let anonymous = try await client.executeRequest(uri: "/api/v1/versions/\(id)", method: .delete, headers: [:], body: nil)
            #expect(anonymous.status == .unauthorized)
            let r = try await client.send("/api/v1/versions/\(id)", method: .delete, as: officer)
            #expect(r.status == .noContent)
            #expect(try await store.version(id: id) == nil)
            #expect(try await client.send("/api/v1/versions/\(id)", method: .delete, as: officer).status == .notFound)

            let published = try await exampleVersion(store)
            let admin = try await client.signIn("admin")
            let refused = try await client.send("/api/v1/versions/\(published.id)", method: .delete, as: admin)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("cannot be deleted") || refused.text.contains("不能删除"))
            #expect(try await store.version(id: published.id) == published)
        }
    }
}
