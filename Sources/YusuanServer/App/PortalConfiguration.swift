import Foundation

/// How `yusuan serve` runs: where it listens, which database, and the security knobs tests turn down.
public struct PortalConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// A file path (SQLite) or a postgres:// URL.
    public var database: String
    /// bcrypt cost; 12 in production, as low as 4 in tests.
    public var bcryptCost: UInt8
    /// Largest request body accepted for an upload, in bytes (default 20 MB).
    public var uploadLimit: Int
    /// Set the Secure attribute on cookies (behind TLS).
    public var secureCookies: Bool
    /// How long a login lasts.
    public var sessionLifetime: TimeInterval
    /// Failed logins allowed per username and per client address within `loginWindow` before refusing.
    public var loginAttempts: Int
    public var loginWindow: TimeInterval
    /// Take the client address from X-Forwarded-For (only behind a trusted reverse proxy).
    public var trustForwardedFor: Bool
    /// Load the bundled examples into an empty store on start.
    public var loadExamples: Bool
    /// Uploads and document audits running at once (default: one per core).
    public var maxRunningAudits: Int
    /// Uploads and document audits waiting for a turn; any more get 503 with Retry-After.
    public var maxQueuedAudits: Int
    /// A connection that sends nothing (not even a complete request head) for this long is closed.
    public var idleTimeout: Duration
    /// A request body must arrive whole within this time, else 408 (a client trickling a body is cut off).
    public var bodyTimeout: Duration
    /// A department's list of published versions is read again after this long, so that a publication made by
    /// another server over the same store shows on this one's pages within it (this server's own show at once).
    public var publishedFreshness: Duration = .seconds(1)
    /// An anonymous reader's kept disclosure page is answered on the connection's event loop, without the router
    /// (`KeptPages`; the same bytes). Off: every request goes through the router.
    public var keptPagesFastPath = true
    /// The event loops (threads reading and writing connections; the kept pages' fast path answers on them): one per
    /// core when nil. `Portal.run` applies it before anything uses NIO's shared group. Fewer loops than cores
    /// leaves a core to other work on the same machine (a load generator, a database).
    public var eventLoops: Int?

    public init(host: String = "127.0.0.1", port: Int = 8080, database: String = "yusuan.db", bcryptCost: UInt8 = 12,
                uploadLimit: Int = 20 * 1024 * 1024, secureCookies: Bool = false, sessionLifetime: TimeInterval = 8 * 3600,
                loginAttempts: Int = 5, loginWindow: TimeInterval = 15 * 60, trustForwardedFor: Bool = false,
                loadExamples: Bool = true, maxRunningAudits: Int = ProcessInfo.processInfo.activeProcessorCount,
                maxQueuedAudits: Int = 16, idleTimeout: Duration = .seconds(30), bodyTimeout: Duration = .seconds(60)) {
        self.host = host
        self.port = port
        self.database = database
        self.bcryptCost = bcryptCost
        self.uploadLimit = uploadLimit
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.loginAttempts = loginAttempts
        self.loginWindow = loginWindow
        self.trustForwardedFor = trustForwardedFor
        self.loadExamples = loadExamples
        self.maxRunningAudits = maxRunningAudits
        self.maxQueuedAudits = maxQueuedAudits
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
    }
}
