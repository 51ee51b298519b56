import Foundation
import Hummingbird
import Testing
import YusuanCore
@testable import YusuanServer
import YusuanStore

@Suite("Disclosure cache and dates")
struct DisclosureCacheTests {
    static func disclosure(_ title: String) -> Disclosure {
        Disclosure(title: title, department: nil, year: 2026, phase: .budget, tables: [], narrative: [], source: "test")
    }

    @Test("a kept disclosure is decoded once; its JSON and body are rendered once")
    func decodedOnce() throws {
        let cache = DisclosureCache()
        var decodes = 0, renders = 0
        for _ in 0..<5 {
            let d = cache.disclosure(id: 7) { decodes += 1; return (Self.disclosure("七"), 100) }
            #expect(d.title == "七")
            let json = cache.json(id: 7, of: d) { renders += 1; return "{\"title\":\"\($0.title)\"}" }
            #expect(String(buffer: json.buffer) == "{\"title\":\"七\"}" && json.tag == ConditionalGet.tag(of: json.buffer))
        }
        #expect(decodes == 1 && renders == 1)
        #expect(cache.kept(id: 7)?.title == "七" && cache.kept(id: 8) == nil)
    }

    @Test("entries beyond the byte budget go out least recently used first")
    func budget() {
        let cache = DisclosureCache(budget: 1_000)
        for id in Int64(1)...3 { _ = cache.disclosure(id: id) { (Self.disclosure("\(id)"), 100) } }  // 300 bytes each
        _ = cache.kept(id: 1)  // 1 is now newer than 2
        _ = cache.disclosure(id: 4) { (Self.disclosure("4"), 100) }
        #expect(cache.count == 3)
        #expect(cache.kept(id: 2) == nil)
        #expect(cache.kept(id: 1) != nil && cache.kept(id: 3) != nil && cache.kept(id: 4) != nil)
        // An entry larger than the whole budget is served but not kept.
        let big = cache.disclosure(id: 9) { (Self.disclosure("9"), 10_000) }
        #expect(big.title == "9" && cache.kept(id: 9) == nil)
    }

    @Test("a version keeps a few rendered pages: older keys of the same kind give way, other kinds stay")
    func fragmentsPerVersion() {
        let cache = DisclosureCache()
        let d = Self.disclosure("x")
        for n in 0..<4 { cache.keep(fragment: "p\(n)", id: 1, key: "page|zh|\(n)", disclosure: d) }
        #expect((0..<4).allSatisfy { cache.fragment(id: 1, key: "page|zh|\($0)") == "p\($0)" })
        cache.keep(fragment: "b", id: 1, key: "version-body|zh|0", disclosure: d)
        cache.keep(fragment: "p4", id: 1, key: "page|zh|4", disclosure: d)
        #expect(cache.fragment(id: 1, key: "page|zh|4") == "p4")
        #expect((0..<4).allSatisfy { cache.fragment(id: 1, key: "page|zh|\($0)") == nil })
        #expect(cache.fragment(id: 1, key: "version-body|zh|0") == "b")
    }

    @Test("dates print as yyyy-MM-dd HH:mm in China Standard Time, as DateFormatter does")
    func dates() {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        var g = SystemRandomNumberGenerator()
        let samples: [TimeInterval] = [0, 86_399.5, 951_782_400, 1_709_164_800, 1_798_761_599, 4_102_444_800]
            + (0..<500).map { _ in TimeInterval(Int.random(in: 700_000_000...4_000_000_000, using: &g)) + 0.25 }
        for t in samples {
            let d = Date(timeIntervalSince1970: t)
            #expect(Views.date(d) == f.string(from: d), "\(t)")
        }
        #expect(Views.date(nil) == "")
    }

    @Test("API dates are ISO 8601 in UTC")
    func isoDates() {
        #expect(APIJSON.date(Date(timeIntervalSince1970: 1_764_412_800)) == "2025-11-29T10:40:00Z")
        #expect(APIJSON.date(Date(timeIntervalSince1970: 1_764_412_800)) == ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: 1_764_412_800)))
    }
}

@Suite("Kept version pages")
struct KeptVersionPageTests {
    @Test("an anonymous reader gets the same page twice; a signed-in reader never gets the anonymous page")
    func anonymousPageKept() async throws {
        try await PortalHarness.run { client, store in
            let example = try #require(try await store.department(code: "tongnan-xinfang"))
            let v = try #require(try await store.versions(departmentID: example.id).first { $0.status == .published })
            let first = try await client.get("/versions/\(v.id)")
            let second = try await client.get("/versions/\(v.id)")
            #expect(first.status == .ok && second.status == .ok)
            #expect(first.text == second.text)
            #expect(first.text.contains("<svg") && first.text.contains("id=\"findings\""))
            #expect(!first.text.contains("class=\"who\""))
            let officer = try await client.signIn("officer")
            let signedIn = try await client.get("/versions/\(v.id)", as: officer)
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("class=\"who\"") && signedIn.text.contains("officer"))
            // The English page is kept apart from the Chinese one.
            let english = try await client.get("/versions/\(v.id)?lang=en")
            #expect(english.text.contains("lang=\"en\"") && english.text != first.text)
            #expect(try await client.get("/versions/\(v.id)").text.contains("lang=\"zh-CN\""))
        }
    }

    @Test("the kept parts of a page are keyed by language, status and the department's published versions")
    func signature() throws {
        let record = { (id: Int64, status: VersionStatus) in
            VersionRecord(id: id, departmentID: 1, year: 2024, phase: .budget, number: 1, status: status,
                          createdAt: Date(timeIntervalSince1970: 0), createdBy: "t", publishedAt: nil, sourceName: "b.yaml",
                          sourceFormat: "yaml", errors: 0, warnings: 0, notices: 0)
        }
        let v = record(3, .published)
        let a = VersionPage.signature(v, published: [record(1, .published), v], lang: .zh)
        #expect(a == VersionPage.signature(v, published: [record(1, .published), v], lang: .zh))
        #expect(a != VersionPage.signature(v, published: [record(2, .published), v], lang: .zh))
        #expect(a != VersionPage.signature(v, published: [record(1, .published), v], lang: .en))
        #expect(a != VersionPage.signature(record(3, .draft), published: [record(1, .published)], lang: .zh))
    }
}
