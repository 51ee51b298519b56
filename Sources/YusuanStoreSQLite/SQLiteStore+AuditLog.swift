import Foundation
import GRDB
import YusuanStore

extension SQLiteStore {
    public func log(action: String, target: String, detail: String, actor: Actor) async throws {
        let now = Date()
        try await write("writing the audit log line '\(action)'") { db in
            try Self.appendLog(db, at: now, actor: actor, action: action, target: target, detail: detail)
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditLogEntry] {
        let limit = max(0, limit)
        return try await read("reading the audit log") { db in
            try Row.fetchAll(
                db, sql: "SELECT id, at, username, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?",
                arguments: [limit]
            ).map { row in
                AuditLogEntry(
                    id: try row.decode(Int64.self, forColumn: "id"),
                    at: try row.decode(Date.self, forColumn: "at"),
                    username: try row.decode(String.self, forColumn: "username"),
                    action: try row.decode(String.self, forColumn: "action"),
                    target: try row.decode(String.self, forColumn: "target"),
                    detail: try row.decode(String.self, forColumn: "detail"))
            }
        }
    }

    /// Appends one audit-log line inside the caller's transaction.
    static func appendLog(_ db: Database, at: Date, actor: Actor, action: String, target: String, detail: String) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, username, action, target, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [at, actor.username, action, target, detail])
    }
}
