import YusuanCore

/// Runs every rule over a disclosure and collects all findings; never stops at the first.
public enum Auditor {
    public static func audit(_ disclosure: Disclosure, profile: Profile?, profileDetected: Bool,
                             rules: [Rule] = RuleCatalog.all) -> AuditReport {
        let context = AuditContext(disclosure: disclosure, profile: profile)
        var findings: [Finding] = []
        var statuses: [AuditReport.RuleStatus] = []
        for rule in rules {
            switch rule.check(context) {
            case .ran(let fs):
                findings += fs
                statuses.append(.init(rule: rule.id, applicable: true, reason: nil))
            case .notApplicable(let reason):
                statuses.append(.init(rule: rule.id, applicable: false, reason: reason))
            }
        }
        return AuditReport(disclosure: disclosure, profile: profile, profileDetected: profileDetected,
                           findings: deduplicated(findings), rules: statuses)
    }

    /// Audits with the given profile id, or the detected profile when nil.
    public static func audit(_ disclosure: Disclosure, profileID: String?) -> AuditReport {
        if let id = profileID, let p = ProfileLibrary.profile(id: id) {
            return audit(disclosure, profile: p, profileDetected: false)
        }
        return audit(disclosure, profile: ProfileLibrary.detect(disclosure), profileDetected: true)
    }

    static func deduplicated(_ fs: [Finding]) -> [Finding] {
        var seen = Set<Finding>()
        return fs.filter { seen.insert($0).inserted }
    }
}
