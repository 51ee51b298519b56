import Hummingbird
import YusuanStore

/// A version's audit report: its findings grouped by table, with the counts.
enum AuditPages {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/versions/{id}/audit") { _, context in
            let lang = context.language
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            guard let d = try await services.store.department(id: v.departmentID) else { throw PortalError.notFound("department") }
            let findings = try await services.store.findings(versionID: v.id)
            var data = VersionPage.header(v, d, lang: lang)
            data["groups"] = groups(findings, lang: lang)
            data["hasFindings"] = !findings.isEmpty
            let title = lang.text("audit_title") + " · " + d.name + " \(v.year)"
            return Views.render(Page(template: "audit", title: title, data: data), context: context, services: services)
        }
    }

    /// Findings grouped by the table their location names (the part before the first " · ").
    static func groups(_ findings: [FindingRecord], lang: UILanguage) -> [[String: Any]] {
        var order: [String] = []
        var byTable: [String: [[String: Any]]] = [:]
        for f in findings {
            let table = f.location.split(separator: " · ", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if byTable[table] == nil { order.append(table) }
            byTable[table, default: []].append(VersionPage.findingData(f, lang: lang))
        }
        return order.map { ["table": $0.isEmpty ? lang.text("audit_wholeDocument") : $0, "findings": byTable[$0] ?? []] }
    }
}
