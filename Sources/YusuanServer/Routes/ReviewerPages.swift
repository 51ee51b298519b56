import Hummingbird
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanStore

/// The finance bureau reviewer's dashboard: every department's status (draft / has errors / clean /
/// published), which rules fail most, and the audit of an uploaded document without storing it.
enum ReviewerPages {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/review") { _, context in
            _ = try context.requireRole(.reviewer, .admin)
            return try await dashboard(context, services, data: [:], status: .ok)
        }

        router.post("/review/audit") { request, context in
            _ = try context.requireRole(.reviewer, .admin)
            return try await services.audits.withTicket { ticket in
                let form = try await request.form(limit: services.configuration.uploadLimit)
                try context.requireCSRF(request, form: form)
                guard let file = form.files.first(where: { $0.name == "document" }) else {
                    throw PortalError.badRequest(zh: "请选择要审核的公开文件。", en: "Choose a published document to audit.")
                }
                let upload = UploadedFile(name: file.filename ?? "upload", data: file.body)
                switch await ticket.run({ DocumentAuditor.result(upload) }) {
                case .success(let report):
                    return reportPage(report, fileName: upload.name, context: context, services: services)
                case .failure(let error):
                    let message = context.language == .zh ? "无法读取该文件：\(error.message)" : "Cannot read the file: \(error.message)"
                    return try await dashboard(context, services, data: ["auditError": message], status: .unprocessableContent)
                }
            }
        }
    }

    static func dashboard(_ context: PortalContext, _ services: PortalServices, data: [String: Any],
                          status: HTTPResponse.Status) async throws -> Response {
        let lang = context.language
        var data = data
        var counts: [String: Int] = ["none": 0, "errors": 0, "clean": 0, "published": 0]
        var rows: [[String: Any]] = []
        for s in try await services.store.departmentStatuses() {
            let state = Views.reviewState(s.latest)
            counts[state, default: 0] += 1
            var row: [String: Any] = ["code": s.department.code, "name": s.department.name, "state": state,
                                      "stateLabel": lang.text("state_" + state)]
            if let latest = s.latest { row["latest"] = Views.versionData(latest, lang: lang) }
            if let published = s.latestPublished { row["published"] = Views.versionData(published, lang: lang) }
            rows.append(row)
        }
        data["departments"] = rows
        data["counts"] = counts.mapValues { String($0) }
        let tallies = try await services.store.ruleTallies()
        data["tallies"] = tallies.prefix(30).map {
            ["rule": $0.ruleID, "severity": $0.severity, "severityLabel": lang.text("severity_" + $0.severity),
             "findings": String($0.findings), "departments": String($0.departments)]
        }
        data["hasTallies"] = !tallies.isEmpty
        data["limitMB"] = String(services.configuration.uploadLimit / 1_048_576)
        return Views.render(Page(template: "review", title: lang.text("review_title"), data: data), context: context,
                            services: services, status: status)
    }

    /// The report of a document audited without storing it.
    static func reportPage(_ report: AuditReport, fileName: String, context: PortalContext, services: PortalServices) -> Response {
        let lang = context.language
        let d = report.disclosure
        let groups = FindingGroups.grouped(report).map { g -> [String: Any] in
            ["table": g.title ?? lang.text("audit_wholeDocument"),
             "findings": g.findings.map { f -> [String: Any] in
                 ["rule": f.rule, "severity": f.severity.rawValue, "severityLabel": lang.text("severity_" + f.severity.rawValue),
                  "message": lang == .zh ? f.message : f.messageEnglish,
                  "location": [f.location.row, f.location.column.map { (lang == .zh ? "列 " : "column ") + $0 }]
                      .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")]
             }]
        }
        let data: [String: Any] = [
            "fileName": DocumentAuditor.displayName(fileName), "documentTitle": d.title, "departmentName": d.department ?? "",
            "year": d.year.map(String.init) ?? "", "tables": String(d.tables.count), "profile": report.profile?.id ?? "",
            "errors": String(report.count(.error)), "warnings": String(report.count(.warning)), "notices": String(report.count(.notice)),
            "groups": groups, "hasFindings": !report.findings.isEmpty,
            "summary": AuditTextReport.summary(report, zh: lang == .zh),
        ]
        return Views.render(Page(template: "report", title: lang.text("report_title") + " · " + d.title, data: data),
                            context: context, services: services)
    }
}
