import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanAudit

/// `NarrativeTokens.classify` (round 31: the words after a number compared as characters where they stand) reads
/// every number as the test on the text of the six characters after it did, on random clauses of figures, units,
/// count words and characters that are not plain (a compatibility ideograph equal to 年, combining marks).
@Suite struct NarrativeTokenWordsTests {
    /// `classify` as it was: the next six characters made a string, then `hasTextPrefix` for each word.
    static func reference(_ chars: [NarrativeChar], number: String, value: Fixed, after j: Int) -> (NarrativeToken.Kind, Int) {
        let rest = chars[j..<min(chars.count, j + 6)].text
        if number.count == 4, value.scale == 0, (1990...2100).contains(Int(value.mantissa)), rest.hasTextPrefix("年") {
            let yearEnd = rest.hasTextPrefix("年度") ? j + 2 : j + 1
            var k = yearEnd
            while k < chars.count && NarrativeTokens.isDigit(chars[k]) { k += 1 }
            if k > yearEnd && k < chars.count && chars[k] == "月" { return (.date, k + 1) }
            return (.year, yearEnd)
        }
        for unit in [MoneyUnit.yiYuan, .wanYuan, .yuan] where rest.hasTextPrefix(unit.rawValue) {
            return (.money(unit), j + unit.rawValue.count)
        }
        if rest.hasTextPrefix("%") { return (.percent, j + 1) }
        if rest.hasTextPrefix("个百分点") { return (.points, j + 4) }
        if rest.hasTextPrefix("百分点") { return (.points, j + 3) }
        for w in NarrativeTokens.countWords where rest.hasTextPrefix(w) { return (.count(w), j + w.count) }
        return (.plain, j)
    }

    static func category(_ k: NarrativeToken.Kind) -> String {
        switch k {
        case .money: "money"
        case .percent: "percent"
        case .points: "points"
        case .count: "count"
        case .year: "year"
        case .date: "date"
        case .plain: "plain"
        }
    }

    static let pieces = ["2022", "2021", "12", "64.63", "1,234", "年", "年度", "月", "亿元", "万元", "元", "万", "%", "个百分点", "百分点",
                         "百分", "人次", "人", "辆", "批次", "批", "天", "场", "\u{F98E}", "\u{301}", "年\u{301}", "元\u{301}", "，", "比", "\r\n", " "]

    @Test func readsAsTheTextTestDid() {
        var rng = SeededRandom(seed: 312)
        var kinds = Set<String>()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let chars = NarrativeChar.array(text)
            for j in 0...chars.count {
                for (number, value) in [("2022", Fixed(mantissa: 2022, scale: 0)), ("12", Fixed(mantissa: 12, scale: 0))] {
                    let got = NarrativeTokens.classify(chars, number: number, value: value, after: j)
                    let want = Self.reference(chars, number: number, value: value, after: j)
                    #expect(got.0 == want.0 && got.1 == want.1, "\(text.debugDescription) at \(j)")
                    kinds.insert(Self.category(got.0))
                }
            }
        }
        // Every kind was met, so every branch was compared.
        #expect(kinds.count == 7, "\(kinds)")
    }
}
