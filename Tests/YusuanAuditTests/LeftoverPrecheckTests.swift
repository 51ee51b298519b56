import Testing
import YusuanTestSupport
@testable import YusuanAudit

/// `CompletenessRules.mayHaveLeftovers` reads UTF-8 bytes; it must answer as the pass over scalars it replaced,
/// also for the marks' neighbours in the same blocks, split punctuation pairs and text cut inside a mark.
@Suite struct LeftoverPrecheckTests {
    /// The test over scalars, as written before the byte pass.
    static func reference(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for u in text.unicodeScalars {
            switch u {
            case "X", "x", "×", "Ｘ", "ｘ", "填": return true
            case "。", "，", "、", "；", "：": if u == previous { return true }
            default: break
            }
            previous = u
        }
        return false
    }

    static let pieces = [
        "X", "x", "×", "÷", "Ｘ", "ｘ", "Ｙ", "ｙ", "填", "堵", "。", "，", "、", "；", "：", "〃", "．", "！", "｜",
        "\u{3000}", "\u{0301}", "a", "Y", "1", " ", "\r\n", "潼南区", "专项", "é", "说明", "《", "》", "😀",
    ]

    @Test func answersAsTheScalarPassDoes() {
        var rng = SeededRandom(seed: 15)
        var texts = ["", "XX", "请填写", "。。", "，，", "、、", "；；", "：：", "。，", "×", "ＸＸ", "ｘ", "完成。", "a。b。"]
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            #expect(CompletenessRules.mayHaveLeftovers(t) == Self.reference(t), "\(t)")
        }
    }
}
