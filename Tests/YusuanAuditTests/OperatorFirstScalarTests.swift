import Foundation
import Testing
import YusuanTestSupport
@testable import YusuanAudit
import YusuanCore

/// `IndicatorText.operatorSymbol` tries only the words that start with the text's first scalar when that scalar
/// settles the first character; it must read what trying every word with Swift's `hasPrefix` reads.
@Suite struct OperatorFirstScalarTests {
    /// The shortcut holds only for words whose first scalar has no canonical decomposition.
    @Test func everyWordStartsWithAScalarOfNoDecomposition() {
        for (word, _) in IndicatorText.operatorWords {
            let first = word.unicodeScalars.first.map { String($0) } ?? ""
            #expect(!first.isEmpty)
            #expect(Array(first.decomposedStringWithCanonicalMapping.unicodeScalars) == Array(first.unicodeScalars), "\(word)")
        }
    }

    /// Pieces of operator cells: the words, their first scalars, look-alikes (full-width, compatibility ideographs,
    /// combining marks that join or compose with what precedes), spaces and digits.
    static let pieces: [String] = IndicatorText.operatorWords.map(\.0) + [
        "≥", "≧", "≤", "≦", ">", "<", "=", "大", "不", "小", "等", "于", "低", "高", "少", "超", "过",
        "＞", "＜", "＝", "\u{F967}", "\u{301}", "\u{338}", "\u{3099}", "\u{200D}", " ", "\u{3000}", "\t", "\r",
        "\n", "5", "%", "次", "定性", "好", "e", "\u{E9}", "\u{226F}", "\u{2271}", "“", "【",
    ]

    @Test func operatorsAgreeWithEveryWordTried() {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...4, using: &rng) { s += Self.pieces.randomElement(using: &rng) ?? "" }
            #expect(IndicatorText.operatorSymbol(s) == ReadOnceRulesTests.referenceOperator(s), "\(s.unicodeScalars.map { $0.value })")
        }
    }
}
