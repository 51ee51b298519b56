import Hummingbird
import YusuanCore
import YusuanRender
import YusuanStore

/// A version's disclosure: the tables in the official layout and the narrative, the charts, the
/// findings and the downloads; for a draft its writer also sees the publish button.
enum VersionPage {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/versions/{id}") { _, context in
            let lang = context.language
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            guard let d = try await services.store.department(id: v.departmentID) else { throw PortalError.notFound("department") }
            let disclosure = try await services.disclosure(of: v)
            let findings = try await services.store.findings(versionID: v.id)
            var data = header(v, d, lang: lang)
            data["disclosureHTML"] = DisclosureHTML.body(disclosure)
            data["charts"] = try await charts(disclosure, v, services: services, lang: lang)
            data["findings"] = findings.prefix(200).map { findingData($0, lang: lang) }
            data["hasFindings"] = !findings.isEmpty
            data["moreFindings"] = findings.count > 200
            data["canPublish"] = v.status == .draft && context.canWrite(d.id)
            data["publishBlocked"] = v.errors > 0
            data["downloads"] = Downloads.files.map { ["name": $0.name, "label": lang.text($0.label), "href": "/versions/\(v.id)/download/\($0.name)"] }
            return Views.render(Page(template: "version", title: disclosure.title, data: data), context: context, services: services)
        }
    }

    /// What every page about one version heads with.
    static func header(_ v: VersionRecord, _ d: DepartmentRecord, lang: UILanguage) -> [String: Any] {
        ["version": Views.versionData(v, lang: lang), "department": ["code": d.code, "name": d.name, "region": d.region]]
    }

    static func findingData(_ f: FindingRecord, lang: UILanguage) -> [String: Any] {
        ["rule": f.ruleID, "severity": f.severity, "severityLabel": lang.text("severity_" + f.severity),
         "message": f.message, "location": f.location]
    }

    /// The three charts: expenditure by 功能类, basic vs project, 三公 over the years.
    static func charts(_ d: Disclosure, _ v: VersionRecord, services: PortalServices, lang: UILanguage) async throws -> [[String: Any]] {
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
        for other in try await services.publishedByYear(departmentID: v.departmentID) where other.id != v.id {
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
