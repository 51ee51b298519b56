import Foundation
import GRDB
import YusuanStore

extension SQLiteStore {
    public func createDepartment(code: String, name: String, region: String, actor: Actor) async throws -> DepartmentRecord {
        let now = Date()
        return try await write("creating department \(code)") { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM departments WHERE code = ?", arguments: [code]) != nil {
                throw StoreError.conflict("department code \(code) exists")
            }
            try db.execute(
                sql: "INSERT INTO departments (code, name, region) VALUES (?, ?, ?)", arguments: [code, name, region])
            let record = DepartmentRecord(id: db.lastInsertedRowID, code: code, name: name, region: region)
            try Self.appendLog(db, at: now, actor: actor, action: "department.create", target: "department \(code)",
                               detail: "\(name) (\(region))")
            return record
        }
    }

    public func department(code: String) async throws -> DepartmentRecord? {
        try await read("reading department \(code)") { db in
            try Row.fetchOne(db, sql: "SELECT \(SQLiteRows.departmentColumns) FROM departments WHERE code = ?",
                             arguments: [code]).map(SQLiteRows.department)
        }
    }

    public func department(id: Int64) async throws -> DepartmentRecord? {
        try await read("reading department \(id)") { db in try SQLiteRows.fetchDepartment(db, id: id) }
    }

    public func departments() async throws -> [DepartmentRecord] {
        try await read("listing departments") { db in
            try Row.fetchAll(db, sql: "SELECT \(SQLiteRows.departmentColumns) FROM departments ORDER BY code")
                .map(SQLiteRows.department)
        }
    }

    public func departmentStatuses() async throws -> [DepartmentStatus] {
        try await read("reading the departments' statuses") { db in
            let departments = try Row.fetchAll(
                db, sql: "SELECT \(SQLiteRows.departmentColumns) FROM departments ORDER BY code"
            ).map(SQLiteRows.department)
            let latest = try Self.versionsByDepartment(db, sql: """
                SELECT \(SQLiteRows.versionColumns) FROM versions
                WHERE id IN (SELECT MAX(id) FROM versions GROUP BY department_id)
                """)
            let latestPublished = try Self.versionsByDepartment(db, sql: """
                SELECT \(SQLiteRows.versionColumns) FROM versions
                WHERE id IN (SELECT MAX(id) FROM versions WHERE status = 'published' GROUP BY department_id)
                """)
            return departments.map { department in
                DepartmentStatus(department: department, latest: latest[department.id],
                                 latestPublished: latestPublished[department.id])
            }
        }
    }

    private static func versionsByDepartment(_ db: Database, sql: String) throws -> [Int64: VersionRecord] {
        var result: [Int64: VersionRecord] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            let version = try SQLiteRows.version(row)
            result[version.departmentID] = version
        }
        return result
    }
}
