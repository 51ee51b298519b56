import Foundation
import YusuanSource
import YusuanStore
import YusuanCore

/// The JSON shapes of the API (documented in the OpenAPI components). Amounts are integers in 分.
enum APIJSON {
    static func date(_ d: Date) -> String { d.formatted(.iso8601) }

    static func department(_ d: DepartmentRecord) -> [String: Any] {
        ["code": d.code, "name": d.name, "region": d.region,
         "links": ["self": "/api/v1/departments/\(d.code)", "versions": "/api/v1/departments/\(d.code)/versions",
                   "html": "/departments/\(d.code)"]]
    }

    static func version(_ v: VersionRecord, department: DepartmentRecord?) -> [String: Any] {
        var o: [String: Any] = [
            "id": NSNumber(value: v.id), "year": v.year, "phase": v.phase.rawValue, "number": v.number, "status": v.status.rawValue,
            "created_at": date(v.createdAt), "created_by": v.createdBy,
            "published_at": v.publishedAt.map { date($0) } ?? NSNull(),
            "source_name": v.sourceName, "source_format": v.sourceFormat,
            "errors": v.errors, "warnings": v.warnings, "notices": v.notices,
            "links": ["self": "/api/v1/versions/\(v.id)", "disclosure": "/api/v1/versions/\(v.id)/disclosure",
                      "figures": "/api/v1/versions/\(v.id)/figures", "findings": "/api/v1/versions/\(v.id)/findings",
                      "changes": "/api/v1/versions/\(v.id)/changes", "html": "/versions/\(v.id)"],
        ]
        if let department { o["department"] = department.code }
        return o
    }

    static func finding(_ f: FindingRecord) -> [String: Any] {
        ["rule": f.ruleID, "severity": f.severity, "message": f.message, "location": f.location,
         "message_en": f.messageEnglish.isEmpty ? NSNull() as Any : f.messageEnglish as Any]
    }

    static func figure(_ f: PrintedFigure) -> [String: Any] {
        ["table": f.table, "row": f.row, "column": f.column, "fen": NSNumber(value: f.fen)]
    }

    static func user(_ u: UserRecord, department: DepartmentRecord?) -> [String: Any] {
        ["username": u.username, "role": u.role.rawValue, "department": department?.code ?? NSNull()]
    }

    static func problem(_ p: SourceProblem) -> [String: Any] {
        ["severity": p.severity.rawValue, "kind": p.kind.rawValue, "place": p.position?.description ?? p.path, "message": p.message]
    }
}
