import Foundation
import Hummingbird
import YusuanCore
import YusuanRender
import YusuanStore

extension PortalServices {
    /// The stored disclosure of a version (JSON of YusuanCore's `Disclosure`).
    func disclosure(of v: VersionRecord) async throws -> Disclosure {
        if let kept = disclosures.kept(id: v.id) { return kept }
        guard let content = try await store.content(versionID: v.id) else { throw PortalError.notFound("version \(v.id) content") }
        return try disclosures.disclosure(id: v.id) {
            do {
                return (try JSONDecoder().decode(Disclosure.self, from: content.disclosure), content.disclosure.count)
            } catch {
                throw PortalError(.internalServerError, zh: "版本 \(v.id) 的公开文本无法读取：\(error)",
                                  en: "The disclosure of version \(v.id) cannot be read: \(error)")
            }
        }
    }

    /// A version's disclosure as the API's JSON (`yusuan build --format json`'s, compact), rendered once per version.
    func disclosureJSON(of v: VersionRecord) async throws -> KeptBody {
        disclosures.json(id: v.id, of: try await disclosure(of: v)) { DisclosureJSON.render($0, layout: .compact) }
    }

    /// A version's disclosure as an HTML body (tables and narrative), rendered once per version.
    func disclosureBody(of v: VersionRecord) async throws -> String {
        disclosures.body(id: v.id, of: try await disclosure(of: v), render: DisclosureHTML.body)
    }

    /// The newest published version of each year (budget phase first), oldest year first.
    func publishedByYear(departmentID: Int64) async throws -> [VersionRecord] {
        try await published.versions(departmentID: departmentID) {
            Self.newestByYear(try await store.versions(departmentID: departmentID))
        }
    }

    /// Reads the department's published versions again ahead of time (`PublishedYears.fresh(departmentID:at:renew:)`).
    func renewPublished(departmentID: Int64) async {
        await published.renew(departmentID: departmentID) {
            Self.newestByYear(try await store.versions(departmentID: departmentID))
        }
    }

    /// The newest published version of each year in `versions` (budget phase first), oldest year first.
    static func newestByYear(_ versions: [VersionRecord]) -> [VersionRecord] {
        var byYear: [Int: VersionRecord] = [:]
        for v in versions where v.status == .published {
            if let current = byYear[v.year] {
                let better = (v.phase == .budget && current.phase != .budget) || (v.phase == current.phase && v.number > current.number)
                if better { byYear[v.year] = v }
            } else {
                byYear[v.year] = v
            }
        }
        return byYear.keys.sorted().compactMap { byYear[$0] }
    }
}
