import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanServer
import YusuanStore

/// The officer's path: upload → draft with findings → publish → immutable → correction as version 2
/// whose changes page lists the changed figures. Sign-in and sign-out through the HTML forms.
@Suite("Portal workflow")
struct WorkflowTests {
    @Test("sign in and out through the forms")
    func loginLogout() async throws {
        try await PortalHarness.run { client, store in
            let page = try await client.get("/login")
            #expect(page.status == .ok)
            let preToken = try #require(page.cookieValue("yusuan_login"))
            #expect(page.text.contains("value=\"\(preToken)\""))
            let form = "_csrf=\(preToken)&username=officer&password=correct+horse+battery"
            let r = try await client.send("/login", as: Session(cookie: "yusuan_login=\(preToken)", csrf: ""), csrf: "",
                                          contentType: "application/x-www-form-urlencoded", body: ByteBuffer(string: form))
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/upload")
            let token = try #require(r.cookieValue("yusuan_session"))
            let setCookie = r.headers[values: .setCookie].first { $0.hasPrefix("yusuan_session=") } ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            let session = Session(cookie: "yusuan_session=\(token)", csrf: "")
            let upload = try await client.get("/upload", as: session)
            #expect(upload.status == .ok)
            #expect(upload.text.contains("officer"))
            let csrf = try #require(upload.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
            let out = try await client.send("/logout", as: session, csrf: "", contentType: "application/x-www-form-urlencoded",
                                            body: ByteBuffer(string: "_csrf=\(csrf)"))
            #expect(out.status == .seeOther)
            let after = try await client.get("/upload", as: session)
            #expect(after.status == .unauthorized)
            let log = try await store.auditLog(limit: 10).map(\.action)
            #expect(log.contains("login") && log.contains("logout"))
        }
    }

    @Test("a wrong password is refused and logged without the password")
    func wrongPassword() async throws {
        try await PortalHarness.run { client, store in
            let r = try await client.executeRequest(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"username":"officer","password":"hunter2-wrong"}"#))
            #expect(r.status == .unauthorized)
            let log = try await store.auditLog(limit: 5)
            #expect(log.contains { $0.action == "login.failed" })
            #expect(!log.contains { $0.detail.contains("hunter2") || $0.target.contains("hunter2") })
        }
    }

    @Test("upload → draft with findings → publish refused while it has errors", arguments: PortalHarness.backends)
    func draftWithErrors(postgres: Bool) async throws {
        try await PortalHarness.run(postgres: postgres) { client, store in
            let officer = try await client.signIn("officer")
            let body = MultipartBody.make(fields: [("_csrf", officer.csrf)],
                                          files: [("source", "budget.yaml", Data(try PortalHarness.erroneousYAML().utf8))])
            let r = try await client.send("/departments/tongnan-xinfang/upload", as: officer, csrf: "", contentType: MultipartBody.contentType, body: body)
            #expect(r.status == .seeOther)
            let location = try #require(r.headers[.location])
            let id = try #require(Int64(location.replacingOccurrences(of: "/versions/", with: "")))
            let draft = try #require(try await store.version(id: id))
            #expect(draft.errors > 0)
            let page = try await client.get("/versions/\(draft.id)", as: officer)
            #expect(page.text.contains("NAR-002"))
            #expect(page.text.contains("修正并重新上传后才能公开"))
            #expect(!page.text.contains("action=\"/versions/\(draft.id)/publish\""))
            let audit = try await client.get("/versions/\(draft.id)/audit", as: officer)
            #expect(audit.text.contains("NAR-002"))
            let publish = try await client.send("/api/v1/versions/\(draft.id)/publish", as: officer)
            #expect(publish.status == .conflict)
            #expect(try await store.version(id: draft.id)?.status == .draft)
            let review = try await client.get("/review", as: try await client.signIn("reviewer"))
            #expect(review.text.contains("badge errors"))
            #expect(review.text.contains("NAR-002"))
        }
    }

    @Test("upload → draft → publish → immutable → correction v2 lists the changed figures", arguments: PortalHarness.backends)
    func uploadPublishCorrect(postgres: Bool) async throws {
        try await PortalHarness.run(postgres: postgres) { client, store in
            let officer = try await client.signIn("officer")
            let v2 = try await uploadCorrection(client, officer)
            let draft = try #require(try await store.version(id: v2))
            #expect(draft.status == .draft)
            #expect(draft.number == 2)
            // The draft page: visible to its officer with the findings and the publish button; hidden from the public.
            let page = try await client.get("/versions/\(v2)", as: officer)
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"findings\""))
            #expect(page.text.contains("action=\"/versions/\(v2)/publish\""))
            let hidden = try await client.get("/versions/\(v2)")
            #expect(hidden.status == .notFound)
            // The changes page lists the figures the correction changed.
            let changes = try await client.get("/versions/\(v2)/changes", as: officer)
            #expect(changes.status == .ok)
            #expect(changes.text.contains("class=\"changed\""))
            #expect(changes.text.contains("+1.00") && changes.text.contains("-1.00"))
            #expect(changes.text.contains("30101") || changes.text.contains("基本工资"))
            let api = try await client.get("/api/v1/versions/\(v2)/changes", as: officer)
            let list = try #require(try api.json()["changes"] as? [[String: Any]])
            #expect(!list.isEmpty)
            #expect(list.allSatisfy { ($0["change_fen"] as? Int).map { $0 != 0 } ?? true })
            // Publish once; a second publish is refused and the version stays as it was.
            let publish = try await client.send("/api/v1/versions/\(v2)/publish", as: officer)
            #expect(publish.status == .ok)
            #expect(try publish.json()["status"] as? String == "published")
            let again = try await client.send("/api/v1/versions/\(v2)/publish", as: officer)
            #expect(again.status == .conflict)
            #expect(again.text.contains("already published") || again.text.contains("已经公开"))
            let public2 = try await client.get("/versions/\(v2)")
            #expect(public2.status == .ok)
            let log = try await store.auditLog(limit: 20).map(\.action)
            #expect(log.contains("version.upload") && log.contains("version.publish"))
        }
    }

    @Test("an invalid source is refused with its problems and nothing is stored")
    func invalidSource() async throws {
        try await PortalHarness.run { client, store in
            let officer = try await client.signIn("officer")
            let before = try await store.versions(departmentID: try await exampleVersion(store).departmentID).count
            let body = MultipartBody.make(fields: [("_csrf", officer.csrf)], files: [("source", "budget.yaml", Data("department: x\nyear: nope\n".utf8))])
            let r = try await client.send("/departments/tongnan-xinfang/upload", as: officer, csrf: "", contentType: MultipartBody.contentType, body: body)
            #expect(r.status == .unprocessableContent)
            #expect(r.text.contains("预算源文件有问题"))
            #expect(r.text.contains("budget.yaml"))
            #expect(!r.text.contains("/tmp/"))
            let after = try await store.versions(departmentID: try await exampleVersion(store).departmentID).count
            #expect(after == before)
        }
    }

    @Test("the reviewer's dashboard shows statuses and audits an uploaded document without storing it")
    func reviewer() async throws {
        try await PortalHarness.run { client, store in
            let reviewer = try await client.signIn("reviewer")
            let dashboard = try await client.get("/review", as: reviewer)
            #expect(dashboard.status == .ok)
            #expect(dashboard.text.contains("重庆市潼南区信访办公室"))
            #expect(dashboard.text.contains("badge published"))
            let v = try await exampleVersion(store)
            let text = try await client.get("/versions/\(v.id)/download/disclosure.txt")
            let versions = try await store.versions(departmentID: v.departmentID).count
            let body = MultipartBody.make(fields: [("_csrf", reviewer.csrf)], files: [("document", "published.txt", Data(buffer: text.body))])
            let report = try await client.send("/review/audit", as: reviewer, csrf: "", contentType: MultipartBody.contentType, body: body)
            #expect(report.status == .ok)
            #expect(report.text.contains("文件审核报告"))
            #expect(report.text.contains("汇总"))
            #expect(try await store.versions(departmentID: v.departmentID).count == versions)
            let api = try await client.send("/api/v1/audit?filename=published.txt", as: reviewer, contentType: "text/plain", body: text.body)
            #expect(api.status == .ok)
            #expect(try api.json()["summary"] != nil)
        }
    }

    @Test("the admin creates a department and an officer for it, and reads the audit log")
    func admin() async throws {
        try await PortalHarness.run { client, store in
            let admin = try await client.signIn("admin")
            let d = try await client.send("/admin/departments", as: admin, csrf: "", contentType: "application/x-www-form-urlencoded",
                                          body: ByteBuffer(string: "_csrf=\(admin.csrf)&code=new-dept&name=%E6%96%B0%E9%83%A8%E9%97%A8&region=X"))
            #expect(d.status == .seeOther)
            let u = try await client.send("/admin/users", as: admin, csrf: "", contentType: "application/x-www-form-urlencoded",
                                          body: ByteBuffer(string: "_csrf=\(admin.csrf)&username=newofficer&password=long+enough+pw&role=officer&department=new-dept"))
            #expect(u.status == .seeOther)
            let user = try #require(try await store.user(username: "newofficer"))
            #expect(user.role == .officer)
            #expect(user.passwordHash.hasPrefix("$2"))
            let users = try await client.get("/admin/users", as: admin)
            #expect(users.text.contains("newofficer") && users.text.contains("新部门"))
            let log = try await client.get("/admin/log", as: admin)
            #expect(log.status == .ok)
            #expect(log.text.contains("user.create") && log.text.contains("department.create"))
            let short = try await client.send("/admin/users", as: admin, csrf: "", contentType: "application/x-www-form-urlencoded",
                                              body: ByteBuffer(string: "_csrf=\(admin.csrf)&username=x2&password=short&role=admin"))
            #expect(short.status == .badRequest)
        }
    }
}
