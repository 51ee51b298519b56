import Hummingbird
import YusuanStore

/// The administrator's pages: users and roles, departments, and the audit log of every write.
enum AdminPages {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/admin/users") { _, context in
            _ = try context.requireRole(.admin)
            return try await usersPage(context, services, message: nil, status: .ok)
        }

        router.post("/admin/users") { request, context in
            _ = try context.requireRole(.admin)
            let form = try await request.form(limit: 64 * 1024)
            try context.requireCSRF(request, form: form)
            do {
                _ = try await createUser(form, context: context, services: services)
            } catch let error as PortalError where error.status == .badRequest || error.status == .conflict {
                return try await usersPage(context, services, message: error.message(context.language), status: error.status)
            }
            return Views.redirect("/admin/users")
        }

        router.get("/admin/departments") { _, context in
            _ = try context.requireRole(.admin)
            return try await departmentsPage(context, services, message: nil, status: .ok)
        }

        router.post("/admin/departments") { request, context in
            _ = try context.requireRole(.admin)
            let form = try await request.form(limit: 64 * 1024)
            try context.requireCSRF(request, form: form)
            do {
                let d = try await createDepartment(code: form.text("code"), name: form.text("name"), region: form.text("region"),
                                                   context: context, services: services)
                return Views.redirect("/departments/\(d.code)")
            } catch let error as PortalError where error.status == .badRequest || error.status == .conflict {
                return try await departmentsPage(context, services, message: error.message(context.language), status: error.status)
            }
        }

        router.get("/admin/log") { _, context in
            _ = try context.requireRole(.admin)
            let entries = try await services.store.auditLog(limit: 500).map {
                ["at": Views.date($0.at), "username": $0.username, "action": $0.action, "target": $0.target, "detail": $0.detail]
            }
            return Views.render(Page(template: "log", title: context.language.text("log_title"), data: ["entries": entries]),
                                context: context, services: services)
        }
    }

    static func usersPage(_ context: PortalContext, _ services: PortalServices, message: String?,
                          status: HTTPResponse.Status) async throws -> Response {
        let lang = context.language
        let departments = try await services.store.departments()
        let names = Dictionary(uniqueKeysWithValues: departments.map { ($0.id, $0.name) })
        let users = try await services.store.users().map { u -> [String: Any] in
            ["username": u.username, "role": lang.text("role_" + u.role.rawValue),
             "department": u.departmentID.flatMap { names[$0] } ?? "", "createdAt": Views.date(u.createdAt)]
        }
        var data: [String: Any] = ["users": users, "departments": departments.map { ["code": $0.code, "name": $0.name] },
                                   "roles": UserRole.allCases.map { ["value": $0.rawValue, "label": lang.text("role_" + $0.rawValue)] }]
        if let message { data["message"] = message }
        return Views.render(Page(template: "users", title: lang.text("users_title"), data: data), context: context,
                            services: services, status: status)
    }

    static func departmentsPage(_ context: PortalContext, _ services: PortalServices, message: String?,
                                status: HTTPResponse.Status) async throws -> Response {
        var data: [String: Any] = ["departments": try await services.store.departments().map {
            ["code": $0.code, "name": $0.name, "region": $0.region]
        }]
        if let message { data["message"] = message }
        return Views.render(Page(template: "departments", title: context.language.text("departments_title"), data: data),
                            context: context, services: services, status: status)
    }

    /// Creates a user from the form's username, password, role and (for officers) department code.
    static func createUser(_ form: FormFields, context: PortalContext, services: PortalServices) async throws -> UserRecord {
        try await createUser(username: form.text("username"), password: form["password"], role: form.text("role"),
                             departmentCode: form.text("department"), context: context, services: services)
    }

    static func createUser(username: String?, password: String?, role: String?, departmentCode: String?,
                           context: PortalContext, services: PortalServices) async throws -> UserRecord {
        guard let username, UserNames.isValid(username) else {
            throw PortalError.badRequest(zh: "用户名须为 2–64 个字母、数字、“.”、“_”或“-”。",
                                         en: "A username is 2–64 letters, digits, “.”, “_” or “-”.")
        }
        guard let role = role.flatMap(UserRole.init(rawValue:)) else {
            throw PortalError.badRequest(zh: "角色须为 admin、reviewer 或 officer。", en: "The role must be admin, reviewer or officer.")
        }
        let password = password ?? ""
        if let problem = Passwords.problem(password) { throw PortalError.badRequest(zh: problem, en: problem) }
        var departmentID: Int64?
        if role == .officer {
            guard let code = departmentCode, let d = try await services.store.department(code: code) else {
                throw PortalError.badRequest(zh: "经办人须指定其所属部门。", en: "An officer needs their department.")
            }
            departmentID = d.id
        }
        do {
            return try await services.store.createUser(username: username, passwordHash: services.passwords.hash(password), role: role,
                                                       departmentID: departmentID, actor: context.actor)
        } catch StoreError.conflict {
            throw PortalError(.conflict, zh: "用户名 \(username) 已存在。", en: "The username \(username) exists.")
        }
    }

    static func createDepartment(code: String?, name: String?, region: String?, context: PortalContext,
                                 services: PortalServices) async throws -> DepartmentRecord {
        guard let code, DepartmentCodes.isValid(code) else {
            throw PortalError.badRequest(zh: "部门代码须为 2–64 个小写字母、数字或“-”（用于网址）。",
                                         en: "A department code is 2–64 lowercase letters, digits or “-” (it appears in URLs).")
        }
        guard let name, (1...200).contains(name.count) else {
            throw PortalError.badRequest(zh: "请填写部门名称（最多 200 字）。", en: "Give the department's name (at most 200 characters).")
        }
        do {
            return try await services.store.createDepartment(code: code, name: name, region: String((region ?? "").prefix(200)),
                                                             actor: context.actor)
        } catch StoreError.conflict {
            throw PortalError(.conflict, zh: "部门代码 \(code) 已存在。", en: "The department code \(code) exists.")
        }
    }
}

/// Usernames: 2–64 ASCII letters, digits, ".", "_" or "-".
public enum UserNames {
    public static func isValid(_ s: String) -> Bool {
        (2...64).contains(s.count) && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }
}
