import Foundation
import PostgresNIO
import YusuanStore

extension PostgresStore {
    public func createDepartment(code: String, name: String, region: String, actor: Actor) async throws -> DepartmentRecord {
        let now = Date()
        return try await transaction("creating department \(code)") { [logger] connection in
            let existing = try await connection.rows("SELECT 1 FROM departments WHERE code = \(code)", logger: logger) { _ in true }
            guard existing.isEmpty else {
                throw StoreError.conflict("department code \(code) exists")
            }
            let ids = try await connection.rows("""
                INSERT INTO departments (code, name, region) VALUES (\(code), \(name), \(region)) RETURNING id
                """, logger: logger) { try $0.decode(Int64.self) }
            guard let id = ids.first else {
                throw StoreError.backend("creating department \(code): no id returned")
            }
            try await Self.appendLog(connection, at: now, actor: actor, action: "department.create",
                                     target: "department \(code)", detail: "\(name) (\(region))", logger: logger)
            return DepartmentRecord(id: id, code: code, name: name, region: region)
        }
    }

    public func department(code: String) async throws -> DepartmentRecord? {
        try await rows("reading department \(code)", """
            SELECT \(unescaped: PostgresRows.departmentColumns) FROM departments WHERE code = \(code)
            """, PostgresRows.department).first
    }

    public func department(id: Int64) async throws -> DepartmentRecord? {
        try await rows("reading department \(id)", """
            SELECT \(unescaped: PostgresRows.departmentColumns) FROM departments WHERE id = \(id)
            """, PostgresRows.department).first
    }

    public func departments() async throws -> [DepartmentRecord] {
        try await rows("listing departments", """
            SELECT \(unescaped: PostgresRows.departmentColumns) FROM departments ORDER BY code COLLATE "C"
            """, PostgresRows.department)
    }

    public func departmentStatuses() async throws -> [DepartmentStatus] {
        try await transaction("reading the departments' statuses") { [logger] connection in
            try await connection.query("SET TRANSACTION READ ONLY, ISOLATION LEVEL REPEATABLE READ", logger: logger)
            let departments = try await connection.rows("""
                SELECT \(unescaped: PostgresRows.departmentColumns) FROM departments ORDER BY code COLLATE "C"
                """, logger: logger, PostgresRows.department)
            let latest = try await connection.rows("""
                SELECT \(unescaped: PostgresRows.versionColumns) FROM versions
                WHERE id IN (SELECT MAX(id) FROM versions GROUP BY department_id)
                """, logger: logger, PostgresRows.version)
            let latestPublished = try await connection.rows("""
                SELECT \(unescaped: PostgresRows.versionColumns) FROM versions
                WHERE id IN (SELECT MAX(id) FROM versions WHERE status = 'published' GROUP BY department_id)
                """, logger: logger, PostgresRows.version)
            let latestByDepartment = Dictionary(latest.map { ($0.departmentID, $0) }, uniquingKeysWith: { a, _ in a })
            let publishedByDepartment = Dictionary(latestPublished.map { ($0.departmentID, $0) },
                                                   uniquingKeysWith: { a, _ in a })
            return departments.map { department in
                DepartmentStatus(department: department, latest: latestByDepartment[department.id],
                                 latestPublished: publishedByDepartment[department.id])
            }
        }
    }
}
