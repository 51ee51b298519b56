import Foundation
import GRDB
import YusuanStore

/// Reads records out of SQLite rows. A value the schema should have made impossible (an unknown
/// phase, a NULL where a column is NOT NULL) is a `.backend` error naming the row, never a crash.
enum SQLiteRows {
    static let departmentColumns = "id, code, name, region"
    static let versionColumns = """
        id, department_id, year, phase, number, status, created_at, created_by, published_at, \
        source_name, source_format, errors, warnings, notices
        """
    static let userColumns = "id, username, password_hash, role, department_id, created_at"

    static func department(_ row: Row) throws -> DepartmentRecord {
        DepartmentRecord(
            id: try row.decode(Int64.self, forColumn: "id"),
            code: try row.decode(String.self, forColumn: "code"),
            name: try row.decode(String.self, forColumn: "name"),
            region: try row.decode(String.self, forColumn: "region"))
    }

    static func version(_ row: Row) throws -> VersionRecord {
        let id = try row.decode(Int64.self, forColumn: "id")
        let phaseText = try row.decode(String.self, forColumn: "phase")
        guard let phase = VersionPhase(rawValue: phaseText) else {
            throw StoreError.backend("version \(id): unknown phase '\(phaseText)' in the database")
        }
        let statusText = try row.decode(String.self, forColumn: "status")
        guard let status = VersionStatus(rawValue: statusText) else {
            throw StoreError.backend("version \(id): unknown status '\(statusText)' in the database")
        }
        return VersionRecord(
            id: id,
            departmentID: try row.decode(Int64.self, forColumn: "department_id"),
            year: try row.decode(Int.self, forColumn: "year"),
            phase: phase,
            number: try row.decode(Int.self, forColumn: "number"),
            status: status,
            createdAt: try row.decode(Date.self, forColumn: "created_at"),
            createdBy: try row.decode(String.self, forColumn: "created_by"),
            publishedAt: try row.decode(Date?.self, forColumn: "published_at"),
            sourceName: try row.decode(String.self, forColumn: "source_name"),
            sourceFormat: try row.decode(String.self, forColumn: "source_format"),
            errors: try row.decode(Int.self, forColumn: "errors"),
            warnings: try row.decode(Int.self, forColumn: "warnings"),
            notices: try row.decode(Int.self, forColumn: "notices"))
    }

    static func user(_ row: Row) throws -> UserRecord {
        let id = try row.decode(Int64.self, forColumn: "id")
        let roleText = try row.decode(String.self, forColumn: "role")
        guard let role = UserRole(rawValue: roleText) else {
            throw StoreError.backend("user \(id): unknown role '\(roleText)' in the database")
        }
        return UserRecord(
            id: id,
            username: try row.decode(String.self, forColumn: "username"),
            passwordHash: try row.decode(String.self, forColumn: "password_hash"),
            role: role,
            departmentID: try row.decode(Int64?.self, forColumn: "department_id"),
            createdAt: try row.decode(Date.self, forColumn: "created_at"))
    }

    static func fetchDepartment(_ db: Database, id: Int64) throws -> DepartmentRecord? {
        // Cached statements: these lookups run on every page, and preparing SQL (with GRDB's authorizer) costs
        // more than running it.
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(departmentColumns) FROM departments WHERE id = ?"), arguments: [id])
            .map(department)
    }

    static func fetchVersion(_ db: Database, id: Int64) throws -> VersionRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(versionColumns) FROM versions WHERE id = ?"), arguments: [id]).map(version)
    }

    static func fetchUser(_ db: Database, id: Int64) throws -> UserRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(userColumns) FROM users WHERE id = ?"), arguments: [id]).map(user)
    }
}
