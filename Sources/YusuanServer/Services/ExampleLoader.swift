import Foundation
import Logging
import YusuanStore

/// Loads the bundled example budget sources (Resources/examples/*.yaml) into an empty store: each is
/// built, audited, stored and published by the actor "system", so a new portal shows a real disclosure.
public enum ExampleLoader {
    /// The bundled example sources, by file name.
    public static func bundledSources() -> [URL] {
        guard let folder = Bundle.module.url(forResource: "examples", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Loads every bundled example when the store has no department; returns the versions published.
    @discardableResult
    public static func loadIfEmpty(_ store: any YusuanStore, logger: Logger) async throws -> [VersionRecord] {
        guard try await store.departments().isEmpty else { return [] }
        var published: [VersionRecord] = []
        for url in bundledSources() {
            let data = try Data(contentsOf: url)
            published.append(try await load(data, fileName: url.lastPathComponent, into: store, logger: logger))
        }
        return published
    }

    /// Builds one source and stores it published under its department (created when absent).
    public static func load(_ data: Data, fileName: String, into store: any YusuanStore, logger: Logger) async throws -> VersionRecord {
        switch try VersionBuilder.build([UploadedFile(name: fileName, data: data)]) {
        case .invalid(let problems):
            throw PortalError(.internalServerError, zh: "示例 \(fileName) 无效：\(problems.map(\.description).joined(separator: "；"))",
                              en: "The example \(fileName) is not valid: \(problems.map(\.description).joined(separator: "; "))")
        case .built(let built):
            let code = departmentCode(built.budget.departmentCode, fileName: fileName)
            let department: DepartmentRecord
            if let existing = try await store.department(code: code) {
                department = existing
            } else {
                department = try await store.createDepartment(code: code, name: built.budget.department,
                                                              region: region(of: built.budget.department), actor: .system)
            }
            let draft = try await store.saveDraft(try built.newVersion(departmentID: department.id, sourceName: fileName), actor: .system)
            let version = try await store.publish(versionID: draft.id, actor: .system)
            logger.info("loaded the bundled example", metadata: ["department": "\(code)", "version": "\(version.id)",
                                                                "errors": "\(version.errors)", "warnings": "\(version.warnings)"])
            return version
        }
    }

    /// The source's department code, else the file name without extension and a trailing year.
    static func departmentCode(_ code: String?, fileName: String) -> String {
        if let code, DepartmentCodes.isValid(code) { return code }
        var base = (fileName as NSString).deletingPathExtension
        if base == "budget" { base = "example" }
        base = base.replacingOccurrences(of: #"-(19|20)\d\d$"#, with: "", options: .regularExpression)
        let cleaned = DepartmentCodes.normalise(base)
        return cleaned.isEmpty ? "example" : cleaned
    }

    /// "重庆市潼南区信访办公室" → "重庆市潼南区": the name up to its county-level (or else city-level) unit.
    static func region(of name: String) -> String {
        for marker in ["区", "县", "市"] {
            if let r = name.range(of: marker) { return String(name[..<r.upperBound]) }
        }
        return ""
    }
}

/// Department codes as they appear in URLs: lowercase ASCII letters, digits and "-", 2–64 characters.
public enum DepartmentCodes {
    public static func isValid(_ code: String) -> Bool {
        (2...64).contains(code.count) && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !code.hasPrefix("-") && !code.hasSuffix("-")
    }

    static func normalise(_ s: String) -> String {
        let lowered = s.lowercased().map { c -> Character in c.isASCII && (c.isLetter || c.isNumber) ? c : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }
}
