import Testing
import YusuanTestSupport
@testable import YusuanAudit
import YusuanCore

/// `IndicatorMoney(_:)` answers nil without keying a unit that cannot hold 元, and splits a plain unit by its bytes;
/// it must read what keying and splitting every unit by characters reads (`reference`, the steps before those
/// shortcuts).
@Suite struct IndicatorMoneyGateTests {
    static func reference(_ unit: String) -> (yuanPerUnit: Int64, per: String?)? {
        let k = TextNormalization.key(unit).replacingAll("／", with: "/")
        let parts = k.split(separator: "/", maxSplits: 1).map(String.init)
        guard let head = parts.first, let m = IndicatorMoney.multipliers[head] else { return nil }
        return (m, parts.count > 1 ? parts[1] : nil)
    }

    /// Pieces of unit cells: the money units and their parts, separators, other units, white space, and scalars
    /// that join or compose with what precedes (a combining mark, a compatibility ideograph).
    static let pieces = [
        "元", "万元", "千元", "百万元", "亿元", "万", "千", "百", "亿", "/", "／", "年", "人", "项目", "项", "%", "个", "次",
        "平方米", "/\u{301}", "//", " ", "\u{3000}", "\t", "\u{301}", "\u{F9B2}", "“", "”", "【", "】", "e", "Ａ",
    ]

    /// `slashParts` is `split` wherever it is used: on plain text and text without "/".
    @Test func slashPartsSplitsAsSplitDoes() {
        var rng = SeededRandom(seed: 30)
        let alphabet: [Unicode.Scalar] = ["/", "/", "元", "万", "年", "a", " ", "\u{301}", "\u{200D}"]
        var compared = 0
        for _ in 0..<20_000 {
            let k = rng.text(length: 0...6, from: alphabet)
            guard TextNormalization.isPlainCJK(k) || !k.utf8.contains(0x2F) else { continue }
            let parts = IndicatorMoney.slashParts(k).map { [$0.head] + ($0.per.map { [$0] } ?? []) } ?? []
            #expect(parts == k.split(separator: "/", maxSplits: 1).map(String.init), "\(k.unicodeScalars.map { $0.value })")
            compared += 1
        }
        #expect(compared > 5_000)
    }

    @Test func gateReadsWhatParsingReads() {
        var rng = SeededRandom(seed: 29)
        var money = 0
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...4, using: &rng) { s += Self.pieces.randomElement(using: &rng) ?? "" }
            let got = IndicatorMoney(s), expected = Self.reference(s)
            #expect(got?.yuanPerUnit == expected?.yuanPerUnit && got?.per == expected?.per, "\(s.unicodeScalars.map { $0.value })")
            if expected != nil { money += 1 }
        }
        // Many draws are money units, so the parsing itself is compared, not only the gate's nil.
        #expect(money > 1_000)
    }
}
