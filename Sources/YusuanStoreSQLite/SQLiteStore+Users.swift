import Foundation
import GRDB
import YusuanStore

extension SQLiteStore {
    public func createUser(username: String, passwordHash: String, role: UserRole, departmentID: Int64?,
                           actor: Actor) async throws -> UserRecord {
        if role == .officer && departmentID == nil {
            throw StoreError.invalid("user \(username): an officer needs a department")
        }
        let now = Date()
        return try await write("creating user \(username)") { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM users WHERE username = ?", arguments: [username]) != nil {
                throw StoreError.conflict("user \(username) exists")
            }
            if let departmentID, try SQLiteRows.fetchDepartment(db, id: departmentID) == nil {
                throw StoreError.notFound("department \(departmentID) for user \(username)")
            }
            try db.execute(sql: """
                INSERT INTO users (username, password_hash, role, department_id, created_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [username, passwordHash, role.rawValue, departmentID, now])
            let id = db.lastInsertedRowID
            try Self.appendLog(db, at: now, actor: actor, action: "user.create", target: "user \(username)",
                               detail: departmentID.map { "\(role.rawValue), department \($0)" } ?? role.rawValue)
            guard let record = try SQLiteRows.fetchUser(db, id: id) else {
                throw StoreError.backend("user \(username) vanished right after it was created")
            }
            return record
        }
    }

    public func user(username: String) async throws -> UserRecord? {
        try await read("reading user \(username)") { db in
            try Row.fetchOne(db, sql: "SELECT \(SQLiteRows.userColumns) FROM users WHERE username = ?",
                             arguments: [username]).map(SQLiteRows.user)
        }
    }

    public func user(id: Int64) async throws -> UserRecord? {
        try await read("reading user \(id)") { db in try SQLiteRows.fetchUser(db, id: id) }
    }

    public func users() async throws -> [UserRecord] {
        try await read("listing users") { db in
            try Row.fetchAll(db, sql: "SELECT \(SQLiteRows.userColumns) FROM users ORDER BY username")
                .map(SQLiteRows.user)
        }
    }

    public func createSession(_ session: SessionRecord) async throws {
        try await write("creating a session for user \(session.userID)") { db in
            try db.execute(sql: """
                INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)
                """, arguments: [session.tokenHash, session.userID, session.csrfToken, session.expiresAt])
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> SessionRecord? {
        try await read("reading a session") { db in
            try Row.fetchOne(db, sql: """
                SELECT token_hash, user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?
                """, arguments: [tokenHash, now]).map { row in
                    SessionRecord(tokenHash: try row.decode(String.self, forColumn: "token_hash"),
                                  userID: try row.decode(Int64.self, forColumn: "user_id"),
                                  csrfToken: try row.decode(String.self, forColumn: "csrf_token"),
                                  expiresAt: try row.decode(Date.self, forColumn: "expires_at"))
                }
        }
    }

    public func deleteSession(tokenHash: String) async throws {
        try await write("deleting a session") { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    public func deleteExpiredSessions(now: Date) async throws -> Int {
        try await write("deleting expired sessions") { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [now])
            return db.changesCount
        }
    }
}
