import Hummingbird
import NIOCore
import NIOHTTPTypes

/// The NIO end of the kept pages' fast path, after the HTTP/1 codec and Hummingbird's connection state handler:
/// a request head that `KeptPages` answers is answered here on the event loop and goes no further; every other
/// request part is handed on unchanged to Hummingbird's request loop.
///
/// A kept response leaves as bytes through `KeptResponseOutlet`, below the response codecs: its head, encoded once
/// per kept body with this request's X-Request-Id, Date and Server appended, then the kept body. A stand-in head and
/// end follow it down the pipeline for the handlers that count responses; the outlet drops the stand-in's bytes.
///
/// Responses leave in request order: while a request handed on has not been answered yet (its response's end has not
/// passed on its way out), the requests after it are handed on too, so a pipelined client gets its answers in
/// order. A request is handed on as well when the connection cannot take more bytes now, so that the router's
/// writer, which waits for the client, applies the back-pressure. The channel's writability reaches that writer
/// through `WritabilityRelay`: not the changes a kept answer's own write and flush undo.
final class KeptPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let pages: KeptPages
    let outlet: KeptResponseOutlet
    /// Requests handed on whose response has not ended yet.
    private var handedOn = 0
    /// The rest of a request answered here (its end) is dropped.
    private var answering = false
    private var unflushed = false
    private var writability = WritabilityRelay()

    init(pages: KeptPages, outlet: KeptResponseOutlet) {
        self.pages = pages
        self.outlet = outlet
    }

    /// What passes down the pipeline for a response written through the outlet, whose encoded bytes the outlet
    /// drops: a 204, which has no body and so needs no fields (none to convert, frame or encode).
    static let standIn = HTTPResponse(status: .noContent)

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if handedOn == 0, outlet.isReady, context.channel.isWritable, let answer = pages.answer(request) {
                answering = true
                writability.hold()
                outlet.writeBytes(answer.head)
                if let body = answer.body { outlet.writeBody(body) }
                // The bytes are queued first: a connection state handler that closes after this response's end
                // closes after them.
                outlet.swallowing = true
                context.write(wrapOutboundOut(.head(Self.standIn)), promise: nil)
                context.write(wrapOutboundOut(.end(nil)), promise: nil)
                outlet.swallowing = false
                unflushed = true
            } else {
                // The router's writer is told the channel's writability before it has a response to write.
                settleWritability(context: context)
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
        settleWritability(context: context)
        context.fireChannelReadComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if writability.changed(to: context.channel.isWritable) { context.fireChannelWritabilityChanged() }
    }

    /// Ends a hold of the writability changes, passing on the channel's writability if it changed meanwhile.
    private func settleWritability(context: ChannelHandlerContext) {
        if writability.settle(writable: context.channel.isWritable) { context.fireChannelWritabilityChanged() }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { handedOn = max(0, handedOn - 1) }
        context.write(data, promise: promise)
    }
}
