import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanServer
import YusuanStore

/// SQL injection and path traversal in every route parameter and query parameter: each gets 400 or 404
/// (a query parameter the route ignores leaves the page as it is), never 500, never a file from disk,
/// and the store is intact afterwards.
@Suite("Hostile route and query parameters")
struct HostileParameterTests {
    /// Hostile values, percent-encoded where a URI needs it.
    static let payloads: [String] = [
        "'%3B%20DROP%20TABLE%20versions%3B--", "1%20OR%201%3D1", "1'%20OR%20'1'%3D'1", "1%3B%20DELETE%20FROM%20users",
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5C..%5Cwindows%5Cwin.ini", "%252e%252e%252f",
        "%c0%ae%c0%ae%2f", "a%00b", "%00", "-1", "99999999999999999999999", "0x10", "1e3",
        String(repeating: "a", count: 5000), String(repeating: "%e9%a2%84", count: 2000),
    ]

    /// Every route with a path parameter, the parameter written as {}.
    static let pathTemplates: [String] = [
        "/departments/{}", "/departments/{}/compare", "/versions/{}", "/versions/{}/audit", "/versions/{}/changes",
        "/versions/1/download/{}", "/versions/{}/download/disclosure.json", "/static/{}",
        "/api/v1/departments/{}", "/api/v1/departments/{}/versions", "/api/v1/versions/{}", "/api/v1/versions/{}/disclosure",
        "/api/v1/versions/{}/figures", "/api/v1/versions/{}/findings", "/api/v1/versions/{}/changes",
    ]

    /// Routes whose query parameters name things: hostile values must be refused.
    static let queryTemplates: [String] = [
        "/api/v1/compare?before={}&after=1", "/api/v1/compare?before=1&after={}",
        "/departments/tongnan-xinfang/compare?before={}&after=1", "/departments/tongnan-xinfang/compare?before=1&after={}",
        "/upload?department={}",
    ]

    /// Routes whose query parameters only choose a presentation: a hostile value is ignored.
    static let ignoredQueryTemplates: [String] = [
        "/?lang={}", "/departments/tongnan-xinfang?lang={}", "/api/v1/departments?lang={}", "/login?next={}",
        "/departments/tongnan-xinfang/compare?changed={}",
    ]

    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func fingerprint(_ store: any YusuanStore) async throws -> [String] {
        var lines: [String] = []
        for d in try await store.departments() {
            lines.append("department \(d.id) \(d.code) \(d.name)")
            for v in try await store.versions(departmentID: d.id) {
                lines.append("version \(v.id) \(v.status) figures \(try await store.figures(versionID: v.id).count) findings \(try await store.findings(versionID: v.id).count)")
            }
        }
        lines += try await store.users().map { "user \($0.username) \($0.role)" }
        return lines
    }

    @Test("every path and query parameter: 400 or 404, never 500 nor a file, and the store unchanged",
          .timeLimit(.minutes(5)))
    func hostileParameters() async throws {
        try await PortalHarness.run { client, store in
            let admin = try await client.signIn("admin")
            let before = try await Self.fingerprint(store)
            for payload in Self.payloads {
                for template in Self.pathTemplates + Self.queryTemplates {
                    let uri = template.replacingOccurrences(of: "{}", with: payload)
                    for session in [Session.anonymous, admin] {
                        let r = try await client.get(uri, as: session)
                        // Routes for signed-in users refuse the anonymous before looking at parameters.
                        let refused = r.status == .notFound || r.status == .badRequest || (session.cookie.isEmpty && r.status == .unauthorized)
                        #expect(refused, "\(uri.prefix(120)): \(r.status)")
                        #expect(!r.text.contains("root:x:0:0"), "\(uri.prefix(120)) shows a file from disk")
                    }
                }
                for template in Self.ignoredQueryTemplates {
                    let uri = template.replacingOccurrences(of: "{}", with: payload)
                    let r = try await client.get(uri, as: admin)
                    #expect(r.status.code < 500, "\(uri.prefix(120)): \(r.status)")
                    #expect(r.status != .found || !(r.headers[.location] ?? "").contains("etc"), "\(uri.prefix(120)) redirects off the site")
                }
                // Writes aimed at hostile names and ids.
                for template in ["/api/v1/versions/{}/publish", "/versions/{}/publish", "/departments/{}/upload",
                                 "/api/v1/departments/{}/versions?filename=b.yaml"] {
                    let uri = template.replacingOccurrences(of: "{}", with: payload)
                    let body = template.hasPrefix("/versions") ? ByteBuffer(string: "_csrf=\(admin.csrf)") : ByteBuffer(string: "department: x\n")
                    let type = template.hasPrefix("/versions") ? "application/x-www-form-urlencoded" : "application/x-yaml"
                    let r = try await client.send(uri, as: admin, contentType: type, body: body)
                    #expect(r.status == .notFound || r.status == .badRequest, "POST \(uri.prefix(120)): \(r.status)")
                }
            }
            #expect(try await Self.fingerprint(store) == before)
        }
    }

    @Test("hostile upload file names and form fields are stored as text, never used as paths")
    func hostileFileNamesAndFields() async throws {
        try await PortalHarness.run { client, store in
            let officer = try await client.signIn("officer")
            let yaml = try PortalHarness.correctedYAML()
            for name in ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "a\u{0}b.yaml", "'; DROP TABLE versions;--.yaml",
                         String(repeating: "长", count: 3000) + ".yaml"] {
                let encoded = name.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "x"
                let r = try await client.send("/api/v1/departments/tongnan-xinfang/versions?filename=\(encoded)", as: officer,
                                              contentType: "application/x-yaml", body: ByteBuffer(string: yaml))
                #expect(r.status == .created, "\(name.prefix(40)): \(r.status) \(r.text.prefix(200))")
                let version = try #require(try r.json()["version"] as? [String: Any])
                let id = try #require((version["id"] as? NSNumber)?.int64Value)
                let stored = try #require(try await store.version(id: id))
                #expect(!stored.sourceName.contains("/"))
                #expect(stored.sourceName.count <= 200)
                let source = try await client.get("/versions/\(id)/download/source.yaml", as: officer)
                #expect(source.status == .ok)
                #expect(!source.text.contains("root:x:0:0"))
            }
            // Hostile form fields of the admin forms are refused with 400, never 500.
            let admin = try await client.signIn("admin")
            let departments = try await store.departments().count
            for (field, value) in [("code", "'; DROP TABLE departments;--"), ("code", "../../etc"), ("code", "a%00b"),
                                   ("code", String(repeating: "a", count: 5000))] {
                let r = try await client.send("/admin/departments", as: admin, contentType: "application/x-www-form-urlencoded",
                                              body: ByteBuffer(string: "_csrf=\(admin.csrf)&\(field)=\(value)&name=N"))
                #expect(r.status == .badRequest || r.status == .unprocessableContent, "\(field)=\(value.prefix(40)): \(r.status)")
            }
            #expect(try await store.departments().count == departments)
            let users = try await client.send("/admin/users", as: admin, contentType: "application/x-www-form-urlencoded",
                                              body: ByteBuffer(string: "_csrf=\(admin.csrf)&username=x%27%3B%20DROP%20TABLE%20users%3B--&password=long+enough+pw&role=root"))
            #expect(users.status.code >= 400 && users.status.code < 500, "\(users.status)")
            #expect(try await store.users().count == 4)
        }
    }
}
