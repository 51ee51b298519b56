import Foundation
import Logging
import Mustache
import YusuanStore

/// What every route needs: the store, the configuration, the templates, password hashing and the
/// login rate limiter. One value, built once by `Portal.application`.
public struct PortalServices: Sendable {
    public let store: any YusuanStore
    public let configuration: PortalConfiguration
    let templates: MustacheLibrary
    let passwords: Passwords
    let loginLimiter: LoginRateLimiter
    let staticFiles: StaticFiles
    let logger: Logger
    /// The bounded queue every upload and document audit goes through.
    public let audits: AuditQueue
    /// A hash checked when a username does not exist, so that unknown and known names take as long.
    let decoyHash: String
    /// Decoded and rendered disclosures by version id (a stored version's content never changes).
    let disclosures: DisclosureCache
    /// Each department's published versions by year, read again after a publication or a second.
    let published: PublishedYears

    init(store: any YusuanStore, configuration: PortalConfiguration, logger: Logger, audits: AuditQueue? = nil) async throws {
        self.store = store
        self.configuration = configuration
        self.templates = try await Templates.load()
        self.passwords = Passwords(cost: configuration.bcryptCost)
        self.loginLimiter = LoginRateLimiter(limit: configuration.loginAttempts, window: configuration.loginWindow)
        self.staticFiles = try StaticFiles.load()
        self.logger = logger
        self.audits = audits ?? AuditQueue(maxRunning: configuration.maxRunningAudits, maxQueued: configuration.maxQueuedAudits)
        self.decoyHash = passwords.hash(Authenticator.decoyPassword)
        self.disclosures = DisclosureCache()
        self.published = PublishedYears(freshness: configuration.publishedFreshness)
    }
}
