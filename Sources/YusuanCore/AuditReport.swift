/// The result of auditing one disclosure: what was read, which profile, every finding, and a summary.
public struct AuditReport: Sendable, Codable {
    public struct RuleStatus: Sendable, Codable, Hashable {
        public var rule: String
        public var applicable: Bool
        public var reason: String?
        public init(rule: String, applicable: Bool, reason: String?) {
            self.rule = rule
            self.applicable = applicable
            self.reason = reason
        }
    }

    public var disclosure: Disclosure
    public var profile: Profile?
    /// Whether the profile was detected (true) or given on the command line.
    public var profileDetected: Bool
    public var findings: [Finding]
    public var rules: [RuleStatus]

    public init(disclosure: Disclosure, profile: Profile?, profileDetected: Bool, findings: [Finding], rules: [RuleStatus]) {
        self.disclosure = disclosure
        self.profile = profile
        self.profileDetected = profileDetected
        self.findings = findings
        self.rules = rules
    }

    public func count(_ s: Severity) -> Int { findings.filter { $0.severity == s }.count }
    public var rulesRun: Int { rules.filter(\.applicable).count }
    public var rulesNotApplicable: Int { rules.filter { !$0.applicable }.count }
}
