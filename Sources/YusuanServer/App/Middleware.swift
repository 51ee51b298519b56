import Foundation
import Hummingbird
import Logging
import YusuanStore

/// Gives each request an id (the client's X-Request-Id when it is a short safe token, else a new
/// one), attaches it to the logger, echoes it in the response and logs the request's outcome.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let ids = RequestIDs()

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = Self.requestID(given: request.headers[.xRequestID], ids: ids)
        context.logger[metadataKey: "request_id"] = "\(context.requestID)"
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.xRequestID] = context.requestID
        Self.log(context.logger, method: request.method, path: request.uri.path, status: response.status,
                 elapsed: ContinuousClock.now - start)
        return response
    }

    /// The client's X-Request-Id when it is a short safe token (8 to 64 of `A-Za-z0-9-_`), else a new id.
    static func requestID(given: String?, ids: RequestIDs) -> String {
        let given = given ?? ""
        let safe = (8...64).contains(given.utf8.count) && given.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        return safe ? given : ids.next()
    }

    /// The request's line at info: method, path, status and milliseconds taken, with the logger's request id.
    static func log(_ logger: Logger, method: HTTPRequest.Method, path: String, status: HTTPResponse.Status, elapsed: Duration) {
        logger.info("request", metadata: [
            "method": "\(method)", "path": "\(path)", "status": "\(status.code)",
            "ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
    }
}

/// Security headers on every response: a Content-Security-Policy with no script at all and no
/// framing, nosniff, a strict referrer policy.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = PortalContext

    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src 'self'", "style-src-attr 'unsafe-inline'", "img-src 'self' data:",
        "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers)
        return response
    }

    /// Adds the security headers to a response's `headers` (the kept pages' fast path adds them the same way).
    static func apply(to headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.xFrameOptions] = "DENY"
        headers[.referrerPolicy] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}

/// The interface language: `?lang=zh|en` chooses it and is remembered in a cookie; otherwise the
/// cookie; otherwise Chinese.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    static let cookie = "yusuan_lang"
    let secure: Bool

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        // Most requests have neither a query nor cookies: nothing is parsed for them.
        let chosen = request.uri.query == nil ? nil : request.uri.queryParameters.get("lang").flatMap { UILanguage(rawValue: $0) }
        if let chosen {
            context.language = chosen
        } else if request.headers[.cookie] != nil, let saved = request.cookies[Self.cookie].flatMap({ UILanguage(rawValue: $0.value) }) {
            context.language = saved
        }
        var response = try await next(request, context)
        if let chosen {
            response.setCookie(Cookie(name: Self.cookie, value: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                                      secure: secure, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

/// Reads the session cookie, looks up its hash in the store and puts the user and session in the context.
/// A cookie naming no live session (expired, signed out, forged) is cleared in the response, and expired
/// sessions are swept from the store (at most once a minute, so that forged cookies cannot cause a write each).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    static let cookie = "yusuan_session"
    let store: any YusuanStore
    let sweeper: ExpiredSessionSweeper
    let secure: Bool

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        guard request.headers[.cookie] != nil, let token = request.cookies[Self.cookie]?.value, !token.isEmpty else {
            return try await next(request, context)
        }
        if token.count <= 128, let session = try await store.session(tokenHash: SHA256.hex(token), now: Date()),
           let user = try await store.user(id: session.userID) {
            context.session = session
            context.user = user
            context.logger[metadataKey: "user"] = "\(user.username)"
            return try await next(request, context)
        }
        if await sweeper.due(now: Date()) {
            let removed = try await store.deleteExpiredSessions(now: Date())
            if removed > 0 { context.logger.info("expired sessions removed", metadata: ["count": "\(removed)"]) }
        }
        var response = try await next(request, context)
        // Unless the response signs in anew, the browser forgets the dead cookie.
        let setsSession = response.headers[values: .setCookie].contains { $0.hasPrefix(Self.cookie + "=") }
        if !setsSession {
            response.setCookie(Cookie(name: Self.cookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax))
        }
        return response
    }
}

/// Says when expired sessions are due to be swept again: at most once per `interval`.
actor ExpiredSessionSweeper {
    let interval: TimeInterval
    private var last = Date.distantPast

    init(interval: TimeInterval = 60) {
        self.interval = interval
    }

    func due(now: Date) -> Bool {
        guard now.timeIntervalSince(last) >= interval else { return false }
        last = now
        return true
    }
}

/// Turns errors into responses: JSON under /api, an error page elsewhere. Unexpected errors are
/// logged with the request id and shown without their details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let services: PortalServices

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PortalError {
            return respond(error, request: request, context: context)
        } catch let error as StoreError {
            let portal: PortalError
            switch error {
            case .notFound(let s): portal = .notFound(s)
            case .conflict(let s), .immutable(let s): portal = PortalError(.conflict, zh: "冲突：\(s)", en: "Conflict: \(s)")
            case .invalid(let s): portal = .badRequest(zh: "无效：\(s)", en: "Invalid: \(s)")
            case .backend:
                context.logger.error("store failed", metadata: ["error": "\(error)"])
                portal = PortalError(.serviceUnavailable, zh: "数据库暂时不可用（请求编号 \(context.requestID)）。",
                                     en: "The database is unavailable (request id \(context.requestID)).")
            }
            return respond(portal, request: request, context: context)
        } catch let error as HTTPResponseError {
            let portal: PortalError
            switch error.status {
            case .notFound: portal = .notFound(request.uri.path)
            case .contentTooLarge: portal = .tooLarge(limit: services.configuration.uploadLimit)
            case .methodNotAllowed: portal = PortalError(.methodNotAllowed, zh: "不支持此请求方法。", en: "Method not allowed.")
            default: portal = PortalError(error.status, zh: "请求无法完成（\(error.status.code)）。", en: "The request could not be completed (\(error.status.code)).")
            }
            return respond(portal, request: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(describing: error))"])
            let portal = PortalError(.internalServerError, zh: "服务器内部错误（请求编号 \(context.requestID)）。",
                                     en: "Internal server error (request id \(context.requestID)).")
            return respond(portal, request: request, context: context)
        }
    }

    func respond(_ error: PortalError, request: Request, context: PortalContext) -> Response {
        var response: Response
        if request.uri.path.hasPrefix("/api/") {
            response = JSONResponse.make(["error": ["status": Int(error.status.code), "message": error.message(context.language),
                                                    "message_zh": error.zh, "message_en": error.en] as [String: Any]], status: error.status)
        } else {
            let page = Page(template: "error", title: context.language.text("error_title"),
                            data: ["status": Int(error.status.code), "message": error.message(context.language)])
            response = Views.render(page, context: context, services: services, status: error.status)
        }
        for field in error.headers { response.headers.append(field) }
        // A HEAD request gets the error's status and headers, never a body (RFC 9110, 9.3.2).
        return request.method == .head ? response.createHeadResponse() : response
    }
}

extension HTTPFields.Element.Name {
    static let xRequestID = Self("X-Request-Id")!
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}
