import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `RowLabels.totalKind` rejects a label that cannot hold 其 or 计 before keying it (or reading its ordinal); it must
/// answer as keying every label did (`totalKind(key:)`).
@Suite struct TotalKindGateTests {
    /// The total words' ideographs, neighbours sharing their last byte's low bits, ordinals, white space, full-width
    /// forms and compatibility ideographs (the scalars the gate lets through).
    static let alphabet: [Unicode.Scalar] = [
        "其", "中", "计", "总", "合", "小", "支", "出", "一", "、", "(", ")", "1", ".", " ", "\u{3000}", "\u{FF08}",
        "\u{FF09}", "\u{FF11}", "“", "【", "\u{5176}", "\u{8BA1}", "\u{5175}", "\u{8BA0}", "\u{F9A8}", "\u{2F800}",
        "a", "é", "\u{0301}",
    ]

    @Test func agreesWithKeyingEveryLabel() {
        var rng = SeededRandom(seed: 22)
        for _ in 0..<20_000 {
            let s = rng.text(length: 0...7, from: Self.alphabet)
            #expect(RowLabels.totalKind(rest: s) == RowLabels.totalKind(key: TextNormalization.key(s)), "\(s)")
            #expect(RowLabels.totalKind(s) == RowLabels.totalKind(key: TextNormalization.key(RowLabels.outline(s).rest)), "\(s)")
        }
    }

    @Test func totalsStillFound() {
        #expect(RowLabels.totalKind("一、收入总计") == .grandTotal)
        #expect(RowLabels.totalKind(rest: "本年支出小计") == .subtotal)
        #expect(RowLabels.totalKind(rest: "其中：公用经费") == .ofWhich)
        #expect(RowLabels.totalKind(rest: "一般公共服务支出") == nil)
    }
}
