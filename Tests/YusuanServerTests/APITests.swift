import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanRender
import YusuanServer
import YusuanStore

/// The JSON API returns the documented shapes; the OpenAPI document covers exactly the routes.
@Suite("JSON API")
struct APITests {
    @Test("departments, versions, a version, its disclosure, figures and findings")
    func readRoutes() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let departments = try #require(try await client.get("/api/v1/departments").json()["departments"] as? [[String: Any]])
            #expect(departments.contains { $0["code"] as? String == "tongnan-xinfang" && $0["name"] as? String == "重庆市潼南区信访办公室" })
            let department = try await client.get("/api/v1/departments/tongnan-xinfang").json()
            #expect(department["region"] as? String == "重庆市潼南区")
            let versions = try #require(try await client.get("/api/v1/departments/tongnan-xinfang/versions").json()["versions"] as? [[String: Any]])
            #expect(versions.count == 1)
            #expect(versions.first?["status"] as? String == "published")
            let version = try await client.get("/api/v1/versions/\(v.id)").json()
            #expect(version["year"] as? Int == 2022)
            #expect(version["number"] as? Int == 1)
            #expect(version["department"] as? String == "tongnan-xinfang")
            let disclosure = try await client.get("/api/v1/versions/\(v.id)/disclosure").json()
            #expect((disclosure["tables"] as? [Any])?.isEmpty == false)
            let figures = try #require(try await client.get("/api/v1/versions/\(v.id)/figures").json()["figures"] as? [[String: Any]])
            #expect(figures.contains { ($0["table"] as? String)?.contains("部门收支总表") == true && ($0["fen"] as? Int) == 951_810_000 })
            let findings = try await client.get("/api/v1/versions/\(v.id)/findings").json()
            #expect(findings["findings"] is [Any])
            #expect(findings["errors"] as? Int == v.errors)
            let compare = try await client.get("/api/v1/compare?before=\(v.id)&after=\(v.id)").json()
            let changes = try #require(compare["changes"] as? [[String: Any]])
            #expect(!changes.isEmpty && changes.allSatisfy { $0["change_fen"] as? Int == 0 })
            let missing = try await client.get("/api/v1/versions/999999")
            #expect(missing.status == .notFound)
            let error = try #require(try missing.json()["error"] as? [String: Any])
            #expect(error["status"] as? Int == 404)
        }
    }

    @Test("the API sends the disclosure compact; the download is the same disclosure indented, as yusuan build writes it")
    func disclosureLayouts() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let api = try await client.get("/api/v1/versions/\(v.id)/disclosure")
            let download = try await client.get("/versions/\(v.id)/download/disclosure.json")
            #expect(api.status == .ok && download.status == .ok)
            #expect(!api.text.contains("\n  "))
            #expect(download.text.contains("\n  \"tables\" : ["))
            #expect(api.text.utf8.count * 2 < download.text.utf8.count)
            // The same disclosure: the API's JSON read back and written indented is the download, byte for byte.
            let fromAPI = try DisclosureJSON.read(Data(api.body.readableBytesView))
            #expect(DisclosureJSON.render(fromAPI) == download.text)
            #expect(DisclosureJSON.render(fromAPI, layout: .compact) == api.text)
        }
    }

    @Test("drafts are hidden from the public API and shown to their officer")
    func draftVisibility() async throws {
        try await PortalHarness.run { client, _ in
            let officer = try await client.signIn("officer")
            let body = ByteBuffer(string: try PortalHarness.correctedYAML())
            let r = try await client.send("/api/v1/departments/tongnan-xinfang/versions?filename=budget.yaml", as: officer,
                                          contentType: "application/x-yaml", body: body)
            #expect(r.status == .created)
            let version = try #require(try r.json()["version"] as? [String: Any])
            let id = try #require(version["id"] as? Int)
            #expect(version["status"] as? String == "draft")
            #expect(try await client.get("/api/v1/versions/\(id)").status == .notFound)
            #expect(try await client.get("/api/v1/versions/\(id)", as: officer).status == .ok)
            let publicList = try #require(try await client.get("/api/v1/departments/tongnan-xinfang/versions").json()["versions"] as? [Any])
            #expect(publicList.count == 1)
        }
    }

    @Test("every registered API route is documented and every documented route is registered")
    func openAPICoverage() async throws {
        let store = try YusuanStoreSQLiteFactory.make()
        let router = try await Portal.router(store: store, configuration: PortalHarness.configuration(), logger: Portal.logger(level: .warning))
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" }
            .filter { $0.contains(" /api/") || $0.hasSuffix(" /health") })
        let document = try #require(try JSONSerialization.jsonObject(with: Portal.openAPIDocument()) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(!registered.isEmpty)
        #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented))")
        #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered))")
        // And the served document is the same.
        let pathCount = paths.count
        try await PortalHarness.run { client, _ in
            let served = try await client.get("/api/v1/openapi.json").json()
            #expect((served["paths"] as? [String: Any])?.count == pathCount)
        }
    }
}

import YusuanStoreSQLite

enum YusuanStoreSQLiteFactory {
    static func make() throws -> any YusuanStore { try SQLiteStore.inMemory() }
}
