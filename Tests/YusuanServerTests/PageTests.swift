import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import YusuanServer
import YusuanStore

/// Every public page renders the bundled example: tables in the official layout, SVG charts, findings.
@Suite("Portal pages")
struct PageTests {
    @Test("home lists the example department with its year, status and a chart")
    func home() async throws {
        try await PortalHarness.run { client, _ in
            let r = try await client.get("/")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(r.text.contains("重庆市潼南区信访办公室"))
            #expect(r.text.contains("2022"))
            #expect(r.text.contains("已公开"))
            #expect(r.text.contains("<svg"))
            #expect(r.text.contains("<html lang=\"zh-CN\">"))
            #expect(!r.text.contains("<script"))
        }
    }

    @Test("?lang=en switches to English and a cookie remembers it")
    func english() async throws {
        try await PortalHarness.run { client, _ in
            let r = try await client.get("/?lang=en")
            #expect(r.text.contains("Departmental budgets"))
            #expect(r.text.contains("<html lang=\"en\">"))
            let lang = try #require(r.cookieValue("yusuan_lang"))
            #expect(lang == "en")
            let again = try await client.get("/", headers: [.cookie: "yusuan_lang=en"])
            #expect(again.text.contains("Departmental budgets"))
        }
    }

    @Test("the disclosure page shows the official tables, the narrative, three SVG charts, findings and downloads")
    func disclosure() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let r = try await client.get("/versions/\(v.id)")
            #expect(r.status == .ok)
            let html = r.text
            #expect(html.contains("部门收支总表"))
            #expect(html.contains("一般公共预算财政拨款支出预算表"))
            #expect(html.contains("<table>"))
            #expect(html.contains("class=\"disclosure\""))
            #expect(html.components(separatedBy: "<svg").count - 1 == 3)
            #expect(html.contains("按功能分类（类）的支出"))
            #expect(html.contains("201 一般公共服务支出"))
            #expect(html.contains("“三公”经费历年预算"))
            #expect(html.contains("id=\"findings\""))
            #expect(html.contains("/versions/\(v.id)/download/disclosure.xlsx"))
            #expect(html.contains("/static/disclosure.css"))
        }
    }

    @Test("every download is served with its type")
    func downloads() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let xlsx = try await client.get("/versions/\(v.id)/download/disclosure.xlsx")
            #expect(xlsx.status == .ok)
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B])
            #expect(xlsx.headers[.contentDisposition]?.contains("attachment") == true)
            let csv = try await client.get("/versions/\(v.id)/download/budget-lines.csv")
            #expect(csv.status == .ok && csv.text.contains(","))
            let package = try await client.get("/versions/\(v.id)/download/datapackage.json")
            #expect(package.text.contains("budget-lines.csv"))
            let text = try await client.get("/versions/\(v.id)/download/disclosure.txt")
            #expect(text.text.contains("部门收支总表"))
            let json = try await client.get("/versions/\(v.id)/download/disclosure.json")
            #expect(json.text.contains("\"tables\""))
            let missing = try await client.get("/versions/\(v.id)/download/..%2F..%2Fetc%2Fpasswd")
            #expect(missing.status == .notFound)
        }
    }

    @Test("the audit report, department and changes pages render")
    func otherPages() async throws {
        try await PortalHarness.run { client, store in
            let v = try await exampleVersion(store)
            let audit = try await client.get("/versions/\(v.id)/audit")
            #expect(audit.status == .ok)
            #expect(audit.text.contains("审核报告"))
            let department = try await client.get("/departments/tongnan-xinfang")
            #expect(department.status == .ok)
            #expect(department.text.contains("v1"))
            let changes = try await client.get("/versions/\(v.id)/changes")
            #expect(changes.status == .ok)
            #expect(changes.text.contains("这是该年度的第一个版本"))
            let missing = try await client.get("/departments/nowhere")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("未找到"))
        }
    }

    @Test("the year comparison sets two versions side by side with change and rate")
    func comparison() async throws {
        try await PortalHarness.run { client, store in
            let v1 = try await exampleVersion(store)
            let officer = try await client.signIn("officer")
            let v2 = try await uploadCorrection(client, officer)
            let r = try await client.get("/departments/tongnan-xinfang/compare?before=\(v1.id)&after=\(v2)", as: officer)
            #expect(r.status == .ok)
            #expect(r.text.contains("class=\"changed\""))
            #expect(r.text.contains("+1.00"))
            #expect(r.text.contains("%"))
            // Figures are grouped under their table's heading; ?changed=1 keeps the changed ones only.
            #expect(r.text.contains("<tr class=\"group\">"))
            let changedOnly = try await client.get("/departments/tongnan-xinfang/compare?before=\(v1.id)&after=\(v2)&changed=1", as: officer)
            #expect(changedOnly.status == .ok)
            #expect(changedOnly.text.contains("class=\"changed\""))
            #expect(!changedOnly.text.contains("<tr><td>"), "every row shown is a changed one")
            // With only one published year there is nothing to compare by default: a clear 404.
            let none = try await client.get("/departments/tongnan-xinfang/compare")
            #expect(none.status == .notFound)
            #expect(none.text.contains("只有一个年度"))
        }
    }

    @Test("stylesheets are served; the disclosure's is scoped to .disclosure")
    func stylesheets() async throws {
        try await PortalHarness.run { client, _ in
            let portal = try await client.get("/static/portal.css")
            #expect(portal.status == .ok && portal.headers[.contentType]?.hasPrefix("text/css") == true)
            let disclosure = try await client.get("/static/disclosure.css")
            #expect(disclosure.text.contains(".disclosure table"))
            #expect(!disclosure.text.contains("\nhtml {"))
            let print = try await client.get("/static/print.css")
            #expect(print.status == .ok)
        }
    }

    @Test("/health answers ok, echoes the request id, and every response carries the security headers")
    func health() async throws {
        try await PortalHarness.run { client, _ in
            let r = try await client.get("/health", headers: [HeaderName("X-Request-Id")!: "test-request-0001"])
            #expect(r.status == .ok)
            #expect(try r.json()["status"] as? String == "ok")
            #expect(r.headers[HeaderName("X-Request-Id")!] == "test-request-0001")
            let csp = try #require(r.headers[.contentSecurityPolicy])
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("script-src"))
            #expect(csp.contains("default-src 'none'"))
            #expect(r.headers[.xContentTypeOptions] == "nosniff")
            #expect(r.headers[HeaderName("Referrer-Policy")!] != nil)
            let generated = try await client.get("/health")
            #expect((generated.headers[HeaderName("X-Request-Id")!] ?? "").count >= 8)
        }
    }
}

func exampleVersion(_ store: any YusuanStore) async throws -> VersionRecord {
    let d = try #require(try await store.department(code: "tongnan-xinfang"))
    return try #require(try await store.versions(departmentID: d.id).first)
}

/// Uploads the corrected example as the officer through the form; returns the new version's id.
func uploadCorrection(_ client: any TestClientProtocol, _ session: Session, department: String = "tongnan-xinfang") async throws -> Int64 {
    let body = MultipartBody.make(fields: [("_csrf", session.csrf)],
                                  files: [("source", "budget.yaml", Data(try PortalHarness.correctedYAML().utf8))])
    let r = try await client.send("/departments/\(department)/upload", as: session, csrf: "", contentType: MultipartBody.contentType, body: body)
    #expect(r.status == .seeOther, "upload: \(r.text.prefix(500))")
    let location = try #require(r.headers[.location])
    return try #require(Int64(location.replacingOccurrences(of: "/versions/", with: "")))
}

@Suite("Year comparison of the bundled fictional department")
struct YearComparisonTests {
    @Test("by default the two latest published years are compared, every figure with its change and rate")
    func latestYears() async throws {
        try await PortalHarness.run { client, _ in
            let department = try await client.get("/departments/fictional")
            #expect(department.status == .ok)
            #expect(department.text.contains("compare?before="))
            let r = try await client.get("/departments/fictional/compare")
            #expect(r.status == .ok)
            #expect(r.text.contains("2023 v1") && r.text.contains("2024 v1"))
            #expect(r.text.contains("class=\"changed\""))
            #expect(r.text.contains("%"))
            // 三公 over the years draws both years.
            let versions = try #require(try await client.get("/api/v1/departments/fictional/versions").json()["versions"] as? [[String: Any]])
            let newest = try #require(versions.first?["id"] as? Int)
            let page = try await client.get("/versions/\(newest)")
            #expect(page.text.contains(">2023</text>") && page.text.contains(">2024</text>"))
        }
    }
}
