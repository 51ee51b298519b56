import Hummingbird
import YusuanStore

/// The home page: every department with its years and status, and a chart of their expenditure.
enum HomePage {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/") { _, context in try await render(context, services) }
    }

    static func render(_ context: PortalContext, _ services: PortalServices) async throws -> Response {
        let lang = context.language
        var rows: [[String: Any]] = []
        var totals: [ChartBar] = []
        let staff = context.user.map { $0.role != .officer } ?? false
        for status in try await services.store.departmentStatuses() {
            let d = status.department
            let visible = try await services.visibleVersions(of: d, context: context)
            let years = Array(Set(visible.map(\.year))).sorted(by: >).map { year -> [String: Any] in
                let v = visible.first { $0.year == year }
                return ["year": String(year), "id": v.map { String($0.id) } ?? ""]
            }
            let shown = staff || context.canSeeDrafts(of: d.id) ? status.latest : status.latestPublished
            var row: [String: Any] = ["code": d.code, "name": d.name, "region": d.region, "years": years, "hasYears": !years.isEmpty]
            if let shown { row["latest"] = Views.versionData(shown, lang: lang) }
            rows.append(row)
            if let published = status.latestPublished, totals.count < 30 {
                let disclosure = try await services.disclosure(of: published)
                let sum = ChartData.byFunction(disclosure).reduce(Int64(0)) { $0 + $1.fen }
                if sum > 0 { totals.append(ChartBar(label: "\(d.name) \(published.year)", fen: sum)) }
            }
        }
        var data: [String: Any] = ["departments": rows, "hasDepartments": !rows.isEmpty]
        if !totals.isEmpty {
            data["chartHTML"] = SVGChart.bars(totals, title: lang.text("chart_departmentTotals"), unit: lang.text("unit_wan"))
        }
        return Views.render(Page(template: "home", title: lang.text("home_title"), data: data), context: context, services: services)
    }
}
