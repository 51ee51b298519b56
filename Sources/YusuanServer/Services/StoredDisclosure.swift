import Foundation
import YusuanCore
import YusuanStore

extension PortalServices {
    /// The stored disclosure of a version (JSON of YusuanCore's `Disclosure`).
    func disclosure(of v: VersionRecord) async throws -> Disclosure {
        guard let content = try await store.content(versionID: v.id) else { throw PortalError.notFound("version \(v.id) content") }
        do {
            return try JSONDecoder().decode(Disclosure.self, from: content.disclosure)
        } catch {
            throw PortalError(.internalServerError, zh: "版本 \(v.id) 的公开文本无法读取：\(error)",
                              en: "The disclosure of version \(v.id) cannot be read: \(error)")
        }
    }

    /// The newest published version of each year (budget phase first), oldest year first.
    func publishedByYear(departmentID: Int64) async throws -> [VersionRecord] {
        var byYear: [Int: VersionRecord] = [:]
        for v in try await store.versions(departmentID: departmentID) where v.status == .published {
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
