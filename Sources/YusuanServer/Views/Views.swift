import Foundation
import Hummingbird
import YusuanCore
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
        html(renderHTML(page, context: context, services: services), status: status)
    }

    /// The page's HTML through the layout.
    static func renderHTML(_ page: Page, context: PortalContext, services: PortalServices) -> String {
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
        return services.templates.render(root, withTemplate: page.template)
            ?? "<!DOCTYPE html><title>template missing</title><p>template \(page.template) is missing</p>"
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        self.html(ByteBuffer(string: html), status: status)
    }

    static let htmlType = "text/html; charset=utf-8"

    static func html(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: htmlType], body: .init(byteBuffer: buffer))
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

    /// "yyyy-MM-dd HH:mm" in China Standard Time (UTC+8, no daylight saving since 1991), without a
    /// DateFormatter per call (an ICU formatter costs more than the rest of a small page).
    static func date(_ d: Date?) -> String {
        guard let d else { return "" }
        let seconds = Int(d.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let minuteOfDay = (seconds - days * 86400) / 60
        let date = CivilDate.fromDays(days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day)) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))"
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
