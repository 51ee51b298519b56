import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import YusuanServer
import YusuanStore

/// Stored XSS through a budget's project names and reasons, oversized requests, and passwords kept out
/// of the logs. (Department names and uploaded file names: SecurityTests.)
@Suite("Stored XSS, oversized requests, passwords in logs")
struct StoredXSSAndLimitsTests {
    static let projectPayload = "<script>alert('project')</script>"
    static let reasonPayload = "<img src=x onerror=alert('reason')>"

    /// The example with a script in a project's name and an image in a reason for a change.
    static func hostileYAML() throws -> String {
        let yaml = try PortalHarness.exampleYAML()
        let project = "    name: 潼南区信访重点人员服务管理系统专项"
        let reason = "    text: 事业人员公用经费减少"
        #expect(yaml.contains(project) && yaml.contains(reason))
        return yaml.replacingOccurrences(of: project, with: "    name: \"\(projectPayload)专项\"")
            .replacingOccurrences(of: reason, with: "    text: \"\(reasonPayload)减少\"")
    }

    @Test("a project name and a reason holding markup are shown escaped on every page; downloads are never HTML")
    func projectNamesAndReasons() async throws {
        try await PortalHarness.run { client, _ in
            let officer = try await client.signIn("officer")
            let r = try await client.send("/api/v1/departments/tongnan-xinfang/versions?filename=budget.yaml", as: officer,
                                          contentType: "application/x-yaml", body: ByteBuffer(string: try Self.hostileYAML()))
            #expect(r.status == .created, "\(r.text.prefix(300))")
            let version = try #require(try r.json()["version"] as? [String: Any])
            let id = try #require((version["id"] as? NSNumber)?.int64Value)
            var shown = 0
            for path in ["/versions/\(id)", "/versions/\(id)/audit", "/versions/\(id)/changes", "/departments/tongnan-xinfang", "/review"] {
                let session = path == "/review" ? try await client.signIn("reviewer") : officer
                let page = try await client.get(path, as: session)
                let rawScript = page.text.contains("<script>alert"), rawImage = page.text.contains("<img src=x")
                #expect(page.status == .ok, "\(path): \(page.status)")
                #expect(!rawScript, "\(path) shows the raw script")
                #expect(!rawImage, "\(path) shows the raw image")
                if page.text.contains("&lt;script&gt;alert(") || page.text.contains("&lt;img src=x") { shown += 1 }
            }
            // The disclosure page shows both, escaped.
            let disclosure = try await client.get("/versions/\(id)", as: officer)
            let escapedScript = disclosure.text.contains("&lt;script&gt;alert(")
            let escapedImage = disclosure.text.contains("&lt;img src=x onerror=alert(")
            #expect(escapedScript && escapedImage)
            #expect(shown >= 1)
            // Downloads carry the text as data: plain text or JSON, never HTML, with nosniff, as attachments.
            for file in ["disclosure.txt", "disclosure.json", "source.yaml"] {
                let download = try await client.get("/versions/\(id)/download/\(file)", as: officer)
                let type = download.headers[.contentType] ?? ""
                #expect(download.status == .ok)
                #expect(!type.contains("html"), "\(file) is served as \(type)")
                #expect(download.headers[.xContentTypeOptions] == "nosniff")
                #expect(download.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            }
            // JSON carries the text as data, served as JSON with nosniff.
            let json = try await client.get("/api/v1/versions/\(id)/disclosure", as: officer)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(json.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("oversized bodies get 413 on every kind of body: JSON, sign-in form, admin form, upload")
    func oversized() async throws {
        try await PortalHarness.run(uploadLimit: 64 * 1024) { client, store in
            let big = String(repeating: "a", count: 200 * 1024)
            let json = try await client.executeRequest(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                                       body: ByteBuffer(string: #"{"username":"officer","password":"\#(big)"}"#))
            #expect(json.status == .contentTooLarge)
            let login = try await client.executeRequest(uri: "/login", method: .post,
                                                        headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "username=officer&password=\(big)"))
            #expect(login.status == .contentTooLarge)
            let admin = try await client.signIn("admin")
            let form = try await client.send("/admin/departments", as: admin, contentType: "application/x-www-form-urlencoded",
                                             body: ByteBuffer(string: "_csrf=\(admin.csrf)&code=big-dept&name=\(big)"))
            #expect(form.status == .contentTooLarge)
            #expect(form.text.contains("上传的文件太大") || form.text.contains("too large"))
            // (A declared length over the cap, refused before the body is read: SlowClientTests, on a real socket.)
            let officer = try await client.signIn("officer")
            let upload = try await client.send("/api/v1/departments/tongnan-xinfang/versions?filename=b.yaml", as: officer,
                                               contentType: "application/x-yaml", body: ByteBuffer(string: big))
            #expect(upload.status == .contentTooLarge)
            #expect(try await store.department(code: "big-dept") == nil)
        }
    }

    @Test("passwords never reach the log: sign-in (JSON and form), a failed sign-in, creating a user")
    func passwordsNotLogged() async throws {
        let captured = CapturedLog()
        var logger = Logger(label: "yusuan.serve") { _ in CapturedLogHandler(log: captured) }
        logger.logLevel = .trace
        try await PortalHarness.run(logger: logger) { client, store in
            let newPassword = "Secret-New-User-Pw-7731"
            let wrongPassword = "Wrong-Password-Attempt-4419"
            let admin = try await client.signIn("admin")
            let created = try await client.send("/admin/users", as: admin, contentType: "application/x-www-form-urlencoded",
                                                body: ByteBuffer(string: "_csrf=\(admin.csrf)&username=newbie&password=\(newPassword)&role=reviewer"))
            #expect(created.status == .seeOther || created.status == .found)
            #expect(try await store.user(username: "newbie") != nil)
            _ = try await client.signIn("newbie", password: newPassword)
            let wrong = try await client.executeRequest(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                                        body: ByteBuffer(string: #"{"username":"newbie","password":"\#(wrongPassword)"}"#))
            #expect(wrong.status == .unauthorized)
            let loginPage = try await client.get("/login")
            let pre = try #require(loginPage.cookieValue("yusuan_login"))
            let token = try #require(loginPage.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
            let form = try await client.executeRequest(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "yusuan_login=\(pre)"],
                body: ByteBuffer(string: "_csrf=\(token)&username=newbie&password=\(newPassword)"))
            #expect(form.status == .seeOther || form.status == .found, "\(form.status)")
            let text = captured.text
            #expect(text.contains("request"), "the log was captured")
            for secret in [newPassword, wrongPassword, PortalHarness.password, "correct+horse+battery"] {
                #expect(!text.contains(secret), "the log holds a password")
            }
            // Nor the audit log.
            for entry in try await store.auditLog(limit: 1000) {
                #expect(!entry.detail.contains(newPassword) && !entry.target.contains(wrongPassword))
            }
        }
    }
}

/// Every log line (message and metadata) of the handlers made from it, kept in memory.
final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}

/// A log handler writing into a `CapturedLog`.
struct CapturedLogHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        log.append("\(event.level) \(event.message) \(all) \(event.error.map { String(describing: $0) } ?? "")")
    }
}
