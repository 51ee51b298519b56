import Testing
@testable import YusuanAudit
import YusuanTestSupport

/// `NarrativeVocabulary.firstOccurrence`, `NarrativeWords.reasonStart` and `NarrativeWords.absence` (round 41) make
/// fewer arrays: they must answer as the searches they replace did, on random clauses made of the reason and absence
/// words, their pieces, words cut short and characters that are not plain.
@Suite struct NarrativeWordSearchTests {
    /// `reasonStart` as written before round 41: every marker's occurrences, their firsts, the least of them.
    static func reference(_ chars: [NarrativeChar]) -> Int? {
        NarrativeWords.reasonMarkerChars.compactMap { NarrativeVocabulary.occurrences($0, in: chars).first }.min()
    }

    /// `absence` as written before round 41: every word's ends in an array of their own, the whole sorted.
    static func referenceAbsence(_ chars: [NarrativeChar]) -> [Int] {
        var out: [Int] = []
        for (k, c) in chars.enumerated() where c == "无" {
            if k + 1 < chars.count && NarrativeWords.notAbsence.contains(chars[k + 1]) { continue }
            out.append(k + 1)
        }
        for w in NarrativeWords.absenceWords {
            out += NarrativeVocabulary.occurrences(w, in: chars).map { $0 + w.count }
        }
        return out.sorted()
    }

    /// The words, each cut short, and other text (a combining mark and an emoji make characters that are not plain).
    static let absence = ["未安排", "未发生", "未使用", "没有", "无", "无法", "无需", "无效"]
    static let pieces = NarrativeWords.reasonMarkers + NarrativeWords.reasonMarkers.map { String($0.dropLast()) }
        + absence + absence.map { String($0.dropLast()) }
        + ["主", "要", "原", "因", "是", "由", "于", "系", "，", "增加", "减少", "e\u{301}", "👍🏽", "12.5", " "]

    static func clause(_ g: inout SeededRandom) -> [NarrativeChar] {
        let n = Int.random(in: 0...8, using: &g)
        return NarrativeChar.array((0..<n).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &g)] }.joined())
    }

    @Test func reasonStartIsTheLeastOfTheMarkersFirstOccurrences() {
        var g = SeededRandom(seed: 41)
        var found = 0
        for _ in 0..<20_000 {
            let chars = Self.clause(&g)
            let start = NarrativeWords.reasonStart(chars)
            #expect(start == Self.reference(chars), "\(chars)")
            if start != nil { found += 1 }
        }
        #expect(found > 5_000)  // the clauses hold markers often enough for the test to mean something
    }

    @Test func absenceFindsWhatItFoundBefore() {
        var g = SeededRandom(seed: 7)
        var found = 0
        for _ in 0..<20_000 {
            let chars = Self.clause(&g)
            let ends = NarrativeWords.absence(chars)
            #expect(ends == Self.referenceAbsence(chars), "\(chars)")
            if ends.count > 1 { found += 1 }
        }
        #expect(found > 2_000)  // clauses with several absence words, so that the order is tested too
    }

    /// The first start at or after `from` of a slice equal to `word`, slice by slice (round 43: `firstOccurrence`
    /// and `occurrences` share one scan, so each is held to this rather than to the other).
    static func plainFirst(_ word: [NarrativeChar], in chars: [NarrativeChar], from: Int) -> Int? {
        guard !word.isEmpty, from >= 0 else { return nil }
        return (from..<max(from, chars.count - word.count + 1)).first { chars[$0..<($0 + word.count)].elementsEqual(word) }
    }

    @Test func firstOccurrenceIsTheFirstOfTheOccurrences() {
        var g = SeededRandom(seed: 6)
        var found = 0
        for _ in 0..<20_000 {
            let chars = Self.clause(&g)
            let word = NarrativeChar.array(Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &g)])
            let from = Int.random(in: 0...(chars.count + 1), using: &g)
            let first = NarrativeVocabulary.firstOccurrence(word, in: chars, from: from)
            #expect(first == Self.plainFirst(word, in: chars, from: from), "\(word.text) in \(chars.text) from \(from)")
            #expect(NarrativeVocabulary.firstOccurrence(word, in: chars) == NarrativeVocabulary.occurrences(word, in: chars).first)
            if first != nil && from > 0 { found += 1 }
        }
        #expect(found > 1_000)  // hits after the start, so that `from` is tested
        #expect(NarrativeVocabulary.firstOccurrence([], in: NarrativeChar.array("原因")) == nil)
        #expect(NarrativeVocabulary.firstOccurrence(NarrativeChar.array("原因是"), in: NarrativeChar.array("原因")) == nil)
        #expect(NarrativeVocabulary.firstOccurrence(NarrativeChar.array("原因"), in: NarrativeChar.array("主要原因，原因")) == 2)
    }
}
