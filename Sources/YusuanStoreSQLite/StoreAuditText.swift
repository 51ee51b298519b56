import YusuanStore

/// The detail text of the audit-log lines the store writes itself.
enum StoreAuditText {
    static func upload(code: String, version: NewVersion, number: Int) -> String {
        "\(code) \(version.year) \(version.phase.rawValue) #\(number) from \(version.sourceName) (\(version.sourceFormat)): "
            + "\(version.errors) errors, \(version.warnings) warnings, \(version.notices) notices"
    }

    static func describe(_ version: VersionRecord) -> String {
        "department \(version.departmentID) \(version.year) \(version.phase.rawValue) #\(version.number)"
    }
}
