import Foundation
import PostgresNIO
import YusuanStore

extension PostgresStore {
    public func createUser(username: String, passwordHash: String, role: UserRole, departmentID: Int64?,
                           actor: Actor) async throws -> UserRecord {
        if role == .officer && departmentID == nil {
            throw StoreError.invalid("user \(username): an officer needs a department")
        }
        let now = Date()
        return try await transaction("creating user \(username)") { [logger] connection in
            let existing = try await connection.rows("SELECT 1 FROM users WHERE username = \(username)",
                                                     logger: logger) { _ in true }
            guard existing.isEmpty else {
                throw StoreError.conflict("user \(username) exists")
            }
            if let departmentID,
               try await PostgresRows.fetchDepartment(connection, id: departmentID, logger: logger) == nil {
                throw StoreError.notFound("department \(departmentID) for user \(username)")
            }
            let ids = try await connection.rows("""
                INSERT INTO users (username, password_hash, role, department_id, created_at)
                VALUES (\(username), \(passwordHash), \(role.rawValue), \(departmentID), \(now)) RETURNING id
                """, logger: logger) { try $0.decode(Int64.self) }
            guard let id = ids.first else {
                throw StoreError.backend("creating user \(username): no id returned")
            }
            try await Self.appendLog(connection, at: now, actor: actor, action: "user.create", target: "user \(username)",
                                     detail: departmentID.map { "\(role.rawValue), department \($0)" } ?? role.rawValue,
                                     logger: logger)
            guard let record = try await PostgresRows.fetchUser(connection, id: id, logger: logger) else {
                throw StoreError.backend("user \(username) vanished right after it was created")
            }
            return record
        }
    }

    public func user(username: String) async throws -> UserRecord? {
        try await rows("reading user \(username)", """
            SELECT \(unescaped: PostgresRows.userColumns) FROM users WHERE username = \(username)
            """, PostgresRows.user).first
    }

    public func user(id: Int64) async throws -> UserRecord? {
        try await rows("reading user \(id)", """
            SELECT \(unescaped: PostgresRows.userColumns) FROM users WHERE id = \(id)
            """, PostgresRows.user).first
    }

    public func users() async throws -> [UserRecord] {
        try await rows("listing users", """
            SELECT \(unescaped: PostgresRows.userColumns) FROM users ORDER BY username COLLATE "C"
            """, PostgresRows.user)
    }

    public func createSession(_ session: SessionRecord) async throws {
        try await transaction("creating a session for user \(session.userID)") { [logger] connection in
            try await connection.query("""
                INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
                VALUES (\(session.tokenHash), \(session.userID), \(session.csrfToken), \(session.expiresAt))
                """, logger: logger)
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> SessionRecord? {
        try await rows("reading a session", """
            SELECT token_hash, user_id, csrf_token, expires_at FROM sessions
            WHERE token_hash = \(tokenHash) AND expires_at > \(now)
            """) { row in
            let (tokenHash, userID, csrfToken, expiresAt) = try row.decode((String, Int64, String, Date).self)
            return SessionRecord(tokenHash: tokenHash, userID: userID, csrfToken: csrfToken, expiresAt: expiresAt)
        }.first
    }

    public func deleteSession(tokenHash: String) async throws {
        try await transaction("deleting a session") { [logger] connection in
            try await connection.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }

    public func deleteExpiredSessions(now: Date) async throws -> Int {
        try await transaction("deleting expired sessions") { [logger] connection in
            try await connection.rows("""
                WITH deleted AS (DELETE FROM sessions WHERE expires_at <= \(now) RETURNING 1)
                SELECT COUNT(*) FROM deleted
                """, logger: logger) { try $0.decode(Int.self) }.first ?? 0
        }
    }
}
