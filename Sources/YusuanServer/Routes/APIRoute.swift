import Hummingbird

/// One route of the JSON API. `APIRoutes.all` is the one list both the router and the OpenAPI
/// document are built from.
struct APIRoute: Sendable {
    enum Access: String, Sendable {
        /// Anyone; drafts only for those who may see them.
        case anyone
        case signedIn
        case reviewer
        /// Admin, or the officer of the department in the path.
        case departmentWriter
        case admin
    }

    enum Body: Sendable {
        case json(schema: String)
        /// A file: multipart/form-data with the named field, or the raw bytes with ?filename=.
        case upload(field: String)
    }

    struct Query: Sendable {
        var name: String
        var description: String
        var required: Bool = false
    }

    typealias Handler = @Sendable (Request, PortalContext, PortalServices) async throws -> Response

    var method: HTTPRequest.Method
    var path: String
    var operationID: String
    var summary: String
    var tag: String
    var access: Access
    var query: [Query] = []
    var body: Body? = nil
    /// The success status and the schema of its body (nil for none).
    var success: (status: Int, schema: String?)
    /// Whether the response names an entity tag and answers If-None-Match with 304 (`ConditionalGet`).
    var conditional = false
    var handler: Handler

    /// "/api/v1/versions/{id}" → ["id"].
    var pathParameters: [String] {
        path.split(separator: "/").compactMap { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? String(part.dropFirst().dropLast()) : nil
        }
    }

    /// Writes need a session and its CSRF token.
    var isWrite: Bool { method != .get && method != .head }
}
