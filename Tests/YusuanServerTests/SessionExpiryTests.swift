import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanServer
import YusuanStore

/// A session past its lifetime is refused like no session at all, its cookie is cleared, and it is
/// removed from the store.
@Suite("Expired sessions")
struct SessionExpiryTests {
    @Test("an expired session is refused on reads and writes, cleared and removed")
    func expiredSession() async throws {
        try await PortalHarness.run { client, store in
            let officer = try #require(try await store.user(username: "officer"))
            let token = "expired-session-token-0123456789abcdef"
            let hash = SHA256.hex(token)
            try await store.createSession(SessionRecord(tokenHash: hash, userID: officer.id, csrfToken: "csrf-of-expired-session",
                                                        expiresAt: Date().addingTimeInterval(-60)))
            // Still in the store, seen from a moment before it expired.
            #expect(try await store.session(tokenHash: hash, now: Date().addingTimeInterval(-3600)) != nil)
            let expired = Session(cookie: "yusuan_session=\(token)", csrf: "csrf-of-expired-session")
            let who = try await client.get("/api/v1/session", as: expired)
            #expect(who.status == .unauthorized)
            let upload = try await client.send("/api/v1/departments/tongnan-xinfang/versions?filename=b.yaml", as: expired,
                                               contentType: "application/x-yaml", body: ByteBuffer(string: try PortalHarness.correctedYAML()))
            #expect(upload.status == .unauthorized)
            // A page shows the visitor as signed out and tells the browser to forget the cookie.
            let home = try await client.get("/upload", as: expired)
            #expect(home.status == .unauthorized)
            let page = try await client.get("/", as: expired)
            #expect(page.status == .ok)
            #expect(page.cookieValue("yusuan_session") == "")
            // Removed: not even a lookup at a moment before it expired finds it.
            #expect(try await store.session(tokenHash: hash, now: Date().addingTimeInterval(-3600)) == nil)
            let department = try #require(try await store.department(code: "tongnan-xinfang"))
            #expect(try await store.versions(departmentID: department.id).allSatisfy { $0.createdBy != "officer" })
        }
    }

    @Test("signing in again over an expired cookie keeps the new session")
    func signInOverExpiredCookie() async throws {
        try await PortalHarness.run { client, _ in
            let r = try await client.executeRequest(uri: "/api/v1/session", method: .post,
                                                    headers: [.contentType: "application/json", .cookie: "yusuan_session=stale-token"],
                                                    body: ByteBuffer(string: #"{"username":"officer","password":"\#(PortalHarness.password)"}"#))
            #expect(r.status == .ok)
            let cookie = try #require(r.cookieValue("yusuan_session"))
            #expect(!cookie.isEmpty)
            let setCookies = r.headers[values: .setCookie].filter { $0.hasPrefix("yusuan_session=") }
            #expect(setCookies.count == 1)
        }
    }
}
