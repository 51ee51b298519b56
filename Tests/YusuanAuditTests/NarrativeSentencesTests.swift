import Testing
import YusuanCore
@testable import YusuanAudit

/// `NarrativeText.sentences` cuts clauses and sentences from the text's bytes; it must give what cutting the
/// characters (`chars[a..<b].text`) gave, with the same separators and locations, on plain and other text.
@Suite struct NarrativeSentencesTests {
    /// The definition over character slices, as it was before the byte cuts.
    static func reference(_ text: String, segments: [(Int, YusuanCore.SourceLocation)]) -> [NarrativeSentence] {
        let chars = NarrativeChar.array(text)
        func location(_ offset: Int) -> YusuanCore.SourceLocation {
            segments.last { $0.0 <= offset }?.1 ?? segments.first?.1 ?? YusuanCore.SourceLocation()
        }
        var out: [NarrativeSentence] = []
        var clauses: [NarrativeClause] = []
        var clauseStart = 0, sentenceStart = 0
        var separator: Character?
        func closeClause(at end: Int) {
            let t = chars[clauseStart..<end].text
            if !t.isEmpty { clauses.append(NarrativeClause(text: t, separatorBefore: separator, location: location(clauseStart))) }
        }
        func closeSentence(at end: Int) {
            closeClause(at: end)
            if !clauses.isEmpty {
                out.append(NarrativeSentence(text: chars[sentenceStart..<end].text, clauses: clauses, location: location(sentenceStart)))
            }
            clauses = []
            separator = nil
        }
        for (k, c) in chars.enumerated() {
            if NarrativeText.isSentenceEnd(c) {
                closeSentence(at: k)
                sentenceStart = k + 1
                clauseStart = k + 1
            } else if NarrativeText.isClauseSeparator(c) && !NarrativeText.isThousandsComma(chars, k) {
                closeClause(at: k)
                separator = c.character
                clauseStart = k + 1
            }
        }
        closeSentence(at: chars.count)
        return out
    }

    static let alphabet: [String] = [
        "。", "!", "?", ",", ";", ":", "、", "1", "2", "3", ".", "年", "支出", "万元", "a", " ", "%", "—", "…",
        "\u{301}", "\u{F98E}", "\r\n", "\r", "\n", "\u{37E}", "ｶ", "\u{FF9E}", "é", "€", "\u{1F600}", "１", "，",
    ]

    static func describe(_ ss: [NarrativeSentence]) -> [String] {
        ss.map { s in
            "\(Array(s.text.utf8))@\(s.location)|" + s.clauses.map {
                "\(Array($0.text.utf8))/\($0.separatorBefore.map(String.init) ?? "-")@\($0.location)"
            }.joined(separator: "|")
        }
    }

    @Test func sameAsCuttingCharactersOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let plainOnly = Bool.random(using: &rng)
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &rng) {
                var piece = Self.alphabet.randomElement(using: &rng) ?? "。"
                while plainOnly && !TextNormalization.isPlainCJK(piece) { piece = Self.alphabet.randomElement(using: &rng) ?? "。" }
                text += piece
            }
            let n = text.count
            var segments: [(Int, YusuanCore.SourceLocation)] = [(0, YusuanCore.SourceLocation(line: 1))]
            for line in 2...4 where n > 0 && Bool.random(using: &rng) {
                segments.append((Int.random(in: 0...n, using: &rng), YusuanCore.SourceLocation(line: line)))
            }
            let got = NarrativeText.sentences(text, segments: segments)
            let want = Self.reference(text, segments: segments)
            #expect(Self.describe(got) == Self.describe(want), "\(Array(text.unicodeScalars))")
        }
    }
}
