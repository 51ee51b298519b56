import Hummingbird
import NIOCore
import NIOHTTPTypes

/// The NIO end of the kept pages' fast path, after the HTTP/1 codec and Hummingbird's connection state handler:
/// a request head that `KeptPages` answers is answered here on the event loop and goes no further; every other
/// request part is handed on unchanged to Hummingbird's request loop.
///
/// Responses leave in request order: while a request handed on has not been answered yet (its response's end has not
/// passed on its way out), the requests after it are handed on too, so a pipelined client gets its answers in
/// order. A request is handed on as well when the connection cannot take more bytes now, so that the router's
/// writer, which waits for the client, applies the back-pressure.
final class KeptPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let pages: KeptPages
    /// Requests handed on whose response has not ended yet.
    private var handedOn = 0
    /// The rest of a request answered here (its end) is dropped.
    private var answering = false
    private var unflushed = false

    init(pages: KeptPages) {
        self.pages = pages
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if handedOn == 0, context.channel.isWritable, let answer = pages.answer(request) {
                answering = true
                context.write(wrapOutboundOut(.head(answer.head)), promise: nil)
                if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
                context.write(wrapOutboundOut(.end(nil)), promise: nil)
                unflushed = true
            } else {
                handedOn += 1
                context.fireChannelRead(data)
            }
        case .body, .end:
            if answering {
                if case .end = unwrapInboundIn(data) { answering = false }
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { handedOn = max(0, handedOn - 1) }
        context.write(data, promise: promise)
    }
}
