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
    @Flag(help: "Mark cookies Secure (when served behind TLS).") var secureCookies = false
    @Flag(help: "Take client addresses from X-Forwarded-For (only behind a trusted reverse proxy).") var trustForwardedFor = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard (1...1024).contains(uploadLimit) else { throw ValidationError("--upload-limit must be 1–1024 (MB)") }
    }

    func run() async throws {
        Portal.bootstrapLogging()
        let configuration = PortalConfiguration(host: host, port: port, database: database, uploadLimit: uploadLimit * 1_048_576,
                                                secureCookies: secureCookies, trustForwardedFor: trustForwardedFor)
        try await Portal.run(configuration: configuration)
    }
}
