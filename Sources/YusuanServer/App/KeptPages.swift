import Hummingbird
import Logging
import Synchronization
import YusuanStore

/// The kept pages' fast path: answers from the request head alone, on the connection's event loop, an anonymous
/// reader's request for a disclosure page whose whole response `DisclosureCache` keeps, with the bytes the router
/// would send (status, entity tag and 304, Cache-Control, Content-Type, the security headers, X-Request-Id, Date,
/// Server) and the same request log line. `KeptPageHandler` asks it for every request head it may answer.
///
/// It answers only what needs nothing per request: a GET of `/versions/{id}` with no query, no Cookie and no
/// Authorization (so the language is Chinese and nobody is signed in), and only while every lookup the route
/// makes would be answered from memory: the version's record kept as published, the department's published
/// versions read less than `publishedFreshness` ago (a publication through this server forgets them at once), and
/// the page kept under the same key. Anything else returns nil and goes through the router unchanged, which keeps
/// the page again.
final class KeptPages: Sendable {
    /// A response the fast path gives: the head, and the body for a 200.
    struct Answer {
        var head: HTTPResponse
        var body: ByteBuffer?
    }

    let disclosures: DisclosureCache
    let published: PublishedYears
    let logger: Logger
    let serverName: String?
    private let ids = RequestIDs()
    private let dates = HTTPDates()
    private let answered = Atomic<Int>(0)

    init(services: PortalServices, logger: Logger, serverName: String?) {
        self.disclosures = services.disclosures
        self.published = services.published
        self.logger = logger
        self.serverName = serverName
    }

    /// How many requests the fast path has answered (tests tell its answers from the router's by it).
    var served: Int { answered.load(ordering: .relaxed) }

    static let prefix = "/versions/"

    /// The response to `request` when the fast path may give it; nil hands the request on to the router.
    func answer(_ request: HTTPRequest) -> Answer? {
        let start = ContinuousClock.now
        guard request.method == .get, let path = request.path, path.hasPrefix(Self.prefix),
              let id = Int64(path.dropFirst(Self.prefix.utf8.count)), Self.needsNothingPerRequest(request.headerFields)
        else { return nil }
        // The route's own lookups, each answered from memory or not at all. No query and no cookie: Chinese.
        guard let version = disclosures.publishedRecord(id: id), let years = published.fresh(departmentID: version.departmentID)
        else { return nil }
        let known = heads.withLock { $0[version.id] }
        let key = known.flatMap { $0.years.elementsEqual(years.lazy.map(\.id)) ? $0.key : nil }
            ?? VersionPage.pageKey(version, published: years, lang: .zh)
        guard let kept = disclosures.response(id: version.id, key: key) else { return nil }
        let page: KeptHeads
        if let known, known.key == key, known.tag == kept.tag {
            page = known
        } else {
            page = KeptHeads(years: years.map(\.id), key: key, body: kept)
            heads.withLock { heads in
                if heads.count >= 10_000 { heads.removeAll(keepingCapacity: true) }
                heads[version.id] = page
            }
        }
        let notModified = request.headerFields[.ifNoneMatch].map { ConditionalGet.matches($0, tag: kept.tag) } ?? false
        var head = notModified ? page.notModified : page.ok
        let requestID = RequestIDMiddleware.requestID(given: request.headerFields[.xRequestID], ids: ids)
        head.headerFields[.xRequestID] = requestID
        head.headerFields[.date] = dates.now()
        if let serverName { head.headerFields[.server] = serverName }
        if logger.logLevel <= .info {
            var logger = self.logger
            logger[metadataKey: "hb.request.id"] = .stringConvertible(RequestID())
            logger[metadataKey: "request_id"] = "\(requestID)"
            RequestIDMiddleware.log(logger, method: request.method, path: path, status: head.status,
                                    elapsed: ContinuousClock.now - start)
        }
        answered.add(1, ordering: .relaxed)
        return Answer(head: head, body: notModified ? nil : kept.buffer)
    }

    /// The heads of a kept page's 200 and 304 as the router builds them, up to its security headers (what follows
    /// them, X-Request-Id, Date and Server, differs per request), built once per kept body.
    struct KeptHeads: Sendable {
        let years: [Int64]
        let key: String
        let tag: String
        let ok: HTTPResponse
        let notModified: HTTPResponse

        init(years: [Int64], key: String, body: KeptBody) {
            self.years = years
            self.key = key
            self.tag = body.tag
            func head(ifNoneMatch: String?) -> HTTPResponse {
                var response = ConditionalGet.respond(ifNoneMatch: ifNoneMatch, with: body, contentType: Views.htmlType,
                                                      cacheControl: ConditionalGet.pageCacheControl)
                SecurityHeadersMiddleware.apply(to: &response.headers)
                return response.head
            }
            ok = head(ifNoneMatch: nil)
            notModified = head(ifNoneMatch: body.tag)
        }
    }

    /// By version id: the heads of its kept page and the published versions and key they were built for.
    private let heads = Mutex<[Int64: KeptHeads]>([:])

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
