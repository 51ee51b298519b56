import Foundation
import Hummingbird
import YusuanRender
import YusuanStore
import YusuanXLSX

/// A version's files: the workbook, the JSON, the text in the published layout, the data package
/// (CSV + datapackage.json) and the canonical budget source.
enum Downloads {
    struct File {
        var name: String
        var label: String
        var contentType: String
    }

    static let files = [
        File(name: "disclosure.xlsx", label: "download_xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        File(name: "budget-lines.csv", label: "download_csv", contentType: "text/csv; charset=utf-8"),
        File(name: "datapackage.json", label: "download_datapackage", contentType: "application/json; charset=utf-8"),
        File(name: "disclosure.json", label: "download_json", contentType: "application/json; charset=utf-8"),
        File(name: "disclosure.txt", label: "download_text", contentType: "text/plain; charset=utf-8"),
        File(name: "source.yaml", label: "download_source", contentType: "text/yaml; charset=utf-8"),
    ]

    static func register(_ router: Router<PortalContext>, _ services: PortalServices) {
        router.get("/versions/{id}/download/{file}") { _, context in
            let v = try await services.visibleVersion(id: context.parameters.get("id"), context: context)
            guard let name = context.parameters.get("file"), let file = files.first(where: { $0.name == name }),
                  let d = try await services.store.department(id: v.departmentID) else {
                throw PortalError.notFound("file")
            }
            let data = try await body(file.name, v, services: services)
            let ext = (file.name as NSString).pathExtension
            let base = (file.name as NSString).deletingPathExtension
            let filename = "\(d.code)-\(v.year)-v\(v.number)-\(base).\(ext)"
            return Response(status: .ok, headers: [.contentType: file.contentType,
                                                   .contentDisposition: "attachment; filename=\"\(filename)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func body(_ name: String, _ v: VersionRecord, services: PortalServices) async throws -> Data {
        if name == "source.yaml" {
            guard let content = try await services.store.content(versionID: v.id) else { throw PortalError.notFound("source") }
            return content.source
        }
        let d = try await services.disclosure(of: v)
        switch name {
        case "disclosure.xlsx": return try DisclosureXLSX.write(d)
        case "disclosure.json": return Data(DisclosureJSON.render(d).utf8)
        case "disclosure.txt": return Data(DisclosureText.render(d).utf8)
        default:
            guard let text = DisclosureDataPackage.render(d)[name] else { throw PortalError.notFound(name) }
            return Data(text.utf8)
        }
    }
}
