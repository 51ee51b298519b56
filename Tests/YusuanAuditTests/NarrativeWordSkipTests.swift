import Testing
import YusuanCore
@testable import YusuanAudit

/// `NarrativeWords.namesNothing` and `componentSign` skip the words whose first scalar the text lacks (round 17);
/// they must say what searching for every word said, on random texts made of the words, their characters, pieces
/// that join into a word once another is removed, years, punctuation and characters that are not plain.
@Suite struct NarrativeWordSkipTests {
    /// `namesNothing` as written before round 17: every stop-word removed in turn.
    static func reference(_ prefix: String, department: String?) -> Bool {
        var t = prefix
        if let d = department.map(NarrativeText.normalise), !d.isEmpty { t = t.replacingAll(d, with: "") }
        for w in NarrativeWords.stopWords { t = t.replacingAll(w, with: "") }
        return !t.contains { !($0.isASCII || $0.isPunctuation || $0.isWhitespace) }
    }

    /// `componentSign` as written before round 17: every sign word searched for.
    static func referenceSign(before: String, after: String) -> ChangeDirection? {
        func last(_ s: String) -> (Int, ChangeDirection)? {
            let plain = TextNormalization.isPlainCJK(s)
            var best: (Int, ChangeDirection)?
            for (words, d) in [(NarrativeWords.up, ChangeDirection.up), (NarrativeWords.down, .down)] {
                for w in words { if let p = NarrativeWords.position(of: w, in: s, plain: plain, backwards: true) {
                    if best == nil || p > (best?.0 ?? 0) { best = (p, d) }
                } }
            }
            return best
        }
        func first(_ s: String) -> ChangeDirection? {
            let plain = TextNormalization.isPlainCJK(s)
            var best: (Int, ChangeDirection)?
            for (words, d) in [(NarrativeWords.up, ChangeDirection.up), (NarrativeWords.down, .down)] {
                for w in words { if let p = NarrativeWords.position(of: w, in: s, plain: plain) {
                    if best == nil || p < (best?.0 ?? 0) { best = (p, d) }
                } }
            }
            return best?.1
        }
        return last(before)?.1 ?? first(after)
    }

    static func generator(_ seed: UInt64) -> (Int) -> Int {
        var state = seed
        return { n in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func signWordsSkippedOnlyWhenAbsent() {
        let words = NarrativeWords.up + NarrativeWords.down
        var pieces = words + words.flatMap { $0.map(String.init) }
        pieces += ["13", "万元", "，", "项目支出", "及", "\u{F900}", "e\u{301}", "\u{301}", "\r\n", "Ａ", "了"]
        let next = Self.generator(0x5DEE_CE66_D1CE_4E5B)
        var signed = 0
        for _ in 0..<5_000 {
            let before = (0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined()
            let after = (0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined()
            let fast = NarrativeWords.componentSign(before: before, after: after)
            #expect(fast == Self.referenceSign(before: before, after: after), "\(before) | \(after)")
            if fast != nil { signed += 1 }
        }
        #expect(signed > 500 && signed < 4_900)
    }

    @Test func skippingAbsentWordsChangesNothing() {
        var pieces = NarrativeWords.stopWords + NarrativeWords.stopWords.flatMap { $0.map(String.init) }
        pieces += ["2022", " ", "，", "：", "、", "本局", "教育", "公务接待费", "\u{301}", "\u{F900}", "e\u{301}", "\r\n", "Ａ", "(", "a"]
        let next = Self.generator(0x2545_F491_4F6C_DD1D)
        var named = 0
        for k in 0..<5_000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            let department: String? = k % 3 == 0 ? "本局" : k % 3 == 1 ? nil : ""
            let fast = NarrativeWords.namesNothing(text, department: department)
            #expect(fast == Self.reference(text, department: department), "\(text)")
            if !fast { named += 1 }
        }
        // Both answers occur.
        #expect(named > 500 && named < 4_500)
    }
}
