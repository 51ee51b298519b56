import Foundation
import Mustache

/// The mustache templates in Resources/templates, loaded once. Every page extends `layout`.
/// Data is always inserted with `{{ }}` (escaped); `{{{ }}}` is used only for HTML the server's
/// own renderers produced with every text escaped (names ending in `HTML`) — a test checks this.
enum Templates {
    static func directory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw PortalError(.internalServerError, zh: "缺少模板目录", en: "the templates folder is missing from the bundle")
        }
        return url
    }

    static func load() async throws -> MustacheLibrary {
        try await MustacheLibrary(directory: try directory().path)
    }
}

/// The static files served under /static: the portal's stylesheet and the disclosure's, scoped.
struct StaticFiles: Sendable {
    struct File: Sendable {
        var body: String
        var contentType: String
    }

    let files: [String: File]

    static func load() throws -> StaticFiles {
        var files: [String: File] = [:]
        if let folder = Bundle.module.url(forResource: "static", withExtension: nil) {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".css") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                files[name] = File(body: text, contentType: "text/css; charset=utf-8")
            }
        }
        files["disclosure.css"] = File(body: CSSScope.scoped(DisclosureStyle.css, under: ".disclosure"), contentType: "text/css; charset=utf-8")
        return StaticFiles(files: files)
    }
}
