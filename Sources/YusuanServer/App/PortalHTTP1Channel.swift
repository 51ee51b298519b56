import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel (`HTTP1Channel`: NIO's HTTP/1 codec, the HTTP types codec, the connection state
/// handler with its idle timeout, then the request loop) with `KeptPageHandler` between the connection state
/// handler and the request loop, so that a kept page is answered on the event loop while idle timeouts, graceful
/// shutdown and every other request work as before.
struct PortalHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let idleTimeout: Duration?
    /// Nil: no fast path (every request goes through the router).
    let pages: KeptPages?

    /// A server builder for `Application(router:server:)`.
    static func builder(idleTimeout: Duration?, pages: KeptPages?) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in PortalHTTP1Channel(responder: responder, idleTimeout: idleTimeout, pages: pages) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            // Hummingbird's defaults (HTTP1Channel.Configuration.DecoderConfiguration).
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = 80 * 1024
            limits.maxHeaderListSize = 80 * 1024
            limits.maxHeaderFieldCount = 1000
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: limits)
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try channel.pipeline.syncOperations.addHandler(
                HTTPConnectionStateHandler(idleTimeout: idleTimeout, logger: logger))
            if let pages {
                // The outlet sits next to the socket, below NIO's response encoder.
                let outlet = KeptResponseOutlet()
                try channel.pipeline.syncOperations.addHandler(outlet, position: .first)
                try channel.pipeline.syncOperations.addHandler(KeptPageHandler(pages: pages, outlet: outlet))
            }
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}
