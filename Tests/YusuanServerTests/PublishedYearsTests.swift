import Foundation
import Hummingbird
import Synchronization
import Testing
@testable import YusuanServer
import YusuanStore

@Suite("Published versions by department, kept between requests")
struct PublishedYearsTests {
    static func record(_ id: Int64, year: Int, number: Int = 1, status: VersionStatus = .published) -> VersionRecord {
        VersionRecord(id: id, departmentID: 1, year: year, phase: .budget, number: number, status: status,
                      createdAt: Date(timeIntervalSince1970: 0), createdBy: "t", publishedAt: nil, sourceName: "b.yaml",
                      sourceFormat: "yaml", errors: 0, warnings: 0, notices: 0)
    }

    @Test("a list is read once while fresh, again after it is forgotten or has aged")
    func keptWhileFresh() async throws {
        let kept = PublishedYears(freshness: .seconds(60))
        let reads = Mutex(0)
        let read: () async throws -> [VersionRecord] = { reads.withLock { $0 += 1 }; return [Self.record(1, year: 2024)] }
        for _ in 0..<5 { #expect(try await kept.versions(departmentID: 1, read: read).map(\.id) == [1]) }
        #expect(reads.withLock { $0 } == 1)
        _ = try await kept.versions(departmentID: 2, read: read)
        #expect(reads.withLock { $0 } == 2)
        kept.forget(departmentID: 1)
        _ = try await kept.versions(departmentID: 1, read: read)
        _ = try await kept.versions(departmentID: 2, read: read)
        #expect(reads.withLock { $0 } == 3)

        let aging = PublishedYears(freshness: .milliseconds(20))
        _ = try await aging.versions(departmentID: 1, read: read)
        try await Task.sleep(for: .milliseconds(40))
        _ = try await aging.versions(departmentID: 1, read: read)
        #expect(reads.withLock { $0 } == 5)
    }

    @Test("a list read while this server publishes is served but not kept")
    func publicationDuringRead() async throws {
        let kept = PublishedYears(freshness: .seconds(60))
        let old = try await kept.versions(departmentID: 1) {
            kept.forget(departmentID: 1)  // a publication lands while the read is under way
            return [Self.record(1, year: 2024)]
        }
        #expect(old.map(\.id) == [1])
        let fresh = try await kept.versions(departmentID: 1) { [Self.record(1, year: 2024), Self.record(2, year: 2025)] }
        #expect(fresh.map(\.id) == [1, 2])
    }

    @Test("a failed read keeps nothing and is read again")
    func failedRead() async throws {
        struct Down: Error {}
        let kept = PublishedYears()
        await #expect(throws: Down.self) { try await kept.versions(departmentID: 1) { throw Down() } }
        #expect(try await kept.versions(departmentID: 1) { [Self.record(3, year: 2023)] }.map(\.id) == [3])
    }

    @Test("the newest published version of each year, budget before final accounts, oldest year first")
    func newestByYear() {
        var final = Self.record(4, year: 2023)
        final.phase = .finalAccounts
        let list = PortalServices.newestByYear([Self.record(1, year: 2024), Self.record(2, year: 2024, number: 2),
                                                Self.record(3, year: 2024, number: 3, status: .draft), final,
                                                Self.record(5, year: 2023)])
        #expect(list.map(\.id) == [5, 2])
    }

    @Test("a version published through the portal is compared at once, though the list was read just before",
          arguments: PortalHarness.backends)
    func publishedAtOnce(postgres: Bool) async throws {
        // Kept for an hour: only the publication itself can make the pages read the list again.
        try await PortalHarness.run(postgres: postgres, configure: { $0.publishedFreshness = .seconds(3600) }) { client, _ in
            let before = try await client.get("/departments/fictional/compare")
            #expect(before.status == .ok && before.text.contains("2024 v1"))
            let admin = try await client.signIn("admin")
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/YusuanServer/Resources/examples/fictional-2024.yaml")
            let yaml = try String(contentsOf: url, encoding: .utf8)
            let corrected = yaml.replacingOccurrences(of: "  amount: '1182400.00'", with: "  amount: '1172400.00'")
                .replacingOccurrences(of: "  amount: '610700.00'", with: "  amount: '620700.00'")
            #expect(corrected != yaml)
            let body = MultipartBody.make(fields: [("_csrf", admin.csrf)], files: [("source", "budget.yaml", Data(corrected.utf8))])
            let upload = try await client.send("/departments/fictional/upload", as: admin, csrf: "", contentType: MultipartBody.contentType, body: body)
            #expect(upload.status == .seeOther, "upload: \(upload.text.prefix(300))")
            let id = try #require(upload.headers[.location].flatMap { Int64($0.replacingOccurrences(of: "/versions/", with: "")) })
            let publish = try await client.send("/api/v1/versions/\(id)/publish", as: admin)
            #expect(publish.status == .ok, "publish: \(publish.text.prefix(300))")
            let after = try await client.get("/departments/fictional/compare")
            #expect(after.status == .ok && after.text.contains("2024 v2") && !after.text.contains("2024 v1"))
        }
    }
}
