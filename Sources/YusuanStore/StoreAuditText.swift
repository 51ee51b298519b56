/// The detail text of the audit-log lines a store writes itself (one wording for every store).
public enum StoreAuditText {
    public static func upload(code: String, version: NewVersion, number: Int) -> String {
        "\(code) \(version.year) \(version.phase.rawValue) #\(number) from \(version.sourceName) (\(version.sourceFormat)): "
            + "\(version.errors) errors, \(version.warnings) warnings, \(version.notices) notices"
    }

    public static func describe(_ version: VersionRecord) -> String {
        "department \(version.departmentID) \(version.year) \(version.phase.rawValue) #\(version.number)"
    }
}
