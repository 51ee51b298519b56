import Foundation
import Hummingbird
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanStore

/// The JSON API under /api/v1: the one list of routes, registered on the router and documented in
/// /api/v1/openapi.json from the same values.
enum APIRoutes {
    static let prefix = "/api/v1"

    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        for route in all {
            let handler = route.handler
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try await handler(request, context, services)
            }
        }
    }

    static let all: [APIRoute] = [
        APIRoute(method: .get, path: "/api/v1/departments", operationID: "listDepartments",
                 summary: "Every department (部门列表)", tag: "departments", access: .anyone,
                 success: (200, "DepartmentList")) { _, _, services in
            JSONResponse.make(["departments": try await services.store.departments().map(APIJSON.department)])
        },
        APIRoute(method: .post, path: "/api/v1/departments", operationID: "createDepartment",
                 summary: "Create a department (admin)", tag: "departments", access: .admin,
                 body: .json(schema: "NewDepartment"), success: (201, "Department")) { request, context, services in
            _ = try context.requireRole(.admin)
            try context.requireCSRF(request)
            let body = try await jsonObject(request)
            let d = try await AdminPages.createDepartment(code: body["code"] as? String, name: body["name"] as? String,
                                                          region: body["region"] as? String, context: context, services: services)
            return JSONResponse.make(APIJSON.department(d), status: .created)
        },
        APIRoute(method: .get, path: "/api/v1/departments/{code}", operationID: "getDepartment",
                 summary: "One department", tag: "departments", access: .anyone,
                 success: (200, "Department")) { _, context, services in
            JSONResponse.make(APIJSON.department(try await services.department(code: context.parameters.get("code"))))
        },
        APIRoute(method: .get, path: "/api/v1/departments/{code}/versions", operationID: "listVersions",
                 summary: "A department's versions, newest year first (drafts only for those who may see them)",
                 tag: "versions", access: .anyone, success: (200, "VersionList")) { _, context, services in
            let d = try await services.department(code: context.parameters.get("code"))
            let versions = try await services.visibleVersions(of: d, context: context)
            return JSONResponse.make(["versions": versions.map { APIJSON.version($0, department: d) }])
        },
        APIRoute(method: .post, path: "/api/v1/departments/{code}/versions", operationID: "uploadSource",
                 summary: "Upload a budget source (YAML, XLSX or CSV files): build, audit and store a draft",
                 tag: "versions", access: .departmentWriter,
                 query: [APIRoute.Query(name: "filename", description: "The file's name when the body is the raw file")],
                 body: .upload(field: "source"), success: (201, "UploadResult")) { request, context, services in
            let d = try await services.department(code: context.parameters.get("code"))
            _ = try context.requireWriter(of: d)
            return try await services.audits.withTicket { ticket in
                let (files, form) = try await uploadedFiles(request, field: "source", services: services)
                try context.requireCSRF(request, form: form)
                switch try await Uploads.store(files, department: d, context: context, services: services, ticket: ticket) {
                case .stored(let v):
                    let findings = try await services.store.findings(versionID: v.id)
                    return JSONResponse.make(["version": APIJSON.version(v, department: d), "findings": findings.map(APIJSON.finding)],
                                             status: .created)
                case .invalid(let problems):
                    return JSONResponse.make(["error": ["status": 422, "message": context.language.text("upload_invalid")],
                                              "problems": problems.map(APIJSON.problem)], status: .unprocessableContent)
                }
            }
        },
        APIRoute(method: .get, path: "/api/v1/versions/{id}", operationID: "getVersion",
                 summary: "One version", tag: "versions", access: .anyone, success: (200, "Version")) { _, context, services in
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            return JSONResponse.make(APIJSON.version(v, department: try await services.store.department(id: v.departmentID)))
        },
        APIRoute(method: .get, path: "/api/v1/versions/{id}/disclosure", operationID: "getDisclosure",
                 summary: "A version's disclosure (tables and narrative), as `yusuan build --format json` writes it",
                 tag: "versions", access: .anyone, success: (200, "Disclosure"), conditional: true) { request, context, services in
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            // A stored version never changes: a client revalidates with the entity tag and gets 304.
            return ConditionalGet.respond(to: request, with: try await services.disclosureJSON(of: v),
                                          contentType: JSONResponse.contentType, cacheControl: ConditionalGet.cacheControl(v))
        },
        APIRoute(method: .get, path: "/api/v1/versions/{id}/figures", operationID: "getFigures",
                 summary: "Every money figure a version prints, in 分", tag: "versions", access: .anyone,
                 success: (200, "FigureList")) { _, context, services in
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            return JSONResponse.make(["figures": try await services.store.figures(versionID: v.id).map(APIJSON.figure)])
        },
        APIRoute(method: .get, path: "/api/v1/versions/{id}/findings", operationID: "getFindings",
                 summary: "A version's audit findings", tag: "versions", access: .anyone,
                 success: (200, "FindingList")) { _, context, services in
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            return JSONResponse.make(["findings": try await services.store.findings(versionID: v.id).map(APIJSON.finding),
                                      "errors": v.errors, "warnings": v.warnings, "notices": v.notices])
        },
        APIRoute(method: .get, path: "/api/v1/versions/{id}/changes", operationID: "getChanges",
                 summary: "The figures changed since the previous version of the same year", tag: "versions", access: .anyone,
                 success: (200, "ChangeList")) { _, context, services in
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            guard let previous = try await services.previousVersion(of: v) else {
                return JSONResponse.make(["previous": NSNull(), "changes": [Any]()])
            }
            let changes = try await ComparisonPages.changed(from: previous, to: v, services: services)
            return JSONResponse.make(["previous": NSNumber(value: previous.id), "changes": changes.map(ComparisonPages.json)])
        },
        APIRoute(method: .post, path: "/api/v1/versions/{id}/publish", operationID: "publishVersion",
                 summary: "Publish a draft (it can never change afterwards)", tag: "versions", access: .departmentWriter,
                 success: (200, "Version")) { request, context, services in
            let (v, d) = try await services.writableVersion(id: context.parameters.get("id"), context: context)
            try context.requireCSRF(request)
            return JSONResponse.make(APIJSON.version(try await Uploads.publish(v, context: context, services: services), department: d))
        },
        APIRoute(method: .delete, path: "/api/v1/versions/{id}", operationID: "deleteDraft",
                 summary: "Delete a draft (a published version cannot be deleted: 409)", tag: "versions",
                 access: .departmentWriter, success: (204, nil)) { request, context, services in
            let (v, _) = try await services.writableVersion(id: context.parameters.get("id"), context: context)
            try context.requireCSRF(request)
            try await Uploads.deleteDraft(v, context: context, services: services)
            return Response(status: .noContent)
        },
        APIRoute(method: .get, path: "/api/v1/compare", operationID: "compareVersions",
                 summary: "Two versions side by side: every figure either prints, with the change and the rate",
                 tag: "versions", access: .anyone,
                 query: [APIRoute.Query(name: "before", description: "The earlier version's id", required: true),
                         APIRoute.Query(name: "after", description: "The later version's id", required: true)],
                 success: (200, "ChangeList")) { request, context, services in
            let q = request.uri.queryParameters
            let before = try await services.visibleVersion(id: q.get("before"), context: context)
            let after = try await services.visibleVersion(id: q.get("after"), context: context)
            let changes = FigureChanges.compare(try await services.disclosure(of: before), try await services.disclosure(of: after))
            return JSONResponse.make(["before": NSNumber(value: before.id), "after": NSNumber(value: after.id),
                                      "changes": changes.map(ComparisonPages.json)])
        },
        APIRoute(method: .post, path: "/api/v1/audit", operationID: "auditDocument",
                 summary: "Audit a published document (text, HTML, XLSX, PDF) without storing it (reviewer)",
                 tag: "audit", access: .reviewer,
                 query: [APIRoute.Query(name: "filename", description: "The file's name when the body is the raw file")],
                 body: .upload(field: "document"), success: (200, "AuditReport")) { request, context, services in
            _ = try context.requireRole(.reviewer, .admin)
            return try await services.audits.withTicket { ticket in
                let (files, form) = try await uploadedFiles(request, field: "document", services: services)
                try context.requireCSRF(request, form: form)
                guard let file = files.first else {
                    throw PortalError.badRequest(zh: "没有上传文件。", en: "No file was uploaded.")
                }
                let outcome = await ticket.run { DocumentAuditor.result(file) }
                switch outcome {
                case .success(let report):
                    let language: ReportLanguage = context.language == .zh ? .zh : .en
                    return JSONResponse.raw(Data(AuditJSONReport.render([report], language: language).utf8))
                case .failure(let error):
                    throw PortalError(.unprocessableContent, zh: "无法读取该文件：\(error.message)", en: "Cannot read the file: \(error.message)")
                }
            }
        },
        APIRoute(method: .get, path: "/api/v1/session", operationID: "getSession",
                 summary: "The signed-in user and the CSRF token writes must send", tag: "session", access: .signedIn,
                 success: (200, "Session")) { _, context, services in
            let user = try context.requireUser()
            return JSONResponse.make(try await sessionJSON(user, context.session?.csrfToken ?? "", services: services))
        },
        APIRoute(method: .post, path: "/api/v1/session", operationID: "signIn",
                 summary: "Sign in with a JSON body {username, password}; sets the session cookie", tag: "session",
                 access: .anyone, body: .json(schema: "Credentials"), success: (200, "Session")) { request, context, services in
            // JSON only: a cross-site form cannot send it without a CORS preflight.
            guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json") else {
                throw PortalError(.unsupportedMediaType, zh: "请以 application/json 发送。", en: "Send application/json.")
            }
            let body = try await jsonObject(request)
            let auth = Authenticator(services: services)
            let address = context.clientAddress(request, trustForwardedFor: services.configuration.trustForwardedFor)
            let signedIn = try await auth.signIn(username: body["username"] as? String ?? "", password: body["password"] as? String ?? "",
                                                 address: address)
            var response = JSONResponse.make(try await sessionJSON(signedIn.user, signedIn.session.csrfToken, services: services))
            response.setCookie(auth.sessionCookie(signedIn.token))
            return response
        },
        APIRoute(method: .delete, path: "/api/v1/session", operationID: "signOut",
                 summary: "Sign out", tag: "session", access: .signedIn, success: (204, nil)) { request, context, services in
            _ = try context.requireUser()
            try context.requireCSRF(request)
            let auth = Authenticator(services: services)
            try await auth.signOut(context)
            var response = Response(status: .noContent)
            response.setCookie(auth.clearedSessionCookie())
            return response
        },
        APIRoute(method: .get, path: "/api/v1/openapi.json", operationID: "openAPI",
                 summary: "This document (OpenAPI 3.1)", tag: "meta", access: .anyone,
                 success: (200, nil)) { _, _, _ in
            JSONResponse.make(OpenAPIDocument.build())
        },
        APIRoute(method: .get, path: "/health", operationID: "health",
                 summary: "Liveness and store check", tag: "meta", access: .anyone,
                 success: (200, "Health")) { _, context, services in
            do {
                _ = try await services.store.departments()
                return JSONResponse.make(["status": "ok", "store": "ok"])
            } catch {
                context.logger.error("health check: store failed", metadata: ["error": "\(error)"])
                return JSONResponse.make(["status": "error", "store": "unavailable"], status: .serviceUnavailable)
            }
        },
    ]

    static func sessionJSON(_ user: UserRecord, _ csrf: String, services: PortalServices) async throws -> [String: Any] {
        var d: DepartmentRecord?
        if let id = user.departmentID { d = try await services.store.department(id: id) }
        return ["user": APIJSON.user(user, department: d), "csrf_token": csrf]
    }

    /// A JSON object body (at most 64 KB).
    static func jsonObject(_ request: Request) async throws -> [String: Any] {
        let data = try await request.bodyData(limit: 64 * 1024)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw PortalError.badRequest(zh: "请求体须为 JSON 对象。", en: "The body must be a JSON object.")
        }
        return object
    }

    /// The uploaded files: the parts named `field` of a multipart body, or the raw body named by ?filename=.
    static func uploadedFiles(_ request: Request, field: String, services: PortalServices) async throws -> ([UploadedFile], FormFields?) {
        let type = (request.headers[.contentType] ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") {
            let form = try await request.form(limit: services.configuration.uploadLimit)
            let files = form.files.filter { $0.name == field }.map { UploadedFile(name: $0.filename ?? "upload", data: $0.body) }
            return (files, form)
        }
        let data = try await request.bodyData(limit: services.configuration.uploadLimit)
        let name = request.uri.queryParameters.get("filename") ?? "upload"
        return (data.isEmpty ? [] : [UploadedFile(name: name, data: data)], nil)
    }
}
