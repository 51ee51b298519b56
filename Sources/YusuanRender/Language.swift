/// The language of a report.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en
}
