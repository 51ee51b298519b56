import Foundation
import Testing
import YusuanServer
import YusuanStore
import YusuanStoreSQLite
import struct YusuanCore.PrintedFigure

/// kill -9 of the real `yusuan serve` during uploads and publishes, ten times over, on one SQLite file:
/// after each crash every version is complete (content, figures, findings, audit-log lines) or absent,
/// published versions are unchanged, and SQLite's integrity and foreign-key checks pass.
@Suite("Crash safety of the SQLite store", .serialized)
struct CrashTests {
    static let password = "crash test password"

    /// What a published version must keep for ever.
    struct Published: Equatable {
        var publishedAt: Date?
        var content: VersionContent?
        var figures: [PrintedFigure]
        var findings: [FindingRecord]
    }

    @Test("kill -9 during uploads and publishes leaves no partial version", .enabled(if: ServerProcess.built),
          .timeLimit(.minutes(5)))
    func killDuringWrites() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-crash-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = dir.appendingPathComponent("yusuan.db").path
        let log = dir.appendingPathComponent("server.log")
        let departmentID = try await Self.prepare(database)
        let yaml = Data(try PortalHarness.correctedYAML().utf8)
        var published: [Int64: Published] = [:]
        var stored = 0
        var publishes = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<10 {
            let server = try await ServerProcess(database: database, log: log, temporaryDirectory: dir)
            let (cookie, csrf) = try await server.signIn("officer", password: Self.password)
            let drafts = try await Self.drafts(database, departmentID: departmentID)
            let headers = ["Cookie": cookie, "X-CSRF-Token": csrf]
            let requests = Task {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<3 {
                        group.addTask {
                            _ = try? await server.request("/api/v1/departments/crash-dept/versions?filename=budget.yaml", method: "POST",
                                                          headers: headers.merging(["Content-Type": "application/x-yaml"]) { $1 }, body: yaml)
                        }
                    }
                    for id in drafts.prefix(2) {
                        group.addTask { _ = try? await server.request("/api/v1/versions/\(id)/publish", method: "POST", headers: headers) }
                    }
                }
            }
            if round == 0 {
                // The first round completes, so that later rounds have drafts to publish.
                await requests.value
            } else {
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...1500, using: &generator)))
            }
            server.kill9()
            await requests.value
            let check = try await Self.check(database, departmentID: departmentID, published: published)
            #expect(check.problems.isEmpty, "round \(round): \(check.problems)")
            stored = check.versions
            publishes = check.published.count
            published = check.published
        }
        #expect(stored >= 3, "uploads were stored")
        #expect(publishes >= 1, "publishes were stored")
    }

    /// A fresh database with a department and its officer; returns the department's id.
    static func prepare(_ database: String) async throws -> Int64 {
        let store = try SQLiteStore(path: database)
        try await store.migrate()
        let department = try await store.createDepartment(code: "crash-dept", name: "崩溃测试部门", region: "测试", actor: .system)
        _ = try await PortalUsers.add(store: store, username: "officer", password: password, role: .officer,
                                      departmentCode: department.code, bcryptCost: 4)
        try await store.close()
        return department.id
    }

    static func drafts(_ database: String, departmentID: Int64) async throws -> [Int64] {
        let store = try SQLiteStore(path: database)
        let drafts = try await store.versions(departmentID: departmentID).filter { $0.status == .draft && $0.errors == 0 }.map(\.id)
        try await store.close()
        return drafts
    }

    /// Opens the file the killed server left and checks every version; returns the problems found, the
    /// number of versions and the published versions as they are now.
    static func check(_ database: String, departmentID: Int64, published before: [Int64: Published]) async throws
        -> (problems: [String], versions: Int, published: [Int64: Published]) {
        let store = try SQLiteStore(path: database)
        var problems = try await store.integrityProblems()
        let log = try await store.auditLog(limit: 1_000_000)
        let uploads = Set(log.filter { $0.action == "version.upload" }.map(\.target))
        let publishes = Set(log.filter { $0.action == "version.publish" }.map(\.target))
        let versions = try await store.versions(departmentID: departmentID)
        var published: [Int64: Published] = [:]
        for v in versions {
            let content = try await store.content(versionID: v.id)
            let figures = try await store.figures(versionID: v.id)
            let findings = try await store.findings(versionID: v.id)
            let tables = content.flatMap { try? JSONSerialization.jsonObject(with: $0.disclosure) as? [String: Any] }?["tables"] as? [Any]
            if tables?.isEmpty ?? true { problems.append("version \(v.id) has no tables") }
            if content?.source.isEmpty ?? true { problems.append("version \(v.id) has no source") }
            if figures.isEmpty { problems.append("version \(v.id) has no figures") }
            if findings.count != v.errors + v.warnings + v.notices {
                problems.append("version \(v.id) has \(findings.count) findings, its counts say \(v.errors + v.warnings + v.notices)")
            }
            if !uploads.contains("version \(v.id)") { problems.append("version \(v.id) has no upload line in the audit log") }
            if v.status == .published {
                if v.publishedAt == nil { problems.append("version \(v.id) is published without a date") }
                if !publishes.contains("version \(v.id)") { problems.append("version \(v.id) has no publish line in the audit log") }
                published[v.id] = Published(publishedAt: v.publishedAt, content: content, figures: figures, findings: findings)
            }
        }
        for (id, was) in before where published[id] != was {
            problems.append("published version \(id) changed or vanished")
        }
        // Lines in the audit log name only versions that exist (or were deleted by a logged delete).
        let ids = Set(versions.map { "version \($0.id)" })
        let deleted = Set(log.filter { $0.action == "version.delete" }.map(\.target))
        for target in uploads where !ids.contains(target) && !deleted.contains(target) {
            problems.append("the audit log names \(target), which is not stored")
        }
        try await store.close()
        return (problems, versions.count, published)
    }
}
