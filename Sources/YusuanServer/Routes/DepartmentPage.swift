import Hummingbird
import YusuanStore

/// A department: its versions by year and phase (the history), and the form to compare two of them.
enum DepartmentPage {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/departments/{code}") { _, context in
            let lang = context.language
            let d = try await services.department(code: context.parameters.get("code"))
            let versions = try await services.visibleVersions(of: d, context: context)
            let rows = versions.map { Views.versionData($0, lang: lang) }
            var data: [String: Any] = ["department": ["code": d.code, "name": d.name, "region": d.region],
                                       "versions": rows, "hasVersions": !rows.isEmpty, "canCompare": versions.count >= 2,
                                       "canUpload": context.canWrite(d.id)]
            let published = try await services.publishedByYear(departmentID: d.id)
            if published.count >= 2 {
                data["compareBefore"] = String(published[published.count - 2].id)
                data["compareAfter"] = String(published[published.count - 1].id)
            }
            data["options"] = versions.map { v in
                ["id": String(v.id), "label": "\(v.year) \(Views.phaseLabel(v.phase, lang: lang)) v\(v.number) · \(Views.statusLabel(v, lang: lang))"]
            }
            return Views.render(Page(template: "department", title: d.name, data: data), context: context, services: services)
        }
    }
}
