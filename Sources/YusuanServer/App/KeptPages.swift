import Hummingbird
import Logging
import Synchronization
import YusuanStore

/// The kept pages' fast path: answers from the request head alone, on the connection's event loop, an anonymous
/// reader's request for a response `DisclosureCache` keeps whole, with the bytes the router would send (status, entity
/// tag and 304, Cache-Control, Content-Type, the security headers, X-Request-Id, Date, Server) and the same request log
/// line. `KeptPageHandler` asks it for every request head it may answer.
///
/// It answers only what needs nothing per request: a GET with no query, no Cookie and no Authorization (so the
/// language is Chinese and nobody is signed in) of a published version's disclosure page (`/versions/{id}`) or
/// disclosure JSON (`/api/v1/versions/{id}/disclosure`), and only while every lookup the route makes would be
/// answered from memory: the version's record kept as published, for the page the department's published versions
/// read less than `publishedFreshness` ago (a publication through this server forgets them at once; they are read
/// again ahead of time while the page is asked for, `PublishedYears.fresh(departmentID:at:renew:)`), and the body
/// kept under the route's key. Anything else returns nil and goes through the router unchanged, which keeps the
/// body again.
final class KeptPages: Sendable {
    /// A response the fast path gives: the head's bytes as NIO's HTTP/1 encoder writes them, and the body for a 200.
    struct Answer {
        var head: ByteBuffer
        var body: ByteBuffer?
    }

    let disclosures: DisclosureCache
    let published: PublishedYears
    let logger: Logger
    let serverName: String?
    private let ids = RequestIDs()
    private let dates = HTTPDates()
    private let answered = Atomic<Int>(0)
    /// Reads a department's published versions again in the background (`PortalServices.renewPublished`).
    private let renew: @Sendable (Int64) -> Void
    /// `Server: …\r\n` when the server names itself, encoded once.
    private let serverLine: ByteBuffer

    init(services: PortalServices, logger: Logger, serverName: String?) {
        self.disclosures = services.disclosures
        self.published = services.published
        // Made once: a closure made per request would copy the services into it each time.
        renew = { department in Task { await services.renewPublished(departmentID: department) } }
        self.logger = logger
        self.serverName = serverName
        var serverLine = ByteBuffer()
        if let serverName { KeptHeads.write(name: HTTPFields.Element.Name.server.rawName, value: serverName, into: &serverLine) }
        self.serverLine = serverLine
    }

    /// How many requests the fast path has answered (tests tell its answers from the router's by it).
    var served: Int { answered.load(ordering: .relaxed) }

    /// The responses it may answer, by the route's address.
    enum Kind: UInt8, Sendable {
        /// `/versions/{id}`: `VersionPage`'s page for an anonymous reader.
        case page
        /// `/api/v1/versions/{id}/disclosure`: the API's disclosure JSON.
        case json
    }

    static let prefix = "/versions/"
    static let jsonPrefix = "/api/v1/versions/"
    static let jsonSuffix = "/disclosure"

    /// The kind and version id that `path` asks for, or nil for any other address (a query included).
    static func route(_ path: String) -> (kind: Kind, id: Int64)? {
        // By UTF-8 offsets (the prefixes are ASCII): dropping Characters walks grapheme boundaries.
        if path.hasPrefix(prefix), let id = Int64(Substring(path.utf8.dropFirst(prefix.utf8.count))) { return (.page, id) }
        if path.hasPrefix(jsonPrefix), path.hasSuffix(jsonSuffix),
           let id = Int64(Substring(path.utf8.dropFirst(jsonPrefix.utf8.count).dropLast(jsonSuffix.utf8.count))) {
            return (.json, id)
        }
        return nil
    }

    /// The response to `request` when the fast path may give it; nil hands the request on to the router.
    func answer(_ request: HTTPRequest) -> Answer? {
        let start = ContinuousClock.now
        guard request.method == .get, let path = request.path, let (kind, id) = Self.route(path),
              Self.needsNothingPerRequest(request.headerFields),
              let version = disclosures.publishedRecord(id: id)
        else { return nil }
        // The route's own lookups, each answered from memory or not at all. No query and no cookie: Chinese.
        let page: KeptHeads
        let kept: KeptBody
        switch kind {
        case .page:
            guard let years = published.fresh(departmentID: version.departmentID, at: start, renew: renew) else { return nil }
            let known = heads.withLock { $0[HeadsKey(id: version.id, kind: kind)] }
            let key = known.flatMap { $0.years.elementsEqual(years.lazy.map(\.id)) ? $0.key : nil }
                ?? VersionPage.pageKey(version, published: years, lang: .zh)
            guard let body = disclosures.response(id: version.id, key: key) else { return nil }
            kept = body
            page = heads(for: version, kind: kind, known: known, key: key, years: years, body: body)
        case .json:
            guard let body = disclosures.response(id: version.id, key: DisclosureCache.jsonKey) else { return nil }
            kept = body
            let known = heads.withLock { $0[HeadsKey(id: version.id, kind: kind)] }
            page = heads(for: version, kind: kind, known: known, key: DisclosureCache.jsonKey, years: [], body: body)
        }
        let notModified = request.headerFields[.ifNoneMatch].map { ConditionalGet.matches($0, tag: kept.tag) } ?? false
        let status = notModified ? page.notModified.status : page.ok.status
        let requestID = RequestIDMiddleware.requestID(given: request.headerFields[.xRequestID], ids: ids)
        // The kept head's fields, then the ones set per request (a request id is letters, digits, '-' and '_';
        // the date is ours), as the router's head ends with them.
        let prefix = notModified ? page.notModifiedBytes : page.okBytes
        var head = ByteBuffer()
        head.reserveCapacity(prefix.readableBytes + serverLine.readableBytes + requestID.utf8.count + 64)
        head.writeImmutableBuffer(prefix)
        KeptHeads.write(name: HTTPFields.Element.Name.xRequestID.rawName, value: requestID, into: &head)
        KeptHeads.write(name: HTTPFields.Element.Name.date.rawName, value: dates.now(), into: &head)
        head.writeImmutableBuffer(serverLine)
        head.writeStaticString("\r\n")
        if logger.logLevel <= .info {
            var logger = self.logger
            logger[metadataKey: "request_id"] = "\(requestID)"
            RequestIDMiddleware.log(logger, method: request.method, path: path, status: status,
                                    elapsed: ContinuousClock.now - start)
        }
        answered.add(1, ordering: .relaxed)
        return Answer(head: head, body: notModified ? nil : kept.buffer)
    }

    /// The heads kept for `body` (`known` when it was built for the same key and body), else built and kept.
    private func heads(for version: VersionRecord, kind: Kind, known: KeptHeads?, key: String, years: [VersionRecord],
                       body: KeptBody) -> KeptHeads {
        if let known, known.key == key, known.tag == body.tag { return known }
        let built: KeptHeads
        switch kind {
        case .page:
            built = KeptHeads(years: years.map(\.id), key: key, body: body, contentType: Views.htmlType,
                              cacheControl: ConditionalGet.pageCacheControl)
        case .json:
            built = KeptHeads(years: [], key: key, body: body, contentType: JSONResponse.contentType,
                              cacheControl: ConditionalGet.cacheControl(version))
        }
        heads.withLock { heads in
            if heads.count >= 10_000 { heads.removeAll(keepingCapacity: true) }
            heads[HeadsKey(id: version.id, kind: kind)] = built
        }
        return built
    }

    /// The heads of a kept response's 200 and 304 as the router builds them, up to its security headers (what follows
    /// them, X-Request-Id, Date and Server, differs per request), built once per kept body.
    struct KeptHeads: Sendable {
        let years: [Int64]
        let key: String
        let tag: String
        let ok: HTTPResponse
        let notModified: HTTPResponse
        /// `ok` and `notModified` as NIO's HTTP/1 encoder writes them (`HTTP1ToHTTPServerCodec`, then
        /// `HTTPResponseEncoder`), without the empty line that ends a head.
        let okBytes: ByteBuffer
        let notModifiedBytes: ByteBuffer

        init(years: [Int64], key: String, body: KeptBody, contentType: String, cacheControl: String) {
            self.years = years
            self.key = key
            self.tag = body.tag
            func head(ifNoneMatch: String?) -> HTTPResponse {
                var response = ConditionalGet.respond(ifNoneMatch: ifNoneMatch, with: body, contentType: contentType,
                                                      cacheControl: cacheControl)
                SecurityHeadersMiddleware.apply(to: &response.headers)
                return response.head
            }
            ok = head(ifNoneMatch: nil)
            notModified = head(ifNoneMatch: body.tag)
            okBytes = Self.encode(ok)
            notModifiedBytes = Self.encode(notModified)
        }

        /// The status line and header lines of `head` as NIO's encoder writes a response to a GET: HTTP/1.1,
        /// each field by the name as given, and for a status without a body (1xx, 204, 304) no Content-Length or
        /// Transfer-Encoding.
        static func encode(_ head: HTTPResponse) -> ByteBuffer {
            let noBody = head.status.kind == .informational || head.status.code == 204 || head.status.code == 304
            var bytes = ByteBuffer(string: "HTTP/1.1 \(head.status.code) \(head.status.reasonPhrase)\r\n")
            for field in head.headerFields {
                if noBody && (field.name == .contentLength || field.name == .transferEncoding) { continue }
                write(name: field.name.rawName, value: field.value, into: &bytes)
            }
            return bytes
        }

        /// Appends the header line `name: value` (the fast path's per-request fields are written straight into the
        /// head, with no string built for them).
        static func write(name: String, value: String, into bytes: inout ByteBuffer) {
            bytes.writeString(name)
            bytes.writeStaticString(": ")
            bytes.writeString(value)
            bytes.writeStaticString("\r\n")
        }
    }

    struct HeadsKey: Hashable {
        var id: Int64
        var kind: Kind
    }

    /// By version id and kind: the heads of its kept response and the published versions and key they were built for.
    private let heads = Mutex<[HeadsKey: KeptHeads]>([:])

    /// No cookie, no credentials, no body, no `Connection: close` and no `Expect`: the response depends on the
    /// address and If-None-Match alone, and the connection stays open after it.
    static func needsNothingPerRequest(_ fields: HTTPFields) -> Bool {
        if fields[.cookie] != nil || fields[.authorization] != nil || fields[.transferEncoding] != nil || fields[.expect] != nil {
            return false
        }
        if let length = fields[.contentLength], length != "0" { return false }
        if let connection = fields[.connection], connection.lowercased().contains("close") { return false }
        return true
    }
}
