import Hummingbird
import YusuanCore
import YusuanRender
import YusuanStore

/// A version's disclosure: the tables in the official layout and the narrative, the charts, the
/// findings and the downloads; for a draft its writer also sees the publish button.
enum VersionPage {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/versions/{id}") { request, context in
            let lang = context.language
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            let published = try await services.publishedByYear(departmentID: v.departmentID)
            // A reader who is not signed in sees only published versions, which never change, and nothing of
            // their own on the page: the whole page is kept per language and set of published years.
            let anonymous = context.user == nil && context.session == nil
            let pageKey = Self.pageKey(v, published: published, lang: lang)
            if anonymous, let kept = services.disclosures.response(id: v.id, key: pageKey) {
                return ConditionalGet.respond(to: request, with: kept, contentType: Views.htmlType, cacheControl: ConditionalGet.pageCacheControl)
            }
            guard let d = try await services.store.department(id: v.departmentID) else { throw PortalError.notFound("department") }
            let disclosure = try await services.disclosure(of: v)
            var data = header(v, d, lang: lang)
            data["bodyHTML"] = try await body(v, disclosure, published: published, services: services, lang: lang)
            data["canPublish"] = v.status == .draft && context.canWrite(d.id)
            data["publishBlocked"] = v.errors > 0
            let html = Views.renderHTML(Page(template: "version", title: disclosure.title, data: data), context: context, services: services)
            let buffer = ByteBuffer(string: html)
            if anonymous {
                let kept = services.disclosures.keep(response: buffer, id: v.id, key: pageKey, disclosure: disclosure)
                return ConditionalGet.respond(to: request, with: kept, contentType: Views.htmlType, cacheControl: ConditionalGet.pageCacheControl)
            }
            return Views.html(buffer)
        }
    }

    /// The key an anonymous reader's whole page of version `v` is kept under (`KeptPages` looks it up the same way).
    static func pageKey(_ v: VersionRecord, published: [VersionRecord], lang: UILanguage) -> String {
        "page|" + signature(v, published: published, lang: lang)
    }

    /// What a version's kept page parts depend on besides the version: the language, its status and the
    /// department's published years (the 三公 chart draws on them).
    static func signature(_ v: VersionRecord, published: [VersionRecord], lang: UILanguage) -> String {
        "\(lang.tag)|\(v.status.rawValue)|" + published.map { String($0.id) }.joined(separator: ",")
    }

    /// The charts, findings, downloads and disclosure of a version: the same for every reader in one language,
    /// so rendered once per version, language and set of the department's published years (the 三公 chart
    /// draws on those) and kept with the version's disclosure.
    static func body(_ v: VersionRecord, _ disclosure: Disclosure, published: [VersionRecord], services: PortalServices,
                     lang: UILanguage) async throws -> String {
        let key = "version-body|" + signature(v, published: published, lang: lang)
        if let kept = services.disclosures.fragment(id: v.id, key: key) { return kept }
        let findings = try await services.store.findings(versionID: v.id)
        var data: [String: Any] = ["version": Views.versionData(v, lang: lang), "t": lang.strings]
        data["charts"] = try await charts(disclosure, v, published: published, services: services, lang: lang)
        data["findings"] = findings.prefix(200).map { findingData($0, lang: lang) }
        data["hasFindings"] = !findings.isEmpty
        data["moreFindings"] = findings.count > 200
        data["downloads"] = Downloads.files.map { ["name": $0.name, "label": lang.text($0.label), "href": "/versions/\(v.id)/download/\($0.name)"] }
        data["disclosureHTML"] = try await services.disclosureBody(of: v)
        let html = services.templates.render(data, withTemplate: "version-body") ?? ""
        services.disclosures.keep(fragment: html, id: v.id, key: key, disclosure: disclosure)
        return html
    }

    /// What every page about one version heads with.
    static func header(_ v: VersionRecord, _ d: DepartmentRecord, lang: UILanguage) -> [String: Any] {
        ["version": Views.versionData(v, lang: lang), "department": ["code": d.code, "name": d.name, "region": d.region]]
    }

    static func findingData(_ f: FindingRecord, lang: UILanguage) -> [String: Any] {
        ["rule": f.ruleID, "severity": f.severity, "severityLabel": lang.text("severity_" + f.severity),
         "message": lang == .en && !f.messageEnglish.isEmpty ? f.messageEnglish : f.message, "location": f.location]
    }

    /// The three charts: expenditure by 功能类, basic vs project, 三公 over the years.
    static func charts(_ d: Disclosure, _ v: VersionRecord, published: [VersionRecord], services: PortalServices,
                       lang: UILanguage) async throws -> [[String: Any]] {
        var charts: [[String: Any]] = []
        let unit = lang.text("unit_wan")
        let byFunction = ChartData.byFunction(d)
        if !byFunction.isEmpty {
            charts.append(["svgHTML": SVGChart.bars(byFunction, title: lang.text("chart_byFunction"), unit: unit)])
        }
        let split = ChartData.basicVersusProject(d, basic: lang.text("chart_basic"), project: lang.text("chart_project"))
        if !split.isEmpty {
            charts.append(["svgHTML": SVGChart.bars(split, title: lang.text("chart_basicProject"), unit: unit)])
        }
        // 三公 by year: this disclosure's own columns, then every other published year of the department.
        var years = ChartData.threePublicByYear(d)
        for other in published where other.id != v.id {
            let theirs = ChartData.threePublicByYear(try await services.disclosure(of: other))
            // A year's own disclosure is authoritative for that year; earlier years fill gaps only.
            for (year, fen) in theirs where year != v.year && (year == other.year || years[year] == nil) {
                years[year] = fen
            }
        }
        if !years.isEmpty {
            let bars = years.keys.sorted().map { ChartBar(label: String($0), fen: years[$0] ?? 0) }
            charts.append(["svgHTML": SVGChart.columns(bars, title: lang.text("chart_threePublic"), unit: unit)])
        }
        return charts
    }
}
