import Foundation
import Hummingbird
import YusuanStore

/// A page to render: its template, title and data.
struct Page {
    var template: String
    var title: String
    var data: [String: Any] = [:]
}

/// Renders pages through the layout with what every page shows: the strings of the language, the
/// signed-in user, the CSRF token for forms, the language switch.
enum Views {
    static func render(_ page: Page, context: PortalContext, services: PortalServices, status: HTTPResponse.Status = .ok) -> Response {
        var root = page.data
        let lang = context.language
        root["t"] = lang.strings
        root["htmlLang"] = lang.tag
        root["isZH"] = lang == .zh
        root["title"] = page.title
        root["langLinkZH"] = "?lang=zh"
        root["langLinkEN"] = "?lang=en"
        if let user = context.user {
            root["user"] = userData(user, lang: lang)
        }
        if let session = context.session { root["csrf"] = session.csrfToken }
        root["requestID"] = context.requestID
        let html = services.templates.render(root, withTemplate: page.template)
            ?? "<!DOCTYPE html><title>template missing</title><p>template \(page.template) is missing</p>"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func userData(_ user: UserRecord, lang: UILanguage) -> [String: Any] {
        ["name": user.username, "role": lang.text("role_" + user.role.rawValue),
         "isAdmin": user.role == .admin, "isReviewer": user.role == .reviewer || user.role == .admin,
         "isOfficer": user.role == .officer, "canUpload": user.role == .officer || user.role == .admin]
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func statusLabel(_ v: VersionRecord, lang: UILanguage) -> String {
        lang.text("status_" + v.status.rawValue)
    }

    /// draft / has errors / clean / published: the reviewer's classes of a department's newest version.
    static func reviewState(_ v: VersionRecord?) -> String {
        guard let v else { return "none" }
        if v.status == .published { return "published" }
        return v.errors > 0 ? "errors" : "clean"
    }

    static func date(_ d: Date?) -> String {
        guard let d else { return "" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: d)
    }

    static func phaseLabel(_ p: VersionPhase, lang: UILanguage) -> String { lang.text("phase_" + p.rawValue) }

    /// A version as the templates show it.
    static func versionData(_ v: VersionRecord, lang: UILanguage) -> [String: Any] {
        ["id": String(v.id), "year": String(v.year), "phase": phaseLabel(v.phase, lang: lang), "number": String(v.number),
         "status": statusLabel(v, lang: lang), "isPublished": v.status == .published, "isDraft": v.status == .draft,
         "createdAt": date(v.createdAt), "createdBy": v.createdBy, "publishedAt": date(v.publishedAt),
         "sourceName": v.sourceName, "sourceFormat": v.sourceFormat,
         "errors": String(v.errors), "warnings": String(v.warnings), "notices": String(v.notices),
         "hasErrors": v.errors > 0, "state": reviewState(v), "stateLabel": lang.text("state_" + reviewState(v)),
         "hasPrevious": v.number > 1]
    }
}
