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

    /// The findings without repeats, first occurrence kept. A few dozen are compared pairwise: two findings
    /// mostly differ in their rule or place, which compare quickly, while hashing reads every message in
    /// Unicode-normalised form. Many are hashed.
    static func deduplicated(_ fs: [Finding]) -> [Finding] {
        if fs.count > 64 {
            var seen = Set<Finding>()
            return fs.filter { seen.insert($0).inserted }
        }
        var kept: [Finding] = []
        kept.reserveCapacity(fs.count)
        // Each kept finding compared where it lies (`contains` copied it out first), and only when its rule is the
        // same: comparing the findings whole still copies the kept one (its strings retained and released, about
        // 600 instructions), and findings of two rules are never the same.
        for f in fs where !kept.withUnsafeBufferPointer({ k in k.indices.contains { k[$0].rule == f.rule && k[$0] == f } }) {
            kept.append(f)
        }
        return kept
    }
}
