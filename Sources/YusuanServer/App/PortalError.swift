import Hummingbird

/// An error a route reports to the user: an HTTP status and a message in both languages. Pages show
/// it on an error page, the API as `{"error": {"status", "message"}}`.
public struct PortalError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var zh: String
    public var en: String
    /// Extra headers (Retry-After on 429).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, zh: String, en: String) {
        self.status = status
        self.zh = zh
        self.en = en
    }

    public func message(_ language: UILanguage) -> String { language == .zh ? zh : en }

    static let signInRequired = PortalError(.unauthorized, zh: "请先登录。", en: "Please sign in first.")
    static let forbidden = PortalError(.forbidden, zh: "您的角色无权执行此操作。", en: "Your role may not do this.")
    static let csrf = PortalError(.forbidden, zh: "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。",
                                  en: "The form has expired or did not come from this site (CSRF check failed); reload the page and try again.")
    static func notFound(_ what: String) -> PortalError {
        PortalError(.notFound, zh: "未找到：\(what)", en: "Not found: \(what)")
    }
    static func badRequest(zh: String, en: String) -> PortalError { PortalError(.badRequest, zh: zh, en: en) }
    static func tooLarge(limit: Int) -> PortalError {
        let mb = Double(limit) / 1_048_576
        let size = mb >= 1 ? String(format: "%.0f MB", mb) : "\(limit) bytes"
        return PortalError(.contentTooLarge, zh: "上传的文件太大：上限为 \(size)。请压缩或拆分后重试。",
                           en: "The upload is too large: the limit is \(size). Make it smaller and try again.")
    }
}
