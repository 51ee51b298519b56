import Testing
import YusuanTestSupport
@testable import YusuanAudit
import YusuanCore

/// `Auditor.deduplicated` compares a few dozen findings pairwise where they lie; it must keep what
/// `kept.contains(f)` kept (first occurrence, in order), and so must its hashed path for many.
@Suite struct DeduplicatedTests {
    static func reference(_ fs: [Finding]) -> [Finding] {
        var kept: [Finding] = []
        for f in fs where !kept.contains(f) { kept.append(f) }
        return kept
    }

    @Test func keepsWhatContainsKept() throws {
        let rules = Array(RuleCatalog.all.prefix(3))
        let first = try #require(rules.first)
        var rng = SeededRandom(seed: 37)
        var repeats = 0
        for _ in 0..<300 {
            let fs = (0..<Int.random(in: 0...90, using: &rng)).map { _ in
                let rule = rules.randomElement(using: &rng) ?? first
                let row = ["合计", nil].randomElement(using: &rng) ?? nil
                return rule.finding(FindingLocation(table: "附件1 表", row: row, source: SourceLocation(line: Int.random(in: 1...2, using: &rng))),
                                    expected: "\(Int.random(in: 0...1, using: &rng))", found: "1",
                                    message: ["甲", "乙"].randomElement(using: &rng) ?? "", english: "e")
            }
            let got = Auditor.deduplicated(fs), want = Self.reference(fs)
            #expect(got == want)
            repeats += fs.count - got.count
        }
        // Repeats are drawn often, so lists with repeats are compared, not only lists of distinct findings.
        #expect(repeats > 2_000)
    }
}
