import Hummingbird
import YusuanCore
import YusuanStore

/// A whole response body kept for reuse, with its entity tag (computed once, when it is kept).
struct KeptBody: Sendable {
    let buffer: ByteBuffer
    let tag: String

    init(_ buffer: ByteBuffer) {
        self.buffer = buffer
        self.tag = ConditionalGet.tag(of: buffer)
    }
}

/// Conditional GET for bodies that stay the same while they are kept (a version's disclosure JSON, an
/// anonymous reader's page): each response names its entity tag, and a client that sends it back in
/// `If-None-Match` gets 304 Not Modified with no body (RFC 9110 §13.1.2).
enum ConditionalGet {
    /// A strong entity tag of `buffer`'s bytes: their FNV-1a hash (64 bits) and their length.
    static func tag(of buffer: ByteBuffer) -> String {
        let hash = buffer.withUnsafeReadableBytes { FNV1a.hash($0) }
        return "\"" + String(hash, radix: 16) + "-" + String(buffer.readableBytes, radix: 16) + "\""
    }

    /// Whether the `If-None-Match` value `header` names `tag` (weak comparison, as the RFC asks for GET) or is `*`.
    static func matches(_ header: String, tag: String) -> Bool {
        let bare = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        return header.split(separator: ",").contains { item in
            let value = item.trimmed
            return value == "*" || value == bare || value == "W/" + bare
        }
    }

    /// The response for a kept body: 304 with no body when the client holds it already, else 200 with it;
    /// both name the entity tag and `cacheControl`.
    static func respond(to request: Request, with body: KeptBody, contentType: String, cacheControl: String) -> Response {
        respond(ifNoneMatch: request.headers[.ifNoneMatch], with: body, contentType: contentType, cacheControl: cacheControl)
    }

    /// `respond(to:with:contentType:cacheControl:)` for a request whose `If-None-Match` is `ifNoneMatch` (the kept
    /// pages' fast path answers from the request head alone).
    static func respond(ifNoneMatch: String?, with body: KeptBody, contentType: String, cacheControl: String) -> Response {
        var headers: HTTPFields = [.eTag: body.tag, .cacheControl: cacheControl]
        if let ifNoneMatch, matches(ifNoneMatch, tag: body.tag) { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: responseBody(body.buffer))
    }

    /// A kept body as the router sends it: cut as the fast path cuts it (`KeptResponseOutlet.slices`), each slice
    /// written and flushed in turn when there are several.
    static func responseBody(_ buffer: ByteBuffer) -> ResponseBody {
        let slices = KeptResponseOutlet.slices(of: buffer)
        guard slices.count > 1 else { return ResponseBody(byteBuffer: buffer) }
        return ResponseBody(contentLength: buffer.readableBytes) { writer in
            for slice in slices { try await writer.write(slice) }
            try await writer.finish(nil)
        }
    }

    /// An anonymous reader's page: kept by the reader's browser only (a signed-in reader's page of the same
    /// address differs) and checked with its entity tag each time (a new publication changes the charts).
    static let pageCacheControl = "private, no-cache"

    /// A version's disclosure JSON, which never changes: a published one may be kept by any cache, a draft
    /// (seen by its writers only) by the browser alone; both are checked with the entity tag each time, so
    /// that a newer server's rendering reaches every client.
    static func cacheControl(_ v: VersionRecord) -> String {
        v.status == .published ? "public, no-cache" : "private, no-cache"
    }
}
