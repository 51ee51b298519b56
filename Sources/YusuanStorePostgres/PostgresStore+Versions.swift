import Foundation
import PostgresNIO
import YusuanStore
import YusuanCore

extension PostgresStore {
    public func saveDraft(_ version: NewVersion, actor: Actor) async throws -> VersionRecord {
        let now = Date()
        let what = "saving a draft for department \(version.departmentID), \(version.year) \(version.phase.rawValue)"
        return try await transaction(what) { [logger] connection in
            // Locking the department row serialises concurrent uploads of one department, so numbering
            // after the newest version never races.
            guard let department = try await PostgresRows.fetchDepartment(
                connection, id: version.departmentID, forUpdate: true, logger: logger)
            else {
                throw StoreError.notFound("department \(version.departmentID)")
            }
            let numbers = try await connection.rows("""
                SELECT COALESCE(MAX(number), 0) + 1 FROM versions
                WHERE department_id = \(version.departmentID) AND year = \(version.year) AND phase = \(version.phase.rawValue)
                """, logger: logger) { try $0.decode(Int.self) }
            let number = numbers.first ?? 1
            let ids = try await connection.rows("""
                INSERT INTO versions (department_id, year, phase, number, status, created_at, created_by, published_at,
                                      source_name, source_format, errors, warnings, notices, source, disclosure)
                VALUES (\(version.departmentID), \(version.year), \(version.phase.rawValue), \(number), 'draft', \(now),
                        \(actor.username), NULL, \(version.sourceName), \(version.sourceFormat), \(version.errors),
                        \(version.warnings), \(version.notices), \(version.content.source), \(version.content.disclosure))
                RETURNING id
                """, logger: logger) { try $0.decode(Int64.self) }
            guard let id = ids.first else {
                throw StoreError.backend("\(what): no id returned")
            }
            if !version.figures.isEmpty {
                let figures = version.figures
                try await connection.query("""
                    INSERT INTO figures (version_id, seq, table_name, row_label, column_label, fen)
                    SELECT \(id), u.seq, u.table_name, u.row_label, u.column_label, u.fen
                    FROM unnest(\(Array(0..<figures.count))::integer[], \(figures.map(\.table))::text[],
                                \(figures.map(\.row))::text[], \(figures.map(\.column))::text[],
                                \(figures.map(\.fen))::bigint[])
                         AS u(seq, table_name, row_label, column_label, fen)
                    """, logger: logger)
            }
            if !version.findings.isEmpty {
                let findings = version.findings
                try await connection.query("""
                    INSERT INTO findings (version_id, seq, rule_id, severity, message, location, message_en)
                    SELECT \(id), u.seq, u.rule_id, u.severity, u.message, u.location, u.message_en
                    FROM unnest(\(Array(0..<findings.count))::integer[], \(findings.map(\.ruleID))::text[],
                                \(findings.map(\.severity))::text[], \(findings.map(\.message))::text[],
                                \(findings.map(\.location))::text[], \(findings.map(\.messageEnglish))::text[])
                         AS u(seq, rule_id, severity, message, location, message_en)
                    """, logger: logger)
            }
            try await Self.appendLog(
                connection, at: now, actor: actor, action: "version.upload", target: "version \(id)",
                detail: StoreAuditText.upload(code: department.code, version: version, number: number), logger: logger)
            guard let record = try await PostgresRows.fetchVersion(connection, id: id, logger: logger) else {
                throw StoreError.backend("version \(id) vanished right after it was saved")
            }
            return record
        }
    }

    public func publish(versionID: Int64, actor: Actor) async throws -> VersionRecord {
        let now = Date()
        return try await transaction("publishing version \(versionID)") { [logger] connection in
            guard let version = try await PostgresRows.fetchVersion(connection, id: versionID, forUpdate: true,
                                                                     logger: logger) else {
                throw StoreError.notFound("version \(versionID)")
            }
            guard version.status == .draft else {
                throw StoreError.immutable("version \(versionID) is already published")
            }
            try await connection.query("""
                UPDATE versions SET status = 'published', published_at = \(now) WHERE id = \(versionID)
                """, logger: logger)
            try await Self.appendLog(connection, at: now, actor: actor, action: "version.publish",
                                     target: "version \(versionID)", detail: StoreAuditText.describe(version),
                                     logger: logger)
            guard let record = try await PostgresRows.fetchVersion(connection, id: versionID, logger: logger) else {
                throw StoreError.backend("version \(versionID) vanished while it was published")
            }
            return record
        }
    }

    public func deleteDraft(versionID: Int64, actor: Actor) async throws {
        let now = Date()
        try await transaction("deleting version \(versionID)") { [logger] connection in
            guard let version = try await PostgresRows.fetchVersion(connection, id: versionID, forUpdate: true,
                                                                     logger: logger) else {
                throw StoreError.notFound("version \(versionID)")
            }
            guard version.status == .draft else {
                throw StoreError.immutable("version \(versionID) is published and cannot be deleted")
            }
            try await connection.query("DELETE FROM versions WHERE id = \(versionID)", logger: logger)
            try await Self.appendLog(connection, at: now, actor: actor, action: "version.delete",
                                     target: "version \(versionID)", detail: StoreAuditText.describe(version),
                                     logger: logger)
        }
    }

    public func version(id: Int64) async throws -> VersionRecord? {
        try await rows("reading version \(id)", """
            SELECT \(unescaped: PostgresRows.versionColumns) FROM versions WHERE id = \(id)
            """, PostgresRows.version).first
    }

    public func content(versionID: Int64) async throws -> VersionContent? {
        try await rows("reading the content of version \(versionID)",
                       "SELECT source, disclosure FROM versions WHERE id = \(versionID)") { row in
            let (source, disclosure) = try row.decode((Data, Data).self)
            return VersionContent(source: source, disclosure: disclosure)
        }.first
    }

    public func versions(departmentID: Int64) async throws -> [VersionRecord] {
        try await rows("listing the versions of department \(departmentID)", """
            SELECT \(unescaped: PostgresRows.versionColumns) FROM versions WHERE department_id = \(departmentID)
            ORDER BY year DESC, phase COLLATE "C", number DESC
            """, PostgresRows.version)
    }

    public func figures(versionID: Int64) async throws -> [PrintedFigure] {
        try await rows("reading the figures of version \(versionID)", """
            SELECT table_name, row_label, column_label, fen FROM figures WHERE version_id = \(versionID) ORDER BY seq
            """) { row in
            let (table, rowLabel, column, fen) = try row.decode((String, String, String, Int64).self)
            return PrintedFigure(table: table, row: rowLabel, column: column, fen: fen)
        }
    }

    public func findings(versionID: Int64) async throws -> [FindingRecord] {
        try await rows("reading the findings of version \(versionID)", """
            SELECT rule_id, severity, message, location, message_en FROM findings WHERE version_id = \(versionID) ORDER BY seq
            """) { row in
            let (ruleID, severity, message, location, english) = try row.decode((String, String, String, String, String).self)
            return FindingRecord(ruleID: ruleID, severity: severity, message: message, location: location,
                                 messageEnglish: english)
        }
    }

    public func ruleTallies() async throws -> [RuleTally] {
        try await rows("counting findings by rule", """
            SELECT f.rule_id, f.severity, COUNT(*) AS findings, COUNT(DISTINCT v.department_id) AS departments
            FROM findings f JOIN versions v ON v.id = f.version_id
            WHERE v.id IN (SELECT MAX(id) FROM versions GROUP BY department_id)
            GROUP BY f.rule_id, f.severity
            ORDER BY findings DESC, f.rule_id COLLATE "C", f.severity COLLATE "C"
            """) { row in
            let (ruleID, severity, findings, departments) = try row.decode((String, String, Int, Int).self)
            return RuleTally(ruleID: ruleID, severity: severity, findings: findings, departments: departments)
        }
    }
}
