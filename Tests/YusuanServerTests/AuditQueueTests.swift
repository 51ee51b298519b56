import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import YusuanServer
import YusuanStore

/// Uploads and document audits go through a bounded queue: at most N run, at most M wait, the rest get
/// 503 with Retry-After and a message in both languages; the accepted ones complete.
@Suite("Upload queue and back-pressure")
struct AuditQueueTests {
    static let uploadPath = "/api/v1/departments/tongnan-xinfang/versions?filename=budget.yaml"

    static func isBusy(_ r: TestResponse) throws -> Bool {
        guard r.status == .serviceUnavailable else { return false }
        let json = try r.json()
        let error = try #require(json["error"] as? [String: Any])
        #expect((error["message_zh"] as? String)?.contains("服务器正忙") == true)
        #expect((error["message_en"] as? String)?.contains("The server is busy") == true)
        #expect(r.headers[HeaderName("Retry-After")!].flatMap { Int($0) } ?? 0 >= 1)
        return true
    }

    @Test("with the one slot held and two waiting, every further upload gets 503; the waiting ones then complete",
          .timeLimit(.minutes(5)))
    func fullQueueRefuses() async throws {
        let queue = AuditQueue(maxRunning: 1, maxQueued: 2)
        try await PortalHarness.run(audits: queue) { client, store in
            let officer = try await client.signIn("officer")
            let department = try #require(try await store.department(code: "tongnan-xinfang"))
            let before = try await store.versions(departmentID: department.id).count
            let yaml = ByteBuffer(string: try PortalHarness.correctedYAML())
            // The test holds the one running slot itself.
            let holder = try await queue.admit()
            await queue.start(holder.id)
            let accepted = Task {
                try await withThrowingTaskGroup(of: TestResponse.self) { group in
                    for _ in 0..<2 {
                        group.addTask {
                            try await client.send(Self.uploadPath, as: officer, contentType: "application/x-yaml", body: yaml)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            // Both are admitted, read their bodies and wait for the slot.
            while await queue.waiting < 2 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(await queue.admitted == 3)
            for _ in 0..<5 {
                let refused = try await client.send(Self.uploadPath, as: officer, contentType: "application/x-yaml", body: yaml)
                #expect(try Self.isBusy(refused), "expected 503, got \(refused.status): \(refused.text)")
            }
            // The page form and the reviewer's audit are refused the same way.
            let page = try await client.send("/departments/tongnan-xinfang/upload", as: officer, csrf: "", contentType: MultipartBody.contentType,
                                             body: MultipartBody.make(fields: [("_csrf", officer.csrf)], files: [("source", "b.yaml", Data())]))
            #expect(page.status == .serviceUnavailable)
            #expect(page.text.contains("服务器正忙"))
            let reviewer = try await client.signIn("reviewer")
            let audit = try await client.send("/api/v1/audit?filename=d.txt", as: reviewer, contentType: "text/plain", body: ByteBuffer(string: "x"))
            #expect(try Self.isBusy(audit))
            #expect(await queue.refused == 7)
            // Nothing refused reached the store.
            #expect(try await store.versions(departmentID: department.id).count == before)
            await queue.finish(holder.id)
            let responses = try await accepted.value
            #expect(responses.map(\.status) == [.created, .created])
            #expect(try await store.versions(departmentID: department.id).count == before + 2)
            #expect(await queue.peakRunning == 1)
            #expect(await queue.peakWaiting == 2)
            #expect(await queue.admitted == 0)
        }
    }

    @Test("1,000 concurrent uploads: at most N run and M wait, the rest get 503, every accepted one is stored",
          .timeLimit(.minutes(5)))
    func thousandUploads() async throws {
        let queue = AuditQueue(maxRunning: 2, maxQueued: 4)
        try await PortalHarness.run(audits: queue) { client, store in
            let officer = try await client.signIn("officer")
            let department = try #require(try await store.department(code: "tongnan-xinfang"))
            let before = try await store.versions(departmentID: department.id).count
            let yaml = ByteBuffer(string: try PortalHarness.correctedYAML())
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, Bool).self) { group in
                for _ in 0..<1000 {
                    group.addTask {
                        let r = try await client.send(Self.uploadPath, as: officer, contentType: "application/x-yaml", body: yaml)
                        return (r.status, try Self.isBusy(r))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let created = statuses.filter { $0.0 == .created }.count
            let busy = statuses.filter { $0.1 }.count
            #expect(created + busy == 1000, "other statuses: \(Set(statuses.map(\.0.code)))")
            #expect(created >= 6, "at least the first N + M are accepted")
            #expect(busy > 0)
            #expect(await queue.refused == busy)
            #expect(await queue.peakRunning <= 2)
            #expect(await queue.peakWaiting <= 4)
            #expect(await queue.admitted == 0)
            #expect(try await store.versions(departmentID: department.id).count == before + created)
        }
    }

    @Test("a job that fails still frees its slot and its place in the queue")
    func failureFrees() async throws {
        let queue = AuditQueue(maxRunning: 1, maxQueued: 0)
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await queue.withTicket { ticket in
                _ = await ticket.run { 1 }
                throw Boom()
            }
        }
        #expect(await queue.admitted == 0)
        let value = try await queue.withTicket { ticket in await ticket.run { 42 } }
        #expect(value == 42)
        #expect(await queue.running == 0)
    }
}
