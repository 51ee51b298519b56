import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import YusuanServer
import YusuanStore
import YusuanStorePostgres
import YusuanStoreSQLite
import YusuanTestSupport

/// A portal over a fresh in-memory SQLite store with the bundled example loaded, users of every role,
/// and helpers to sign in and send requests with cookies.
struct PortalHarness {
    static let password = "correct horse battery"

    static func configuration(uploadLimit: Int = 20 * 1024 * 1024) -> PortalConfiguration {
        PortalConfiguration(bcryptCost: 4, uploadLimit: uploadLimit, loginAttempts: 3, loginWindow: 600, trustForwardedFor: true)
    }

    /// Runs `test` against a new portal. Users: admin, reviewer, officer (of the example department),
    /// other (officer of a second department "other-dept"). `configure` adjusts the configuration; `logger`,
    /// `audits` replace the defaults; `live` serves on a real socket (the client's `port`).
    /// `postgres`: over a schema of its own in the PostgreSQL database of YUSUAN_TEST_POSTGRES_URL (dropped afterwards)
    /// instead of SQLite.
    static func run<T: Sendable>(uploadLimit: Int = 20 * 1024 * 1024, live: Bool = false, postgres: Bool = false,
                                 logger: Logger = Portal.logger(level: .warning), audits: AuditQueue? = nil,
                                 configure: @Sendable (inout PortalConfiguration) -> Void = { _ in },
                                 _ test: @Sendable (any TestClientProtocol, any YusuanStore) async throws -> T) async throws -> T {
        guard postgres else {
            return try await run(store: try SQLiteStore.inMemory(), uploadLimit: uploadLimit, live: live, logger: logger,
                                 audits: audits, configure: configure, test)
        }
        guard let (url, _) = TestPostgres.urlWithFreshSchema(prefix: "yusuan_portal_") else { throw PostgresUnavailable() }
        let store = try PostgresStore(url: url)
        do {
            let result = try await run(store: store, uploadLimit: uploadLimit, live: live, logger: logger, audits: audits,
                                       configure: configure, test)
            try await store.dropSchema()
            try await store.close()
            return result
        } catch {
            try? await store.dropSchema()
            try? await store.close()
            throw error
        }
    }

    /// The stores the portal's main paths are tested over: SQLite, and PostgreSQL when a test database is given
    /// (as arguments of a test: `postgres` false or true).
    static let backends: [Bool] = TestPostgres.url == nil ? [false] : [false, true]

    struct PostgresUnavailable: Error, CustomStringConvertible {
        var description: String { "\(TestPostgres.variable) is not set" }
    }

    private static func run<T: Sendable>(store: any YusuanStore, uploadLimit: Int, live: Bool, logger: Logger, audits: AuditQueue?,
                                         configure: @Sendable (inout PortalConfiguration) -> Void,
                                         _ test: @Sendable (any TestClientProtocol, any YusuanStore) async throws -> T) async throws -> T {
        var configuration = configuration(uploadLimit: uploadLimit)
        configure(&configuration)
        let app = try await Portal.application(store: store, configuration: configuration, logger: logger, audits: audits)
        let example = try #require(try await store.department(code: "tongnan-xinfang"))
        _ = try await store.createDepartment(code: "other-dept", name: "另一个部门", region: "重庆市", actor: .system)
        _ = try await PortalUsers.add(store: store, username: "admin", password: password, role: .admin, departmentCode: nil, bcryptCost: 4)
        _ = try await PortalUsers.add(store: store, username: "reviewer", password: password, role: .reviewer, departmentCode: nil, bcryptCost: 4)
        _ = try await PortalUsers.add(store: store, username: "officer", password: password, role: .officer, departmentCode: example.code, bcryptCost: 4)
        _ = try await PortalUsers.add(store: store, username: "other", password: password, role: .officer, departmentCode: "other-dept", bcryptCost: 4)
        return try await app.test(live ? .live : .router) { client in try await test(client, store) }
    }

    static func exampleYAML() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/tongnan-xinfang-2022/budget.yaml")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The example with 10,000.00 元 moved from 30101 基本工资 to 30102 津贴补贴: a clean correction.
    static func correctedYAML() throws -> String {
        let yaml = try exampleYAML()
        let a = "economic: \"30101\", nature: 人员经费, fund: 一般公共预算拨款, amount: \"1125400.00\""
        let b = "economic: \"30102\", nature: 人员经费, fund: 一般公共预算拨款, amount: \"581300.00\""
        let corrected = yaml.replacingOccurrences(of: a, with: a.replacingOccurrences(of: "1125400.00", with: "1115400.00"))
            .replacingOccurrences(of: b, with: b.replacingOccurrences(of: "581300.00", with: "591300.00"))
        #expect(corrected != yaml)
        return corrected
    }

    /// The example with one salary line and the office's revenue raised by 10,000.00 元 but the narrative's
    /// reasons and the performance table left as they were: it builds, and its audit finds errors.
    static func erroneousYAML() throws -> String {
        let yaml = try exampleYAML()
        let corrected = yaml.replacingOccurrences(of: "economic: \"30101\", nature: 人员经费, fund: 一般公共预算拨款, amount: \"1125400.00\"",
                                                  with: "economic: \"30101\", nature: 人员经费, fund: 一般公共预算拨款, amount: \"1135400.00\"")
            .replacingOccurrences(of: "{unit: \"001\", source: 一般公共预算拨款, amount: \"9180400.00\"}",
                                  with: "{unit: \"001\", source: 一般公共预算拨款, amount: \"9190400.00\"}")
        #expect(corrected != yaml)
        return corrected
    }
}

/// A signed-in client: its cookie header and CSRF token.
struct Session: Sendable {
    var cookie: String
    var csrf: String

    static let anonymous = Session(cookie: "", csrf: "")
}

extension TestClientProtocol {
    /// Signs in through the JSON API.
    func signIn(_ username: String, password: String = PortalHarness.password) async throws -> Session {
        let body = #"{"username": "\#(username)", "password": "\#(password)"}"#
        let response = try await executeRequest(uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: body))
        #expect(response.status == .ok, "sign-in of \(username): \(String(buffer: response.body))")
        let cookie = try #require(response.cookieValue("yusuan_session"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        return Session(cookie: "yusuan_session=\(cookie)", csrf: try #require(json["csrf_token"] as? String))
    }

    func get(_ uri: String, as session: Session = .anonymous, headers: HTTPFields = [:]) async throws -> TestResponse {
        var h = headers
        if !session.cookie.isEmpty { h[.cookie] = session.cookie }
        return try await executeRequest(uri: uri, method: .get, headers: h, body: nil)
    }

    /// Sends a write with the session's cookie and (unless `csrf` says otherwise) its CSRF token header.
    func send(_ uri: String, method: HTTPRequest.Method = .post, as session: Session, csrf: String? = nil,
              contentType: String? = nil, body: ByteBuffer = ByteBuffer()) async throws -> TestResponse {
        var h: HTTPFields = [:]
        if !session.cookie.isEmpty { h[.cookie] = session.cookie }
        let token = csrf ?? session.csrf
        if !token.isEmpty { h[HeaderName("X-CSRF-Token")!] = token }
        if let contentType { h[.contentType] = contentType }
        return try await executeRequest(uri: uri, method: method, headers: h, body: body)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }

    /// The value a Set-Cookie header gives the named cookie.
    func cookieValue(_ name: String) -> String? {
        for field in headers where field.name == .setCookie {
            let first = field.value.split(separator: ";").first.map(String.init) ?? ""
            if first.hasPrefix(name + "=") { return String(first.dropFirst(name.count + 1)) }
        }
        return nil
    }
}

/// A multipart/form-data body.
enum MultipartBody {
    static let boundary = "----yusuan-test-boundary-7MA4YWxk"
    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    static func make(fields: [(String, String)] = [], files: [(field: String, name: String, data: Data)] = []) -> ByteBuffer {
        var out = Data()
        for (name, value) in fields {
            out += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for f in files {
            out += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(f.field)\"; filename=\"\(f.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            out += f.data
            out += Data("\r\n".utf8)
        }
        out += Data("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: out)
    }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}

/// HTTPTypes' field name type (HTTPTypes is reached through Hummingbird's re-exported HTTPFields).
typealias HeaderName = HTTPFields.Element.Name
