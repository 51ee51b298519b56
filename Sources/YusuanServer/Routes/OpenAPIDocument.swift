import Foundation

/// The OpenAPI 3.1 document of the JSON API, built from `APIRoutes.all` so that it cannot drift
/// from the router.
enum OpenAPIDocument {
    static func build() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in APIRoutes.all {
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Yusuan 预算 portal API", "version": "1.0.0",
                     "description": "Departmental budget disclosures (部门预算): departments, versions, figures, findings, comparisons, "
                        + "uploads and the audit of published documents. Amounts are integers in 分 (1/100 元). Writes need the "
                        + "session cookie and the X-CSRF-Token header (see GET /api/v1/session)."],
            "paths": paths,
            "components": ["schemas": schemas, "securitySchemes": [
                "session": ["type": "apiKey", "in": "cookie", "name": SessionMiddleware.cookie],
                "csrf": ["type": "apiKey", "in": "header", "name": "X-CSRF-Token"],
            ]],
        ]
    }

    static func operation(_ r: APIRoute) -> [String: Any] {
        var op: [String: Any] = ["operationId": r.operationID, "summary": r.summary, "tags": [r.tag]]
        var parameters: [[String: Any]] = r.pathParameters.map {
            ["name": $0, "in": "path", "required": true, "schema": ["type": $0 == "id" ? "integer" : "string"]]
        }
        parameters += r.query.map { ["name": $0.name, "in": "query", "required": $0.required, "description": $0.description,
                                     "schema": ["type": "string"]] }
        if r.conditional {
            parameters.append(["name": "If-None-Match", "in": "header", "required": false, "schema": ["type": "string"],
                               "description": "An entity tag of an earlier response: 304 when it is still current"])
        }
        if !parameters.isEmpty { op["parameters"] = parameters }
        switch r.body {
        case .json(let schema)?:
            op["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(schema)]]]
        case .upload(let field)?:
            op["requestBody"] = ["required": true, "content": [
                "multipart/form-data": ["schema": ["type": "object", "required": [field],
                                                   "properties": [field: ["type": "string", "contentMediaType": "application/octet-stream"],
                                                                  "_csrf": ["type": "string"]]]],
                "application/octet-stream": ["schema": ["type": "string", "contentMediaType": "application/octet-stream"]],
            ]]
        case nil: break
        }
        var responses: [String: Any] = [:]
        var success: [String: Any] = ["description": "OK"]
        if let schema = r.success.schema { success["content"] = ["application/json": ["schema": ref(schema)]] }
        if r.path.hasSuffix("openapi.json") { success["content"] = ["application/json": ["schema": ["type": "object"]]] }
        if r.conditional {
            success["headers"] = ["ETag": ["description": "The body's entity tag", "schema": ["type": "string"]]]
            responses["304"] = ["description": "Not Modified: the If-None-Match header names the current entity tag"]
        }
        responses[String(r.success.status)] = success
        let error = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]] as [String: Any]
        if r.access != .anyone || r.isWrite { responses["401"] = error; responses["403"] = error }
        if !r.pathParameters.isEmpty { responses["404"] = error }
        if case .upload = r.body { responses["413"] = error; responses["422"] = error }
        if r.operationID == "signIn" { responses["401"] = error; responses["429"] = error }
        op["responses"] = responses
        if r.isWrite && r.operationID != "signIn" { op["security"] = [["session": [String](), "csrf": [String]()]] }
        else if r.access != .anyone { op["security"] = [["session": [String]()]] }
        return op
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required]
    }

    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer"] }

    static var schemas: [String: Any] { [
        "Error": object(["error": object(["status": integer, "message": string, "message_zh": string, "message_en": string],
                                         required: ["status", "message"])], required: ["error"]),
        "Department": object(["code": string, "name": string, "region": string, "links": ["type": "object"]],
                             required: ["code", "name", "region"]),
        "DepartmentList": object(["departments": ["type": "array", "items": ref("Department")]], required: ["departments"]),
        "NewDepartment": object(["code": string, "name": string, "region": string], required: ["code", "name"]),
        "Version": object([
            "id": integer, "department": string, "year": integer, "phase": ["type": "string", "enum": ["budget", "final"]],
            "number": integer, "status": ["type": "string", "enum": ["draft", "published"]],
            "created_at": ["type": "string", "format": "date-time"], "created_by": string,
            "published_at": ["type": ["string", "null"], "format": "date-time"], "source_name": string, "source_format": string,
            "errors": integer, "warnings": integer, "notices": integer, "links": ["type": "object"],
        ], required: ["id", "year", "phase", "number", "status", "errors", "warnings", "notices"]),
        "VersionList": object(["versions": ["type": "array", "items": ref("Version")]], required: ["versions"]),
        "Finding": object(["rule": string, "severity": ["type": "string", "enum": ["error", "warning", "notice"]],
                           "message": ["type": "string", "description": "In Chinese"],
                           "message_en": ["type": ["string", "null"],
                                          "description": "In English (null for findings stored before English was kept)"],
                           "location": string], required: ["rule", "severity", "message"]),
        "FindingList": object(["findings": ["type": "array", "items": ref("Finding")], "errors": integer, "warnings": integer,
                               "notices": integer], required: ["findings"]),
        "Figure": object(["table": string, "row": string, "column": string, "fen": integer], required: ["table", "row", "column", "fen"]),
        "FigureList": object(["figures": ["type": "array", "items": ref("Figure")]], required: ["figures"]),
        "Change": object(["table": string, "row": string, "column": string, "key": ["type": "object"],
                          "before_fen": ["type": ["integer", "null"]], "after_fen": ["type": ["integer", "null"]],
                          "change_fen": ["type": ["integer", "null"]], "rate_percent": ["type": ["string", "null"]]],
                         required: ["table", "row", "column"]),
        "ChangeList": object(["changes": ["type": "array", "items": ref("Change")], "before": integer, "after": integer,
                              "previous": ["type": ["integer", "null"]]], required: ["changes"]),
        "UploadResult": object(["version": ref("Version"), "findings": ["type": "array", "items": ref("Finding")]],
                               required: ["version", "findings"]),
        "Disclosure": object(["title": string, "department": ["type": ["string", "null"]], "year": ["type": ["integer", "null"]],
                              "tables": ["type": "array"], "narrative": ["type": "array"]], required: ["title", "tables"]),
        "AuditReport": ["type": "object", "description": "As `yusuan audit --format json` prints it: document, tables, findings, summary."],
        "Credentials": object(["username": string, "password": string], required: ["username", "password"]),
        "Session": object(["user": object(["username": string, "role": string, "department": ["type": ["string", "null"]]],
                                          required: ["username", "role"]),
                           "csrf_token": string], required: ["user", "csrf_token"]),
        "Health": object(["status": string, "store": string], required: ["status"]),
    ] }
}
