/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case error, warning, notice

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }

    public var chinese: String { self == .error ? "错误" : self == .warning ? "警告" : "提示" }
}

/// The families of rules.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    case arithmetic, crossTable = "cross-table", narrative, completeness, classification, performance, units

    public var chinese: String {
        switch self {
        case .arithmetic: "表内勾稽"
        case .crossTable: "表间一致"
        case .narrative: "说明与表格"
        case .completeness: "完整性"
        case .classification: "科目"
        case .performance: "项目与绩效"
        case .units: "单位与舍入"
        }
    }
}

/// Where in the document a finding points.
public struct FindingLocation: Hashable, Sendable, Codable {
    /// Display name of the table ("附件2 …"), or "情况说明" for the narrative, nil for the document.
    public var table: String?
    public var attachment: String?
    /// Row label: "201 一般公共服务支出", "合计".
    public var row: String?
    public var column: String?
    public var source: SourceLocation?

    public init(table: String? = nil, attachment: String? = nil, row: String? = nil, column: String? = nil, source: SourceLocation? = nil) {
        self.table = table
        self.attachment = attachment
        self.row = row
        self.column = column
        self.source = source
    }
}

/// One defect: rule, severity, where, what was expected and found, and why it matters.
public struct Finding: Hashable, Sendable, Codable {
    public var rule: String
    public var severity: Severity
    public var category: RuleCategory
    public var location: FindingLocation
    public var expected: String
    public var found: String
    /// The finding in one sentence, in Chinese, with the arithmetic shown.
    public var message: String
    /// The same in English.
    public var messageEnglish: String

    public init(rule: String, severity: Severity, category: RuleCategory, location: FindingLocation,
                expected: String, found: String, message: String, messageEnglish: String) {
        self.rule = rule
        self.severity = severity
        self.category = category
        self.location = location
        self.expected = expected
        self.found = found
        self.message = message
        self.messageEnglish = messageEnglish
    }
}
