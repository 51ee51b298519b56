import Foundation
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanRender
import YusuanSource
import YusuanStore

/// One uploaded file: the name the browser gave (shown escaped, never used as a path) and its bytes.
public struct UploadedFile: Sendable {
    public var name: String
    public var data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// Turns an uploaded budget source into a version ready to store: read and validate the source,
/// compile the disclosure, audit it, list its figures and findings. The same library calls as
/// `yusuan build`.
public enum VersionBuilder {
    /// What building gave: a version to store, or the source's problems.
    public enum Outcome: Sendable {
        case built(BuiltVersion)
        case invalid([SourceProblem])
    }

    public struct BuiltVersion: Sendable {
        public var budget: Budget
        public var disclosure: Disclosure
        public var report: AuditReport
        public var canonicalYAML: String
        public var sourceFormat: String

        /// The store's form of this version for `department`.
        public func newVersion(departmentID: Int64, sourceName: String) throws -> NewVersion {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = try encoder.encode(disclosure)
            return NewVersion(departmentID: departmentID, year: budget.year, phase: .budget, sourceName: sourceName,
                              sourceFormat: sourceFormat, content: VersionContent(source: Data(canonicalYAML.utf8), disclosure: json),
                              figures: VersionBuilder.figures(disclosure), findings: VersionBuilder.findings(report))
        }
    }

    /// The prefix of the private temporary folders uploads are built in.
    static let uploadFolderPrefix = "yusuan-upload-"

    /// Removes upload folders left in `directory` by a server that was killed while building (a finished or
    /// failed build removes its own): those last changed more than `age` ago, when no build can still be
    /// using them. Returns how many were removed.
    @discardableResult
    static func removeStaleUploads(in directory: URL = FileManager.default.temporaryDirectory, olderThan age: TimeInterval = 3600,
                                   now: Date = Date()) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(uploadFolderPrefix) {
            let folder = directory.appendingPathComponent(name)
            guard let changed = (try? FileManager.default.attributesOfItem(atPath: folder.path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(changed) > age else { continue }
            if (try? FileManager.default.removeItem(at: folder)) != nil { removed += 1 }
        }
        return removed
    }

    /// Builds from the uploaded files: one YAML or XLSX file, or several CSV files (one per record kind).
    /// The bytes are written to a private temporary folder under fixed names and removed afterwards.
    public static func build(_ files: [UploadedFile]) throws -> Outcome {
        guard let first = files.first else {
            return .invalid([SourceProblem(.unreadable, at: "", "没有上传文件 / no file was uploaded")])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(uploadFolderPrefix + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let format = detectFormat(first)
        let path: URL
        switch format {
        case .xlsx:
            path = folder.appendingPathComponent("source.xlsx")
            try first.data.write(to: path)
        case .yaml:
            path = folder.appendingPathComponent("source.yaml")
            try first.data.write(to: path)
        case .csv:
            path = folder.appendingPathComponent("source")
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: false)
            for f in files {
                try f.data.write(to: path.appendingPathComponent(safeCSVName(f.name)))
            }
        }
        let reading = BudgetSource.load(path: path.path)
        let problems = reading.problems.map { relabel($0, folder: folder.path, name: first.name) }
        guard let budget = reading.budget else { return .invalid(problems) }
        let disclosure = DisclosureCompiler.compile(budget)
        let report = Auditor.audit(disclosure, profileID: budget.profile)
        let yaml = try BudgetSource.yaml(budget)
        return .built(BuiltVersion(budget: budget, disclosure: disclosure, report: report, canonicalYAML: yaml,
                                   sourceFormat: format.rawValue))
    }

    /// XLSX by its zip signature, CSV by its name, YAML otherwise.
    static func detectFormat(_ f: UploadedFile) -> SourceFormat {
        if f.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if f.name.lowercased().hasSuffix(".csv") { return .csv }
        return .yaml
    }

    /// A CSV file's name reduced to letters, digits, "_" and "-" (the record kinds are named so).
    static func safeCSVName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent.replacingOccurrences(of: ".csv", with: "", options: [.caseInsensitive])
        let kept = String(base.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" })
        return (kept.isEmpty ? "table" : String(kept.prefix(64))) + ".csv"
    }

    /// Problems name the uploaded file, not the temporary path.
    static func relabel(_ p: SourceProblem, folder: String, name: String) -> SourceProblem {
        var p = p
        if var position = p.position {
            position.file = position.file.replacingOccurrences(of: folder + "/source/", with: "")
                .replacingOccurrences(of: folder + "/source.yaml", with: name)
                .replacingOccurrences(of: folder + "/source.xlsx", with: name)
                .replacingOccurrences(of: folder + "/source", with: name)
            p.position = position
        }
        p.message = p.message.replacingOccurrences(of: folder + "/", with: "")
        return p
    }

    /// Every money figure the disclosure prints, for the store.
    public static func figures(_ d: Disclosure) -> [PrintedFigure] {
        PrintedFigures.money(of: d).map(\.figure)
    }

    /// The report's findings for the store, in report order.
    public static func findings(_ report: AuditReport) -> [FindingRecord] {
        FindingGroups.grouped(report).flatMap(\.findings).map { f in
            FindingRecord(ruleID: f.rule, severity: f.severity.rawValue, message: f.message, location: location(f),
                          messageEnglish: f.messageEnglish)
        }
    }

    /// "附件2 … · 第 130 行 · 合计 · 列 2022年预算数/总计".
    static func location(_ f: Finding) -> String {
        var parts: [String] = []
        if let t = f.location.table { parts.append(t) }
        if let line = f.location.source?.line { parts.append("第 \(line) 行") }
        if let r = f.location.row, !r.isEmpty { parts.append(r) }
        if let c = f.location.column, !c.isEmpty { parts.append("列 " + c) }
        return parts.joined(separator: " · ")
    }
}
