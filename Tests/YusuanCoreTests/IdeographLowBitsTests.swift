import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `mayHoldIdeograph` skips a three-byte scalar whose last byte's low six bits no ideograph has; it must answer as
/// decoding every scalar and comparing it with each ideograph did.
@Suite struct IdeographLowBitsTests {
    static func reference(_ s: String, _ ideographs: [Unicode.Scalar]) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c >= 0xF0 { return true }
            if c >= 0xE0 && i + 2 < b.count {
                if c == 0xEF && (0xA4...0xAB).contains(b[i + 1]) { return true }
                let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                if ideographs.contains(where: { $0.value == v }) { return true }
                i += 3
                continue
            }
            i += 1
        }
        return false
    }

    /// Ideographs and neighbours sharing their last byte (备 U+5907 and U+5947, 注 U+6CE8 and U+6C28, …).
    static let alphabet: [Unicode.Scalar] = [
        "备", "注", "说", "本", "此", "故", "表", "结", "\u{5947}", "\u{6C28}", "\u{8BB4}", "\u{676C}", "\u{6B24}",
        "\u{6505}", "a", " ", "é", "\u{3000}", "\u{F9A8}", "\u{FF08}", "😀", "合", "计", "\u{0800}",
    ]

    @Test func agreesWithComparingEveryScalar() {
        var rng = SeededRandom(seed: 23)
        let lists: [[Unicode.Scalar]] = [["备", "注", "说", "本", "此", "故"], ["表"], ["结"], []]
        for _ in 0..<10_000 {
            let s = rng.text(length: 0...6) { rng in
                Int.random(in: 0..<4, using: &rng) == 0 ? rng.scalar(in: 0x4E00...0x9FFF, or: Self.alphabet)
                    : rng.scalar(from: Self.alphabet)
            }
            for list in lists {
                #expect(TextNormalization.mayHoldIdeograph(s, IdeographSet(list)) == Self.reference(s, list), "\(s) \(list)")
            }
        }
    }
}
