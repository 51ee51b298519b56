import Foundation
import Testing
@testable import YusuanServer

@Suite("Findings in the reader's language")
struct FindingLanguageTests {
    /// As the templates escape text.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test("an upload's findings keep both messages: the API gives both, the pages the one of their language",
          arguments: PortalHarness.backends)
    func bothLanguages(postgres: Bool) async throws {
        try await PortalHarness.run(postgres: postgres) { client, _ in
            let officer = try await client.signIn("officer")
            let body = MultipartBody.make(fields: [("_csrf", officer.csrf)],
                                          files: [("source", "budget.yaml", Data(try PortalHarness.erroneousYAML().utf8))])
            let r = try await client.send("/departments/tongnan-xinfang/upload", as: officer, csrf: "", contentType: MultipartBody.contentType, body: body)
            #expect(r.status == .seeOther)
            let id = try #require(r.headers[.location].flatMap { Int64($0.replacingOccurrences(of: "/versions/", with: "")) })
            let api = try await client.get("/api/v1/versions/\(id)/findings", as: officer)
            let findings = try #require(try api.json()["findings"] as? [[String: Any]])
            let first = try #require(findings.first)
            let chinese = try #require(first["message"] as? String)
            let english = try #require(first["message_en"] as? String)
            #expect(!english.isEmpty && english != chinese)
            for path in ["/versions/\(id)", "/versions/\(id)/audit"] {
                let zh = try await client.get(path, as: officer).text
                let en = try await client.get(path + "?lang=en", as: officer).text
                #expect(zh.contains(Self.escaped(chinese)) && !zh.contains(Self.escaped(english)), "\(path) in Chinese")
                #expect(en.contains(Self.escaped(english)) && !en.contains(Self.escaped(chinese)), "\(path) in English")
            }
        }
    }
}
