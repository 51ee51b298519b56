import YusuanCore

/// What a rule did with a disclosure.
public enum RuleOutcome: Sendable {
    /// The rule ran; its findings (empty: passed).
    case ran([Finding])
    /// The tables or text the rule needs are not in the document.
    case notApplicable(reason: String)
}

/// One named check. Rules are data with a `check` function; the engine runs every one of them.
public struct Rule: Sendable {
    public let id: String
    public let severity: Severity
    public let category: RuleCategory
    /// What it checks, one line, Chinese.
    public let title: String
    public let titleEnglish: String
    /// Why a failure matters, one sentence, Chinese and English.
    public let why: String
    public let whyEnglish: String
    public let check: @Sendable (AuditContext) -> RuleOutcome

    public init(id: String, severity: Severity, category: RuleCategory, title: String, titleEnglish: String,
                why: String, whyEnglish: String, check: @escaping @Sendable (AuditContext) -> RuleOutcome) {
        self.id = id
        self.severity = severity
        self.category = category
        self.title = title
        self.titleEnglish = titleEnglish
        self.why = why
        self.whyEnglish = whyEnglish
        self.check = check
    }

    /// A finding of this rule with its default severity and category.
    public func finding(_ location: FindingLocation, expected: String, found: String,
                        message: String, english: String, severity: Severity? = nil) -> Finding {
        Finding(rule: id, severity: severity ?? self.severity, category: category, location: location,
                expected: expected, found: found, message: message + " " + why,
                messageEnglish: english + " " + whyEnglish)
    }
}
