import Hummingbird
import YusuanSource
import YusuanStore

/// The officer's pages: the upload form for their department, the upload itself (→ the draft page
/// with its findings), publishing a draft and deleting one. Admins may do the same for any department.
enum OfficerPages {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/upload") { request, context in
            let user = try context.requireRole(.officer, .admin)
            let code = request.uri.queryParameters.get("department")
            var department: DepartmentRecord?
            if user.role == .officer, let id = user.departmentID {
                department = try await services.store.department(id: id)
            } else if let code {
                department = try await services.department(code: code)
            }
            var data: [String: Any] = [:]
            if let department {
                data["department"] = ["code": department.code, "name": department.name]
            } else {
                data["choices"] = try await services.store.departments().map { ["code": $0.code, "name": $0.name] }
            }
            return render(data, context, services, status: .ok)
        }

        router.post("/departments/{code}/upload") { request, context in
            let department = try await services.department(code: context.parameters.get("code"))
            _ = try context.requireWriter(of: department)
            return try await services.audits.withTicket { ticket in
                let form = try await request.form(limit: services.configuration.uploadLimit)
                try context.requireCSRF(request, form: form)
                let files = form.files.filter { $0.name == "source" }.map { UploadedFile(name: $0.filename ?? "upload", data: $0.body) }
                switch try await Uploads.store(files, department: department, context: context, services: services, ticket: ticket) {
                case .stored(let version):
                    return Views.redirect("/versions/\(version.id)")
                case .invalid(let problems):
                    let data: [String: Any] = ["department": ["code": department.code, "name": department.name],
                                               "problems": problems.map(problemData), "hasProblems": true]
                    return render(data, context, services, status: .unprocessableContent)
                }
            }
        }

        router.post("/versions/{id}/publish") { request, context in
            let (v, _) = try await services.writableVersion(id: context.parameters.get("id"), context: context)
            try context.requireCSRF(request, form: try await request.form(limit: 64 * 1024))
            let published = try await Uploads.publish(v, context: context, services: services)
            return Views.redirect("/versions/\(published.id)")
        }

        router.post("/versions/{id}/delete") { request, context in
            let (v, department) = try await services.writableVersion(id: context.parameters.get("id"), context: context)
            try context.requireCSRF(request, form: try await request.form(limit: 64 * 1024))
            try await Uploads.deleteDraft(v, context: context, services: services)
            return Views.redirect("/departments/\(department.code)")
        }
    }

    static func render(_ data: [String: Any], _ context: PortalContext, _ services: PortalServices, status: HTTPResponse.Status) -> Response {
        var data = data
        data["limitMB"] = String(services.configuration.uploadLimit / 1_048_576)
        return Views.render(Page(template: "upload", title: context.language.text("upload_title"), data: data),
                            context: context, services: services, status: status)
    }

    static func problemData(_ p: SourceProblem) -> [String: Any] {
        ["severity": p.severity.rawValue, "place": p.position?.description ?? p.path, "kind": p.kind.rawValue, "message": p.message]
    }
}
