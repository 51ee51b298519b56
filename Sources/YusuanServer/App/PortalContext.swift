import Hummingbird
import Logging
import NIOCore
import YusuanStore

/// The request context of every portal route: the request id, the interface language, the signed-in
/// user and session (set by `SessionMiddleware`), and the client's address.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Echoed in the X-Request-Id response header and attached to every log line.
    public var requestID: String = ""
    public var language: UILanguage = .zh
    public var user: UserRecord?
    public var session: SessionRecord?
    /// The client's address as the socket reports it (nil in in-process tests).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON API bodies are small; uploads read their body themselves against the configured cap.
    public var maxUploadSize: Int { 1024 * 1024 }
}
