import Hummingbird
import YusuanCore
import YusuanStore

/// Who may do what. Admins may do anything; reviewers read everything (drafts too) and audit
/// uploaded documents; an officer writes only their own department. The public reads published versions.
extension PortalContext {
    /// The signed-in user, or 401.
    func requireUser() throws -> UserRecord {
        guard let user else { throw PortalError.signInRequired }
        return user
    }

    /// The signed-in user when their role is one of `roles`; 401 when nobody is signed in, 403 otherwise.
    func requireRole(_ roles: UserRole...) throws -> UserRecord {
        let user = try requireUser()
        guard roles.contains(user.role) else { throw PortalError.forbidden }
        return user
    }

    /// The user when they may write `department` (admin, or its officer); 401 / 403 otherwise.
    func requireWriter(of department: DepartmentRecord) throws -> UserRecord {
        let user = try requireUser()
        guard user.role == .admin || (user.role == .officer && user.departmentID == department.id) else {
            throw PortalError(.forbidden, zh: "您只能管理本部门的预算（\(department.name) 不是您的部门）。",
                              en: "You may only write your own department's budget (\(department.name) is not yours).")
        }
        return user
    }

    func canWrite(_ departmentID: Int64) -> Bool {
        guard let user else { return false }
        return user.role == .admin || (user.role == .officer && user.departmentID == departmentID)
    }

    /// Drafts are visible to admins, reviewers and the department's officers.
    func canSeeDrafts(of departmentID: Int64) -> Bool {
        guard let user else { return false }
        return user.role != .officer || user.departmentID == departmentID
    }

    /// The actor recorded in the audit log for this request's writes.
    var actor: Actor {
        user.map { Actor(userID: $0.id, username: $0.username) } ?? Actor(userID: nil, username: "anonymous")
    }

    /// Checks the CSRF token of a write: the X-CSRF-Token header or the form's `_csrf` field must equal
    /// the session's token.
    func requireCSRF(_ request: Request, form: FormFields? = nil) throws {
        guard let session else { throw PortalError.signInRequired }
        let given = request.headers[.xCSRFToken] ?? form?["_csrf"] ?? ""
        guard Tokens.equal(given, session.csrfToken) else { throw PortalError.csrf }
    }

    /// The client address for rate limiting: the socket's, or X-Forwarded-For's first entry when trusted.
    func clientAddress(_ request: Request, trustForwardedFor: Bool) -> String? {
        if trustForwardedFor, let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").first {
            return forwarded.trimmed
        }
        return peerAddress
    }
}

/// Lookups shared by the pages and the API, refusing with 404 what the user may not see.
extension PortalServices {
    func department(code: String?) async throws -> DepartmentRecord {
        guard let code, let d = try await store.department(code: code) else { throw PortalError.notFound("department \(code ?? "")") }
        return d
    }

    /// A version the user may see: published, or a draft they may read. Drafts are 404 for others.
    func visibleVersion(id: String?, context: PortalContext) async throws -> VersionRecord {
        guard let id, let n = Int64(id) else { throw PortalError.notFound("version \(id ?? "")") }
        if let kept = disclosures.publishedRecord(id: n) { return kept }
        guard let v = try await store.version(id: n) else { throw PortalError.notFound("version \(id)") }
        guard v.status == .published || context.canSeeDrafts(of: v.departmentID) else { throw PortalError.notFound("version \(n)") }
        disclosures.keep(record: v)
        return v
    }

    /// The version `id` and its department when the signed-in user may write it (401 when nobody is signed in,
    /// 404 for a draft they may not see, 403 for another department's version).
    func writableVersion(id: String?, context: PortalContext) async throws -> (VersionRecord, DepartmentRecord) {
        _ = try context.requireUser()
        let v = try await visibleVersion(id: id, context: context)
        guard let department = try await store.department(id: v.departmentID) else { throw PortalError.notFound("department") }
        _ = try context.requireWriter(of: department)
        return (v, department)
    }

    /// The versions of a department the user may see, newest first.
    func visibleVersions(of department: DepartmentRecord, context: PortalContext) async throws -> [VersionRecord] {
        let all = try await store.versions(departmentID: department.id)
        return context.canSeeDrafts(of: department.id) ? all : all.filter { $0.status == .published }
    }

    /// The previous version of the same department, year and phase (number − 1), if any.
    func previousVersion(of v: VersionRecord) async throws -> VersionRecord? {
        try await store.versions(departmentID: v.departmentID).first {
            $0.year == v.year && $0.phase == v.phase && $0.number == v.number - 1
        }
    }
}
