import NIOCore

/// The bottom of a portal connection's pipeline, between NIO's HTTP/1 response encoder and the socket: through it
/// `KeptPageHandler` writes a kept response's bytes (its head encoded once per kept body, then the kept body) without
/// the response codecs.
///
/// The handlers above still see every response: after the bytes, `KeptPageHandler` passes a stand-in head and end
/// down the pipeline, so that Hummingbird's connection state handler counts the response as written (idle timeout,
/// graceful shutdown, `Connection: close` after it) and NIO's encoder pairs it with its request (it keeps the
/// request methods it has decoded, to know which response goes without a body). While `swallowing` is set, the bytes
/// the encoder writes for the stand-in are dropped here and never reach the socket.
final class KeptResponseOutlet: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private var context: ChannelHandlerContext?
    /// Set only while the stand-in passes down the pipeline (writes are synchronous on the event loop).
    var swallowing = false

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Whether the outlet is in a pipeline and may take bytes.
    var isReady: Bool { context != nil }

    /// Writes `buffer` towards the socket (not flushed), below the response encoder.
    func writeBytes(_ buffer: ByteBuffer) {
        context?.write(wrapOutboundOut(.byteBuffer(buffer)), promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if swallowing {
            promise?.succeed(())
        } else {
            context.write(data, promise: promise)
        }
    }
}
