import Foundation
import Hummingbird
import YusuanStore

/// Signs users in and out: bcrypt verification, the login rate limit, sessions stored by the hash
/// of their token, and the session cookie. Passwords are never logged or stored in clear.
struct Authenticator: Sendable {
    let services: PortalServices

    struct SignedIn {
        var token: String
        var session: SessionRecord
        var user: UserRecord
    }

    /// A bcrypt hash to verify against when the username does not exist, so that both cases take as long.
    static let decoyPassword = "decoy-password-never-valid"

    func signIn(username: String, password: String, address: String?) async throws -> SignedIn {
        let limiter = services.loginLimiter
        if let wait = await limiter.retryAfter(username: username, address: address) {
            try? await services.store.log(action: "login.refused", target: "user \(username)", detail: "rate limited",
                                          actor: Actor(userID: nil, username: username))
            var error = PortalError(.tooManyRequests, zh: "登录失败次数过多，请 \(wait) 秒后再试。",
                                    en: "Too many failed sign-ins; try again in \(wait) seconds.")
            error.headers[.retryAfter] = String(wait)
            throw error
        }
        let user = try await services.store.user(username: username)
        let valid: Bool
        if let user {
            valid = services.passwords.verify(password, hash: user.passwordHash)
        } else {
            _ = services.passwords.verify(password, hash: services.decoyHash)
            valid = false
        }
        guard valid, let user else {
            await limiter.recordFailure(username: username, address: address)
            try? await services.store.log(action: "login.failed", target: "user \(username)", detail: "wrong username or password",
                                          actor: Actor(userID: nil, username: username))
            throw PortalError(.unauthorized, zh: "用户名或密码不正确。", en: "Wrong username or password.")
        }
        await limiter.recordSuccess(username: username)
        let token = Tokens.random()
        let session = SessionRecord(tokenHash: SHA256.hex(token), userID: user.id, csrfToken: Tokens.random(),
                                    expiresAt: Date().addingTimeInterval(services.configuration.sessionLifetime))
        try await services.store.createSession(session)
        try await services.store.log(action: "login", target: "user \(user.username)", detail: "",
                                     actor: Actor(userID: user.id, username: user.username))
        return SignedIn(token: token, session: session, user: user)
    }

    func signOut(_ context: PortalContext) async throws {
        guard let session = context.session else { return }
        try await services.store.deleteSession(tokenHash: session.tokenHash)
        try await services.store.log(action: "logout", target: "user \(context.user?.username ?? "")", detail: "", actor: context.actor)
    }

    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: SessionMiddleware.cookie, value: token, maxAge: Int(services.configuration.sessionLifetime), path: "/",
               secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }

    func clearedSessionCookie() -> Cookie {
        Cookie(name: SessionMiddleware.cookie, value: "", maxAge: 0, path: "/",
               secure: services.configuration.secureCookies, httpOnly: true, sameSite: .lax)
    }
}
