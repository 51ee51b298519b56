import Hummingbird

/// How long a request body may take to arrive. `BodyDeadlineMiddleware` sets it per request from the
/// configuration; reading a body races it (NIO's idle timeout alone does not stop a client that sends
/// one byte every few seconds).
enum BodyDeadline {
    @TaskLocal static var timeout: Duration = .seconds(60)

    /// The body collected up to `limit` bytes, or 408 when `timeout` passes first.
    static func collect(_ body: RequestBody, upTo limit: Int) async throws -> ByteBuffer {
        let timeout = Self.timeout
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw PortalError.requestTimeout(timeout)
            }
            return buffer
        }
    }
}

/// Gives every request the configured body deadline.
struct BodyDeadlineMiddleware: RouterMiddleware {
    typealias Context = PortalContext
    let timeout: Duration

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        // No route reads the body of a GET or HEAD: those go on without a deadline of their own.
        if request.method == .get || request.method == .head { return try await next(request, context) }
        return try await BodyDeadline.$timeout.withValue(timeout) { try await next(request, context) }
    }
}

extension PortalError {
    /// 408: the body did not arrive in time.
    static func requestTimeout(_ timeout: Duration) -> PortalError {
        let seconds = timeout.components.seconds
        var error = PortalError(.requestTimeout, zh: "请求体在 \(seconds) 秒内未传完，连接已关闭。请检查网络后重试。",
                                en: "The request body did not arrive within \(seconds) seconds; the connection is closed. Check the network and try again.")
        error.headers[.connection] = "close"
        return error
    }
}
