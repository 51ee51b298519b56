import ArgumentParser
import YusuanServer

/// `yusuan serve`: the web portal and JSON API over a store (SQLite file by default, or PostgreSQL).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web portal and JSON API (http://127.0.0.1:8080 by default).",
        discussion: """
            The database is a SQLite file (created and migrated when absent; default ./yusuan.db) or a \
            postgres:// URL. An empty database is loaded with the bundled example, so the portal shows a real \
            disclosure at once. Create the first administrator with `yusuan user add NAME --role admin`.
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "SQLite file path or postgres:// URL.") var database = "yusuan.db"
    @Option(help: "Largest upload accepted, in MB.") var uploadLimit = 20
    @Option(help: "Uploads and document audits run at once (default: the number of cores).") var maxAudits: Int?
    @Option(help: "Uploads and document audits waiting for a turn; more get 503 with Retry-After.") var maxQueued = 16
    @Option(help: "Seconds a connection may stay silent (a request head sent slowly included) before it is closed.") var idleTimeout = 30
    @Option(help: "Seconds a request body may take to arrive before 408.") var bodyTimeout = 60
    @Option(help: "Event loops, the threads that read and write connections (default: the number of cores). On a machine shared with other busy work, fewer threads than cores can shorten the slowest responses.")
    var eventLoops: Int?
    @Option(help: "What the log on standard error holds: info (a line per request, the default), notice or warning (the server's own events and problems only), debug, trace, error, critical.")
    var logLevel = "info"
    @Flag(help: "Mark cookies Secure (when served behind TLS).") var secureCookies = false
    @Flag(help: "Take client addresses from X-Forwarded-For (only behind a trusted reverse proxy).") var trustForwardedFor = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard (1...1024).contains(uploadLimit) else { throw ValidationError("--upload-limit must be 1–1024 (MB)") }
        if let maxAudits, !(1...1024).contains(maxAudits) { throw ValidationError("--max-audits must be 1–1024") }
        guard (0...100_000).contains(maxQueued) else { throw ValidationError("--max-queued must be 0–100000") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be 1–3600 (seconds)") }
        guard (1...3600).contains(bodyTimeout) else { throw ValidationError("--body-timeout must be 1–3600 (seconds)") }
        if let eventLoops, !(1...1024).contains(eventLoops) { throw ValidationError("--event-loops must be 1–1024") }
        guard Portal.logLevelNames.contains(logLevel) else {
            throw ValidationError("--log-level must be one of \(Portal.logLevelNames.joined(separator: ", "))")
        }
    }

    func run() async throws {
        _ = Portal.bootstrapLogging(levelNamed: logLevel)
        var configuration = PortalConfiguration(host: host, port: port, database: database, uploadLimit: uploadLimit * 1_048_576,
                                                secureCookies: secureCookies, trustForwardedFor: trustForwardedFor)
        if let maxAudits { configuration.maxRunningAudits = maxAudits }
        configuration.maxQueuedAudits = maxQueued
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.bodyTimeout = .seconds(bodyTimeout)
        configuration.eventLoops = eventLoops
        try await Portal.run(configuration: configuration)
    }
}
