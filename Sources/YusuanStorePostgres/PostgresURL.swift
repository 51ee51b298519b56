import Foundation
import PostgresNIO
import YusuanStore

/// A connection URL: `postgres://user:password@host:port/database?schema=NAME&sslmode=disable`.
///
/// `schema` (optional) puts every table in that schema (created by `migrate()`); `sslmode` is
/// `disable` (the default), `require` or `verify-full` (both verify the server's certificate);
/// `connect_timeout` is how many seconds an operation waits for a connection (default 10).
struct PostgresURL: Equatable {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    var schema: String?
    var tls: TLSMode
    /// How long to wait for a connection, in seconds (libpq's `connect_timeout`).
    var connectTimeoutSeconds: Int

    enum TLSMode: String, Equatable {
        case disable, require, verifyFull = "verify-full"
    }

    init(_ text: String) throws {
        let shown = Self.redacted(text)
        guard let components = URLComponents(string: text),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw StoreError.invalid("PostgreSQL URL \(shown): expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError.invalid("PostgreSQL URL \(shown): no host")
        }
        guard let username = components.user, !username.isEmpty else {
            throw StoreError.invalid("PostgreSQL URL \(shown): no user name")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            throw StoreError.invalid("PostgreSQL URL \(shown): port \(port) is out of range")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else {
            throw StoreError.invalid("PostgreSQL URL \(shown): the path must be just the database name")
        }
        self.host = host
        self.port = port
        self.username = username
        self.password = components.password
        self.database = path.isEmpty ? username : path
        self.schema = nil
        self.tls = .disable
        self.connectTimeoutSeconds = 10
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard Self.isPlainIdentifier(value) else {
                    throw StoreError.invalid("""
                        PostgreSQL URL \(shown): schema '\(value)' must be a plain lower-case name \
                        (letters a-z, digits, underscores; at most 63)
                        """)
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw StoreError.invalid("PostgreSQL URL \(shown): sslmode '\(value)' is not one of disable, require, verify-full")
                }
                tls = mode
            case "connect_timeout":
                guard let seconds = Int(value), (1...3600).contains(seconds) else {
                    throw StoreError.invalid("PostgreSQL URL \(shown): connect_timeout '\(value)' is not a number of seconds (1 to 3600)")
                }
                connectTimeoutSeconds = seconds
            default:
                throw StoreError.invalid("""
                    PostgreSQL URL \(shown): unknown parameter '\(item.name)' (known: schema, sslmode, connect_timeout)
                    """)
            }
        }
    }

    /// The client configuration this URL describes.
    func configuration() -> PostgresClient.Configuration {
        let tlsSetting: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: tlsSetting = .disable
        case .require, .verifyFull: tlsSetting = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }

    /// Lower-case letters, digits and underscores, starting with a letter or underscore: a name that
    /// needs no quoting rules beyond double quotes.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 63,
              first == "_" || ("a"..."z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The URL with its password replaced, for error messages (also when the URL does not parse).
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[..<authority.index(after: colon)]) + "***" + String(text[at...])
    }
}
