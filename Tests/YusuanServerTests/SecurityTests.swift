import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanServer
import YusuanStore

/// Every write route refuses anonymous (401) and wrong-role (403) requests and a missing or forged
/// CSRF token (403); officers write only their own department; uploads are capped; data is escaped;
/// logins are rate-limited.
@Suite("Portal security")
struct SecurityTests {
    /// A write route: how to call it, and who may.
    struct WriteRoute: Sendable, CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var contentType: String
        var body: @Sendable (_ csrf: String) -> ByteBuffer
        /// A signed-in user whose role may not call it (nil: every signed-in user may).
        var wrongRole: String?
        var description: String { "\(method) \(path)" }
    }

    static func routes(version: Int64) -> [WriteRoute] {
        let form = "application/x-www-form-urlencoded"
        let json = "application/json"
        let source = Data("department: x\n".utf8)
        return [
            WriteRoute(method: .post, path: "/departments/tongnan-xinfang/upload", contentType: MultipartBody.contentType,
                       body: { MultipartBody.make(fields: [("_csrf", $0)], files: [("source", "b.yaml", source)]) }, wrongRole: "reviewer"),
            WriteRoute(method: .post, path: "/versions/\(version)/publish", contentType: form,
                       body: { ByteBuffer(string: "_csrf=\($0)") }, wrongRole: "reviewer"),
            WriteRoute(method: .post, path: "/review/audit", contentType: MultipartBody.contentType,
                       body: { MultipartBody.make(fields: [("_csrf", $0)], files: [("document", "d.txt", source)]) }, wrongRole: "officer"),
            WriteRoute(method: .post, path: "/admin/users", contentType: form,
                       body: { ByteBuffer(string: "_csrf=\($0)&username=zz&password=long+enough+pw&role=admin") }, wrongRole: "reviewer"),
            WriteRoute(method: .post, path: "/admin/departments", contentType: form,
                       body: { ByteBuffer(string: "_csrf=\($0)&code=zz-dept&name=Z") }, wrongRole: "officer"),
            WriteRoute(method: .post, path: "/logout", contentType: form, body: { ByteBuffer(string: "_csrf=\($0)") }, wrongRole: nil),
            WriteRoute(method: .post, path: "/api/v1/departments", contentType: json,
                       body: { _ in ByteBuffer(string: #"{"code":"api-dept","name":"A"}"#) }, wrongRole: "reviewer"),
            WriteRoute(method: .post, path: "/api/v1/departments/tongnan-xinfang/versions?filename=b.yaml", contentType: "application/x-yaml",
                       body: { _ in ByteBuffer(bytes: source) }, wrongRole: "reviewer"),
            WriteRoute(method: .post, path: "/api/v1/versions/\(version)/publish", contentType: json,
                       body: { _ in ByteBuffer() }, wrongRole: "reviewer"),
            WriteRoute(method: .post, path: "/api/v1/audit?filename=d.txt", contentType: "text/plain",
                       body: { _ in ByteBuffer(bytes: source) }, wrongRole: "officer"),
            WriteRoute(method: .delete, path: "/api/v1/session", contentType: json, body: { _ in ByteBuffer() }, wrongRole: nil),
        ]
    }

    @Test("every write route refuses anonymous, wrong-role, missing-CSRF and forged-CSRF requests")
    func writeRoutesRefuse() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            // A draft to aim the publish routes at, so that a wrongly accepted publish would show.
            let officer = try await client.signIn("officer")
            let draft = try await uploadCorrection(client, officer)
            for route in Self.routes(version: draft) {
                let anonymous = try await client.executeRequest(uri: route.path, method: route.method,
                                                                headers: [.contentType: route.contentType], body: route.body(""))
                #expect(anonymous.status == .unauthorized, "anonymous \(route): \(anonymous.status)")
                if let wrong = route.wrongRole {
                    let session = try await client.signIn(wrong)
                    let r = try await client.send(route.path, method: route.method, as: session, contentType: route.contentType,
                                                  body: route.body(session.csrf))
                    #expect(r.status == .forbidden, "\(wrong) on \(route): \(r.status)")
                }
                // The right role without a token, and with a forged one.
                let allowed = try await client.signIn(route.path.contains("audit") ? "reviewer" : route.path.contains("admin") || route.path == "/api/v1/departments" ? "admin" : "officer")
                let missing = try await client.send(route.path, method: route.method, as: allowed, csrf: "", contentType: route.contentType,
                                                    body: route.body(""))
                #expect(missing.status == .forbidden, "missing CSRF on \(route): \(missing.status)")
                let forged = "forged-" + allowed.csrf.dropFirst(7)
                let bad = try await client.send(route.path, method: route.method, as: allowed, csrf: forged, contentType: route.contentType,
                                                body: route.body(forged))
                #expect(bad.status == .forbidden, "forged CSRF on \(route): \(bad.status)")
            }
            // Nothing was written by any refused request.
            #expect(try await store.version(id: draft)?.status == .draft)
            #expect(try await store.user(username: "zz") == nil)
            #expect(try await store.department(code: "zz-dept") == nil)
            #expect(try await store.department(code: "api-dept") == nil)
            _ = v
        }
    }

    @Test("the sign-in form refuses a missing pre-session token")
    func loginCSRF() async throws {
        try await PortalHarness.run { client, _ in
            let r = try await client.send("/login", as: .anonymous, csrf: "", contentType: "application/x-www-form-urlencoded",
                                          body: ByteBuffer(string: "username=officer&password=correct+horse+battery"))
            #expect(r.status == .forbidden)
            #expect(r.cookieValue("yusuan_session") == nil)
        }
    }

    @Test("an officer of department A cannot upload to or publish in department B")
    func officerScope() async throws {
        try await PortalHarness.run { client, store in
            let other = try await client.signIn("other")
            let body = MultipartBody.make(fields: [("_csrf", other.csrf)],
                                          files: [("source", "budget.yaml", Data(try PortalHarness.exampleYAML().utf8))])
            let upload = try await client.send("/departments/tongnan-xinfang/upload", as: other, csrf: "", contentType: MultipartBody.contentType, body: body)
            #expect(upload.status == .forbidden)
            let officer = try await client.signIn("officer")
            let draft = try await uploadCorrection(client, officer)
            let publish = try await client.send("/versions/\(draft)/publish", as: other, csrf: "", contentType: "application/x-www-form-urlencoded",
                                                body: ByteBuffer(string: "_csrf=\(other.csrf)"))
            #expect(publish.status == .notFound || publish.status == .forbidden)
            #expect(try await store.version(id: draft)?.status == .draft)
            // The officer's own upload to the other department is refused too.
            let mine = try await client.send("/api/v1/departments/other-dept/versions?filename=b.yaml", as: officer, contentType: "application/x-yaml",
                                             body: ByteBuffer(string: try PortalHarness.exampleYAML()))
            #expect(mine.status == .forbidden)
        }
    }

    @Test("an upload over the cap gets 413 with a clear message")
    func uploadCap() async throws {
        try await PortalHarness.run(uploadLimit: 4096) { client, _ in
            let officer = try await client.signIn("officer")
            let big = Data(repeating: 0x61, count: 10_000)
            let form = try await client.send("/departments/tongnan-xinfang/upload", as: officer, csrf: "", contentType: MultipartBody.contentType,
                                             body: MultipartBody.make(fields: [("_csrf", officer.csrf)], files: [("source", "big.yaml", big)]))
            #expect(form.status == .contentTooLarge)
            #expect(form.text.contains("上传的文件太大"))
            let api = try await client.send("/api/v1/departments/tongnan-xinfang/versions?filename=big.yaml", as: officer,
                                            contentType: "application/x-yaml", body: ByteBuffer(bytes: big))
            #expect(api.status == .contentTooLarge)
            #expect(try api.json()["error"] != nil)
            #expect(api.text.contains("limit"))
        }
    }

    @Test("a department name and an uploaded file name holding a script are rendered escaped")
    func storedXSS() async throws {
        try await PortalHarness.run { client, store in
            let admin = try await client.signIn("admin")
            let payload = "<script>alert(1)</script>"
            let created = try await client.send("/api/v1/departments", as: admin, contentType: "application/json",
                                                body: ByteBuffer(string: #"{"code":"xss-dept","name":"\#(payload)","region":"\"><img src=x onerror=alert(2)>"}"#))
            #expect(created.status == .created)
            for path in ["/", "/departments/xss-dept", "/admin/departments", "/review"] {
                let r = try await client.get(path, as: admin)
                #expect(r.status == .ok)
                #expect(!r.text.contains(payload), "\(path) shows the raw script")
                #expect(!r.text.contains("<img src=x"), "\(path) shows the raw image")
                #expect(r.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path) lacks the escaped name")
            }
            let officer = try await client.signIn("officer")
            let image = "<img src=x onerror=alert(3)>"
            let body = MultipartBody.make(fields: [("_csrf", officer.csrf)],
                                          files: [("source", "\(image).yaml", Data(try PortalHarness.correctedYAML().utf8))])
            let upload = try await client.send("/departments/tongnan-xinfang/upload", as: officer, csrf: "", contentType: MultipartBody.contentType, body: body)
            let location = try #require(upload.headers[.location])
            let page = try await client.get(location, as: officer)
            #expect(!page.text.contains(image))
            #expect(page.text.contains("&lt;img src=x onerror=alert(3)&gt;.yaml"))
            _ = store
        }
    }

    @Test("failed logins are rate-limited per username and per client address")
    func rateLimit() async throws {
        try await PortalHarness.run { client, _ in
            func attempt(_ user: String, _ password: String, from address: String) async throws -> TestResponse {
                try await client.executeRequest(uri: "/api/v1/session", method: .post,
                                                headers: [.contentType: "application/json", HeaderName("X-Forwarded-For")!: address],
                                                body: ByteBuffer(string: #"{"username":"\#(user)","password":"\#(password)"}"#))
            }
            for i in 0..<3 {
                let r = try await attempt("officer", "wrong-\(i)-password", from: "10.0.0.\(i + 1)")
                #expect(r.status == .unauthorized)
            }
            // The username is now locked, even with the right password and from a new address.
            let locked = try await attempt("officer", PortalHarness.password, from: "10.0.0.99")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[HeaderName("Retry-After")!] != nil)
            // One address trying many usernames is locked too.
            for name in ["a1", "a2", "a3"] {
                _ = try await attempt(name, "wrong-password-x", from: "10.9.9.9")
            }
            let byAddress = try await attempt("reviewer", PortalHarness.password, from: "10.9.9.9")
            #expect(byAddress.status == .tooManyRequests)
            // Another user from another address is unaffected.
            let fine = try await attempt("reviewer", PortalHarness.password, from: "10.1.1.1")
            #expect(fine.status == .ok)
        }
    }
}
