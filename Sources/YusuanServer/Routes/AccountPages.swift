import Foundation
import Hummingbird
import YusuanStore

/// Sign-in and sign-out pages. The sign-in form carries a pre-session CSRF token (a random cookie
/// echoed in a hidden field); sign-out needs the session's token.
enum AccountPages {
    static let loginCookie = "yusuan_login"

    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/login") { request, context in
            form(request, context, services, message: nil, status: .ok)
        }

        router.post("/login") { request, context in
            let form = try await request.form(limit: 64 * 1024)
            let expected = request.cookies[loginCookie]?.value ?? ""
            guard Tokens.equal(form["_csrf"] ?? "", expected) else { throw PortalError.csrf }
            let username = form.text("username") ?? ""
            let password = form["password"] ?? ""
            let address = context.clientAddress(request, trustForwardedFor: services.configuration.trustForwardedFor)
            let auth = Authenticator(services: services)
            let signedIn: Authenticator.SignedIn
            do {
                signedIn = try await auth.signIn(username: username, password: password, address: address)
            } catch let error as PortalError where error.status == .unauthorized || error.status == .tooManyRequests {
                var response = AccountPages.form(request, context, services, message: error.message(context.language), status: error.status)
                for field in error.headers { response.headers.append(field) }
                return response
            }
            var response = Views.redirect(safeNext(form["next"]) ?? landing(signedIn.user))
            response.setCookie(auth.sessionCookie(signedIn.token))
            return response
        }

        router.post("/logout") { request, context in
            let form = try await request.form(limit: 64 * 1024)
            try context.requireCSRF(request, form: form)
            let auth = Authenticator(services: services)
            try await auth.signOut(context)
            var response = Views.redirect("/")
            response.setCookie(auth.clearedSessionCookie())
            return response
        }
    }

    static func form(_ request: Request, _ context: PortalContext, _ services: PortalServices, message: String?,
                     status: HTTPResponse.Status) -> Response {
        let token = Tokens.random()
        var data: [String: Any] = ["loginToken": token]
        if let message { data["message"] = message }
        if let next = safeNext(request.uri.queryParameters.get("next")) { data["next"] = next }
        var response = Views.render(Page(template: "login", title: context.language.text("login_title"), data: data),
                                    context: context, services: services, status: status)
        response.setCookie(Cookie(name: loginCookie, value: token, maxAge: 3600, path: "/login",
                                  secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// Only a local path may follow a sign-in (no "//host" or scheme).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 512 else { return nil }
        return next
    }

    static func landing(_ user: UserRecord) -> String {
        switch user.role {
        case .admin: "/admin/users"
        case .reviewer: "/review"
        case .officer: "/upload"
        }
    }
}
