import Testing
import YusuanTestSupport
@testable import YusuanAudit
import YusuanCore

/// CMP-007's `missingSections` searches a paragraph's own text before making its key; it must find what keying
/// every paragraph first found (the rule's old definition), on random paragraphs whose keys differ from their text.
@Suite struct SectionSearchTests {
    static func reference(_ paragraphs: [String], title: String, keywords: [[String]]) -> [Int]? {
        let titleKey = TextNormalization.key(title)
        let texts = paragraphs.map(TextNormalization.key).filter { !$0.isEmpty && $0 != titleKey }
        guard !texts.isEmpty else { return nil }
        return keywords.indices.filter { s in
            let keys = keywords[s].map(TextNormalization.key).filter { !$0.isEmpty }
            return !texts.contains { t in keys.contains { t.contains($0) } }
        }
    }

    @Test func findsWhatKeyingEveryParagraphFound() {
        // Pieces that key to something else (spaces, quotes, full-width forms, brackets) or to themselves.
        let pieces = ["三公", "经费", "三 公", "“三公”", "政府采购", "政府 采购", "（一）", "(一)", "【", "】", "[", "]",
                      "ＡＢ", "AB", "\u{3000}", " ", "\t", "说明", "部门", "，", "。", "e\u{301}", "\u{e9}", ""]
        let words = ["三公", "三公经费", "政府采购", "(一)", "AB", "\u{e9}", "“说明”", " ", "【部门】"]
        var rng = SeededRandom(seed: 34)
        var found = 0, missing = 0, slow = 0, none = 0
        for _ in 0..<3_000 {
            func text(_ n: Int) -> String { (0..<Int.random(in: 0...n, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined() }
            let paragraphs = (0..<Int.random(in: 0...5, using: &rng)).map { _ in text(6) }
            let title = Bool.random(using: &rng) ? (paragraphs.randomElement(using: &rng) ?? "") : text(3)
            let keywords = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                (0..<Int.random(in: 1...3, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "" }
            }
            let got = CompletenessRules.missingSections(paragraphs, title: title, keywords: keywords)
            let want = Self.reference(paragraphs, title: title, keywords: keywords)
            #expect(got == want, "\(paragraphs) \(title) \(keywords)")
            guard let want else { none += 1; continue }
            missing += want.count
            found += keywords.count - want.count
            // Sections found only in a paragraph's key, not in its text (as printed or keyed): the search after the
            // text search.
            let titleKey = TextNormalization.key(title)
            slow += keywords.indices.filter { s in
                !want.contains(s) && !paragraphs.contains { p in
                    let k = TextNormalization.key(p)
                    return !k.isEmpty && k != titleKey && keywords[s].contains { w in
                        let wk = TextNormalization.key(w)
                        return !wk.isEmpty && (p.contains(w) || p.contains(wk))
                    }
                }
            }.count
        }
        // Every outcome is drawn often: sections found in the text, found only in the key, missing, no narrative.
        #expect(found > 1_000 && slow > 100 && missing > 1_000 && none > 100, "\(found) \(slow) \(missing) \(none)")
    }
}
