import Foundation
import Logging
import PostgresNIO
import YusuanStore

extension PostgresStore {
    public func log(action: String, target: String, detail: String, actor: Actor) async throws {
        let now = Date()
        try await transaction("writing the audit log line '\(action)'") { [logger] connection in
            try await Self.appendLog(connection, at: now, actor: actor, action: action, target: target, detail: detail,
                                     logger: logger)
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditLogEntry] {
        let limit = max(0, limit)
        return try await rows(
            "reading the audit log",
            "SELECT id, at, username, action, target, detail FROM audit_log ORDER BY id DESC LIMIT \(limit)"
        ) { row in
            let (id, at, username, action, target, detail) = try row.decode((Int64, Date, String, String, String, String).self)
            return AuditLogEntry(id: id, at: at, username: username, action: action, target: target, detail: detail)
        }
    }

    /// Appends one audit-log line inside the caller's transaction.
    static func appendLog(_ connection: PostgresConnection, at: Date, actor: Actor, action: String, target: String,
                          detail: String, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO audit_log (at, username, action, target, detail)
            VALUES (\(at), \(actor.username), \(action), \(target), \(detail))
            """, logger: logger)
    }
}
