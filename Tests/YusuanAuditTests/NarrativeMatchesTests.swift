import Testing
import YusuanCore
@testable import YusuanAudit

/// `NarrativeVocabulary.matches` finds the label words in one pass and orders the hits by sorting (round 17: no
/// list per word); it must report what searching the clause once per word, in the table's order, reports, on
/// random clauses made of the words' own characters, digits, 费, path markers and characters that are not plain.
@Suite struct NarrativeMatchesTests {
    /// The labels in `chars` as found before round 17: each word's occurrences, word by word.
    static func reference(_ v: NarrativeVocabulary, _ chars: [NarrativeChar]) -> [LabelMatch] {
        func of(_ w: NarrativeVocabulary.Word) -> [LabelMatch] {
            NarrativeVocabulary.occurrences(w.chars, in: chars).map {
                LabelMatch(topic: w.topic, start: $0, end: $0 + w.chars.count, strength: w.strength, text: w.text)
            }
        }
        return v.words.filter { $0.strength != .weak }.flatMap(of)
            + v.vehicles(chars) + v.procurement(chars) + v.classificationPaths(chars)
            + v.words.filter { $0.strength == .weak }.flatMap(of)
    }

    static func key(_ ms: [LabelMatch]) -> [String] {
        ms.map { "\($0.topic)|\($0.start)|\($0.end)|\($0.strength)|\($0.text)" }
    }

    @Test func oneSearchFindsWhatAWordByWordSearchFinds() throws {
        let catalog = try #require(CatalogLibrary.catalog(.functional, year: 2022))
        for v in [NarrativeVocabulary(catalog: catalog), NarrativeVocabulary(catalog: nil)] {
            // Pieces: whole words, their single characters, and characters the words do not hold or that are not plain.
            var pieces = v.words.map(\.text) + ["公务用车", "公车", "政府采购", "(类)", "(款)", "(项)", "费", "及", "1", "2.5", "万元",
                                                "，", "其中", "\u{F900}", "e\u{301}", "\r\n", "Ａ", "了"]
            pieces += v.words.flatMap { $0.text.map(String.init) }
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            func next(_ n: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(n))
            }
            for _ in 0..<3_000 {
                let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
                let chars = NarrativeChar.array(text)
                #expect(Self.key(v.matches(chars)) == Self.key(Self.reference(v, chars)), "\(text)")
            }
        }
    }

    /// `occurrences` scans the arrays' buffers (round 30); it must find every start where the word's characters
    /// follow one another, as comparing each slice with the word finds, overlapping starts included.
    @Test func occurrencesAreTheStartsOfEveryEqualSlice() {
        let pieces = ["公", "务", "用", "车", "政", "府", "采", "购", "费", "公务", "\u{F900}", "e\u{301}", "\r\n", "Ａ", "1"]
        var state: UInt64 = 30
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<5_000 {
            let word = NarrativeChar.array((0..<(1 + next(3))).map { _ in pieces[next(pieces.count)] }.joined())
            let chars = NarrativeChar.array((0..<next(14)).map { _ in pieces[next(pieces.count)] }.joined())
            let expected = chars.count < word.count ? []
                : (0...(chars.count - word.count)).filter { chars[$0..<($0 + word.count)].elementsEqual(word) }
            #expect(NarrativeVocabulary.occurrences(word, in: chars) == expected, "\(word.text) in \(chars.text)")
        }
    }
}
