import Foundation
import Hummingbird
import Logging
import NIOCore
import YusuanStore

/// `yusuan serve`: the portal and JSON API. `run` opens the store and serves until interrupted;
/// `application` builds the same application over a given store for in-process tests.
public enum Portal {
    /// Opens the store named by the configuration, migrates it, loads the bundled examples when it is
    /// empty, and serves until SIGINT/SIGTERM.
    /// Call once per process: the event loop count (`configuration.eventLoops`) can be set only before NIO's shared
    /// group is first used.
    public static func run(configuration: PortalConfiguration, logger: Logger = Logger(label: "yusuan.serve")) async throws {
        defer { LogSink.standardError.flush() }  // the lines still waiting in the buffer, before the process ends
        if let loops = configuration.eventLoops, loops > 0 { NIOSingletons.groupLoopCountSuggestion = loops }
        let store = try await StoreOpener.open(configuration.database)
        do {
            let app = try await application(store: store, configuration: configuration, logger: logger)
            logger.notice("serving", metadata: ["url": "http://\(configuration.host):\(configuration.port)",
                                              "database": "\(redacted(configuration.database))",
                                              "event_loops": "\(NIOSingletons.groupLoopCountSuggestion)"])
            try await app.runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    /// The application over `store`: migrates it and loads the bundled examples when it is empty.
    /// `audits` replaces the queue the configuration describes (tests hold its slots themselves).
    /// Connections idle for `idleTimeout` (a request head sent slowly included) are closed.
    public static func application(store: any YusuanStore, configuration: PortalConfiguration,
                                   logger: Logger = Logger(label: "yusuan.serve"),
                                   audits: AuditQueue? = nil) async throws -> some ApplicationProtocol {
        try await portal(store: store, configuration: configuration, logger: logger, audits: audits).application
    }

    static let serverName = "yusuan"

    /// The application and its kept pages' fast path (nil when the configuration turns it off), which tests
    /// ask how many requests it answered.
    static func portal(store: any YusuanStore, configuration: PortalConfiguration, logger: Logger,
                       audits: AuditQueue?) async throws -> (application: some ApplicationProtocol, pages: KeptPages?) {
        let services = try await services(store: store, configuration: configuration, logger: logger, audits: audits)
        let pages = configuration.keptPagesFastPath ? KeptPages(services: services, logger: logger, serverName: serverName) : nil
        let application = Application(router: router(services),
                                      server: PortalHTTP1Channel.builder(idleTimeout: configuration.idleTimeout, pages: pages),
                                      configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: serverName),
                                      logger: logger)
        return (application, pages)
    }

    /// The router with every page and API route (the OpenAPI coverage test reads its `routes`).
    public static func router(store: any YusuanStore, configuration: PortalConfiguration,
                              logger: Logger = Logger(label: "yusuan.serve"),
                              audits: AuditQueue? = nil) async throws -> Router<PortalContext> {
        router(try await services(store: store, configuration: configuration, logger: logger, audits: audits))
    }

    /// Migrates the store, loads the bundled examples when it is empty, removes what an earlier run left, and
    /// builds what every route needs.
    static func services(store: any YusuanStore, configuration: PortalConfiguration, logger: Logger,
                         audits: AuditQueue?) async throws -> PortalServices {
        try await store.migrate()
        if configuration.loadExamples {
            try await ExampleLoader.loadIfEmpty(store, logger: logger)
        }
        _ = try await store.deleteExpiredSessions(now: Date())
        let stale = VersionBuilder.removeStaleUploads()
        if stale > 0 { logger.info("removed upload folders left by an earlier run", metadata: ["count": "\(stale)"]) }
        return try await PortalServices(store: store, configuration: configuration, logger: logger, audits: audits)
    }

    /// The router over `services`.
    static func router(_ services: PortalServices) -> Router<PortalContext> {
        let store = services.store
        let configuration = services.configuration
        // HEAD of any GET address: the GET's status and headers (its Content-Length included), no body.
        let router = Router(context: PortalContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: LanguageMiddleware(secure: configuration.secureCookies))
        router.add(middleware: ErrorMiddleware(services: services))
        router.add(middleware: BodyDeadlineMiddleware(timeout: configuration.bodyTimeout))
        router.add(middleware: SessionMiddleware(store: store, sweeper: ExpiredSessionSweeper(), secure: configuration.secureCookies))
        StaticRoutes.register(router, services)
        HomePage.register(router, services)
        DepartmentPage.register(router, services)
        VersionPage.register(router, services)
        AuditPages.register(router, services)
        ComparisonPages.register(router, services)
        Downloads.register(router, services)
        AccountPages.register(router, services)
        OfficerPages.register(router, services)
        ReviewerPages.register(router, services)
        AdminPages.register(router, services)
        APIRoutes.register(router, services)
        return router
    }

    /// A logger of the portal at `level` (tests use .warning to keep their output short).
    public static func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "yusuan.serve")
        logger.logLevel = level
        return logger
    }

    /// Structured logs to standard error (one line per event, with the request id as metadata).
    /// Call once, before `run`.
    public static func bootstrapLogging(level: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in PortalLogHandler(label: label, level: level) }
    }

    /// The log levels by name, least to most severe ("info" writes a line per request; "notice" and
    /// above only the server's own events and problems).
    public static let logLevelNames = Logger.Level.allCases.map(\.rawValue)

    /// `bootstrapLogging` at the level named `name` (one of `logLevelNames`); false for another name.
    public static func bootstrapLogging(levelNamed name: String) -> Bool {
        guard let level = Logger.Level(rawValue: name) else { return false }
        bootstrapLogging(level: level)
        return true
    }

    /// The paths of every API route the router serves, as "METHOD /path" (for the OpenAPI coverage test).
    public static func documentedAPIRoutes() -> [String] {
        APIRoutes.all.map { "\($0.method.rawValue) \($0.path)" }
    }

    /// The OpenAPI document as JSON data.
    public static func openAPIDocument() throws -> Data {
        try JSONSerialization.data(withJSONObject: OpenAPIDocument.build(), options: [.sortedKeys])
    }

    /// A postgres:// URL without its password, for logs.
    static func redacted(_ database: String) -> String {
        guard var c = URLComponents(string: database), c.password != nil else { return database }
        c.password = "***"
        return c.string ?? "postgres://***"
    }
}

/// The stylesheets under /static.
enum StaticRoutes {
    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/static/{name}") { _, context in
            guard let name = context.parameters.get("name"), let file = services.staticFiles.files[name] else {
                throw PortalError.notFound("static file")
            }
            return Response(status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(string: file.body)))
        }
    }
}
