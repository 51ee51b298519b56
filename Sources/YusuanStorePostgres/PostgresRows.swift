import Foundation
import PostgresNIO
import YusuanStore

/// Reads records out of PostgreSQL rows. A value the schema should have made impossible (an unknown
/// phase, a NULL in a NOT NULL column) is a `.backend` error naming the row, never a crash.
enum PostgresRows {
    static let departmentColumns = "id, code, name, region"
    static let versionColumns = """
        id, department_id, year, phase, number, status, created_at, created_by, published_at, \
        source_name, source_format, errors, warnings, notices
        """
    static let userColumns = "id, username, password_hash, role, department_id, created_at"

    static func department(_ row: PostgresRow) throws -> DepartmentRecord {
        let (id, code, name, region) = try row.decode((Int64, String, String, String).self)
        return DepartmentRecord(id: id, code: code, name: name, region: region)
    }

    static func version(_ row: PostgresRow) throws -> VersionRecord {
        let (id, departmentID, year, phaseText, number, statusText, createdAt, createdBy, publishedAt,
             sourceName, sourceFormat, errors, warnings, notices) = try row.decode(
                (Int64, Int64, Int, String, Int, String, Date, String, Date?, String, String, Int, Int, Int).self)
        guard let phase = VersionPhase(rawValue: phaseText) else {
            throw StoreError.backend("version \(id): unknown phase '\(phaseText)' in the database")
        }
        guard let status = VersionStatus(rawValue: statusText) else {
            throw StoreError.backend("version \(id): unknown status '\(statusText)' in the database")
        }
        return VersionRecord(
            id: id, departmentID: departmentID, year: year, phase: phase, number: number, status: status,
            createdAt: createdAt, createdBy: createdBy, publishedAt: publishedAt, sourceName: sourceName,
            sourceFormat: sourceFormat, errors: errors, warnings: warnings, notices: notices)
    }

    static func user(_ row: PostgresRow) throws -> UserRecord {
        let (id, username, passwordHash, roleText, departmentID, createdAt) = try row.decode(
            (Int64, String, String, String, Int64?, Date).self)
        guard let role = UserRole(rawValue: roleText) else {
            throw StoreError.backend("user \(id): unknown role '\(roleText)' in the database")
        }
        return UserRecord(id: id, username: username, passwordHash: passwordHash, role: role,
                          departmentID: departmentID, createdAt: createdAt)
    }

    static func fetchDepartment(_ connection: PostgresConnection, id: Int64, forUpdate: Bool = false,
                                logger: Logger) async throws -> DepartmentRecord? {
        let lock = forUpdate ? " FOR UPDATE" : ""
        return try await connection.rows(
            "SELECT \(unescaped: departmentColumns) FROM departments WHERE id = \(id)\(unescaped: lock)",
            logger: logger, department
        ).first
    }

    static func fetchVersion(_ connection: PostgresConnection, id: Int64, forUpdate: Bool = false,
                             logger: Logger) async throws -> VersionRecord? {
        let lock = forUpdate ? " FOR UPDATE" : ""
        return try await connection.rows(
            "SELECT \(unescaped: versionColumns) FROM versions WHERE id = \(id)\(unescaped: lock)",
            logger: logger, version
        ).first
    }

    static func fetchUser(_ connection: PostgresConnection, id: Int64, logger: Logger) async throws -> UserRecord? {
        try await connection.rows(
            "SELECT \(unescaped: userColumns) FROM users WHERE id = \(id)", logger: logger, user
        ).first
    }
}
