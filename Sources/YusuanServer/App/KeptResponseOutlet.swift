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

    /// Bodies up to this size go to the socket in one write (`writeBody`): the receive buffer a Linux socket starts
    /// with (`net.ipv4.tcp_rmem`'s default, 128 KiB).
    static let wholeBytes = 128 * 1024
    /// A larger body goes in slices of this size, nginx's (its default output buffers).
    static let sliceBytes = 32 * 1024

    /// Writes a body towards the socket in its `slices(of:)`, each but the last flushed as it is written, the last left
    /// for the caller's flush. Measured on loopback under wrk (benchmarks
    /// part 4, stop 32): a 137 KiB JSON written at once took twice as long a response as in 32 KiB slices, which let the
    /// client read the first slices while the next are sent; a 76 KiB page was about 10% faster in one write than in
    /// slices. nginx's static files showed the same (one 256 KiB buffer against its default 32 KiB ones).
    func writeBody(_ buffer: ByteBuffer) {
        guard let context else { return }
        let slices = Self.slices(of: buffer)
        for (n, slice) in slices.enumerated() {
            context.write(wrapOutboundOut(.byteBuffer(slice)), promise: nil)
            if n < slices.count - 1 { context.flush() }
        }
    }

    /// `buffer`'s readable bytes cut as `pieces(count:)` cuts them, as views of `buffer` (not copies): the fast path
    /// and the router (`ConditionalGet.responseBody`) send a kept body so.
    static func slices(of buffer: ByteBuffer) -> [ByteBuffer] {
        pieces(count: buffer.readableBytes).compactMap { buffer.getSlice(at: buffer.readerIndex + $0.lowerBound, length: $0.count) }
    }

    /// The ranges of a body of `count` bytes written one at a time: the whole body up to `wholeBytes`, else
    /// consecutive slices of `sliceBytes` (the last one shorter).
    static func pieces(count: Int) -> [Range<Int>] {
        guard count > wholeBytes else { return [0..<count] }
        return stride(from: 0, to: count, by: sliceBytes).map { $0..<min(count, $0 + sliceBytes) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if swallowing {
            promise?.succeed(())
        } else {
            context.write(data, promise: promise)
        }
    }
}
