import Foundation
import GRDB
import YusuanStore
import YusuanCore

extension SQLiteStore {
    public func saveDraft(_ version: NewVersion, actor: Actor) async throws -> VersionRecord {
        let now = Date()
        let what = "saving a draft for department \(version.departmentID), \(version.year) \(version.phase.rawValue)"
        return try await write(what) { db in
            guard let department = try SQLiteRows.fetchDepartment(db, id: version.departmentID) else {
                throw StoreError.notFound("department \(version.departmentID)")
            }
            let number = try Int.fetchOne(db, sql: """
                SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE department_id = ? AND year = ? AND phase = ?
                """, arguments: [version.departmentID, version.year, version.phase.rawValue]) ?? 1
            try db.execute(sql: """
                INSERT INTO versions (department_id, year, phase, number, status, created_at, created_by, published_at,
                                      source_name, source_format, errors, warnings, notices, source, disclosure)
                VALUES (?, ?, ?, ?, 'draft', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    version.departmentID, version.year, version.phase.rawValue, number, now, actor.username,
                    version.sourceName, version.sourceFormat, version.errors, version.warnings, version.notices,
                    version.content.source, version.content.disclosure,
                ])
            let id = db.lastInsertedRowID
            let insertFigure = try db.makeStatement(sql: """
                INSERT INTO figures (version_id, seq, table_name, row_label, column_label, fen) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for (seq, figure) in version.figures.enumerated() {
                try insertFigure.execute(arguments: [id, seq, figure.table, figure.row, figure.column, figure.fen])
            }
            let insertFinding = try db.makeStatement(sql: """
                INSERT INTO findings (version_id, seq, rule_id, severity, message, location, message_en)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for (seq, finding) in version.findings.enumerated() {
                try insertFinding.execute(arguments: [id, seq, finding.ruleID, finding.severity, finding.message,
                                                      finding.location, finding.messageEnglish])
            }
            try Self.appendLog(
                db, at: now, actor: actor, action: "version.upload", target: "version \(id)",
                detail: StoreAuditText.upload(code: department.code, version: version, number: number))
            guard let record = try SQLiteRows.fetchVersion(db, id: id) else {
                throw StoreError.backend("version \(id) vanished right after it was saved")
            }
            return record
        }
    }

    public func publish(versionID: Int64, actor: Actor) async throws -> VersionRecord {
        let now = Date()
        return try await write("publishing version \(versionID)") { db in
            guard let version = try SQLiteRows.fetchVersion(db, id: versionID) else {
                throw StoreError.notFound("version \(versionID)")
            }
            guard version.status == .draft else {
                throw StoreError.immutable("version \(versionID) is already published")
            }
            try db.execute(sql: "UPDATE versions SET status = 'published', published_at = ? WHERE id = ?",
                           arguments: [now, versionID])
            try Self.appendLog(db, at: now, actor: actor, action: "version.publish", target: "version \(versionID)",
                               detail: StoreAuditText.describe(version))
            guard let record = try SQLiteRows.fetchVersion(db, id: versionID) else {
                throw StoreError.backend("version \(versionID) vanished while it was published")
            }
            return record
        }
    }

    public func deleteDraft(versionID: Int64, actor: Actor) async throws {
        let now = Date()
        try await write("deleting version \(versionID)") { db in
            guard let version = try SQLiteRows.fetchVersion(db, id: versionID) else {
                throw StoreError.notFound("version \(versionID)")
            }
            guard version.status == .draft else {
                throw StoreError.immutable("version \(versionID) is published and cannot be deleted")
            }
            try db.execute(sql: "DELETE FROM versions WHERE id = ?", arguments: [versionID])
            try Self.appendLog(db, at: now, actor: actor, action: "version.delete", target: "version \(versionID)",
                               detail: StoreAuditText.describe(version))
        }
    }

    public func version(id: Int64) async throws -> VersionRecord? {
        try await read("reading version \(id)") { db in try SQLiteRows.fetchVersion(db, id: id) }
    }

    public func content(versionID: Int64) async throws -> VersionContent? {
        try await read("reading the content of version \(versionID)") { db in
            try Row.fetchOne(db, sql: "SELECT source, disclosure FROM versions WHERE id = ?", arguments: [versionID])
                .map { row in
                    VersionContent(source: try row.decode(Data.self, forColumn: "source"),
                                   disclosure: try row.decode(Data.self, forColumn: "disclosure"))
                }
        }
    }

    public func versions(departmentID: Int64) async throws -> [VersionRecord] {
        try await read("listing the versions of department \(departmentID)") { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(SQLiteRows.versionColumns) FROM versions WHERE department_id = ?
                ORDER BY year DESC, phase, number DESC
                """), arguments: [departmentID]).map(SQLiteRows.version)
        }
    }

    public func figures(versionID: Int64) async throws -> [PrintedFigure] {
        try await read("reading the figures of version \(versionID)") { db in
            try Row.fetchAll(db, sql: """
                SELECT table_name, row_label, column_label, fen FROM figures WHERE version_id = ? ORDER BY seq
                """, arguments: [versionID]).map { row in
                    PrintedFigure(table: try row.decode(String.self, forColumn: "table_name"),
                                 row: try row.decode(String.self, forColumn: "row_label"),
                                 column: try row.decode(String.self, forColumn: "column_label"),
                                 fen: try row.decode(Int64.self, forColumn: "fen"))
                }
        }
    }

    public func findings(versionID: Int64) async throws -> [FindingRecord] {
        try await read("reading the findings of version \(versionID)") { db in
            try Row.fetchAll(db, sql: """
                SELECT rule_id, severity, message, location, message_en FROM findings WHERE version_id = ? ORDER BY seq
                """, arguments: [versionID]).map { row in
                    FindingRecord(ruleID: try row.decode(String.self, forColumn: "rule_id"),
                                  severity: try row.decode(String.self, forColumn: "severity"),
                                  message: try row.decode(String.self, forColumn: "message"),
                                  location: try row.decode(String.self, forColumn: "location"),
                                  messageEnglish: try row.decode(String.self, forColumn: "message_en"))
                }
        }
    }

    public func ruleTallies() async throws -> [RuleTally] {
        try await read("counting findings by rule") { db in
            try Row.fetchAll(db, sql: """
                SELECT f.rule_id, f.severity, COUNT(*) AS findings, COUNT(DISTINCT v.department_id) AS departments
                FROM findings f JOIN versions v ON v.id = f.version_id
                WHERE v.id IN (SELECT MAX(id) FROM versions GROUP BY department_id)
                GROUP BY f.rule_id, f.severity
                ORDER BY findings DESC, f.rule_id, f.severity
                """).map { row in
                    RuleTally(ruleID: try row.decode(String.self, forColumn: "rule_id"),
                              severity: try row.decode(String.self, forColumn: "severity"),
                              findings: try row.decode(Int.self, forColumn: "findings"),
                              departments: try row.decode(Int.self, forColumn: "departments"))
                }
        }
    }
}
