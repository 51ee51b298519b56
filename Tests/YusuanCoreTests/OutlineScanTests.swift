import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `RowLabels.outline` and `depth` read the ordinal over the label's bytes (`scanOrdinal`); they must give what the
/// steps over the characters of the half-width, trimmed label give.
@Suite struct OutlineScanTests {
    /// `RowLabels.outline(raw)` by its definition: the steps over the characters of `halfWidth(raw).trimmed`
    /// (`outlineCharacters`, which `outline` also falls back on when the byte walk may not answer; the byte walk's own
    /// answers are what this holds, and `byteWalkGivesTheCharacterStepsOnRandomLabels` checks that there are many).
    static func reference(raw: String) -> (depth: Int?, rest: String) {
        RowLabels.outlineCharacters(TextNormalization.halfWidth(raw).trimmed)
    }

    static let labels = [
        "", "(", ")", "一", "一、", "十二、 工资福利支出 ", "一.合计", "一二三", "(一)", "( 一 ) 行政运行", "(一", "( )", "(  )x",
        "(12)其他", "( 3 )x", "(3", "(1.5)", "1.", "1、差旅费", "12.办公费", "123.x", "1.5 万元", "1.5", "12", "1、",
        "2023年", "一、本年收入，比上年增加1,234.56万元（增长5.2%），主要原因是人员增加。", "(二十八)抗疫特别国债安排的支出",
        "a、b", "1.a", "01.x", "(零)x", "百、x",
    ]

    /// `outline` and `depth` of `raw` against the reference; whether the byte walk answered.
    @discardableResult
    static func check(_ raw: String) -> Bool {
        let got = RowLabels.outline(raw)
        let expected = reference(raw: raw)
        #expect(got.depth == expected.depth, "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(Array(got.rest.utf8) == Array(expected.rest.utf8), "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(RowLabels.depth(raw) == expected.depth, "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
        // The gate `outline` and `depth` share rules out no ordinal the definition finds.
        if expected.depth != nil { #expect(RowLabels.mayHaveOrdinal(raw), "\(raw.unicodeScalars.map { String($0.value, radix: 16) })") }
        return TextNormalization.withBytes(raw) { RowLabels.scanOrdinal($0, TextNormalization.trimmedRange($0)).sameAsCharacters }
    }

    @Test func byteWalkGivesTheCharacterSteps() {
        for s in Self.labels {
            Self.check(s)
            Self.check("\u{3000} " + s + " \u{A0}")
        }
    }

    /// The parts of ordinals, in half-width and full-width forms, white space of every kind, and scalars that join
    /// the character before or after them or are not plain (combining marks, CR, a ZWJ, a compatibility 零, quotes,
    /// Hangul jamo, emoji and pictographs, regional indicators, a Devanagari consonant, virama and spacing mark, a
    /// prepended Arabic sign).
    static let alphabet: [Unicode.Scalar] = [
        "一", "二", "十", "百", "零", "\u{F9B2}", "\u{2F800}", "、", ".", "．", "(", ")", "（", "）", " ", "\u{3000}",
        "\u{A0}", "\t", "1", "2", "9", "０", "５", "x", "支", "出", "，", ",", "“", "—", "\u{301}", "\u{3099}", "\u{302A}",
        "\u{FF9E}", "ｶ", "\r", "\n", "\u{200D}", "\u{1F600}", "\u{1100}", "\u{1161}", "\u{FE0F}", "〰", "〽",
        "\u{1F1E8}", "\u{1F1F3}", "\u{0915}", "\u{094D}", "\u{0903}", "\u{0600}",
    ]

    @Test func byteWalkGivesTheCharacterStepsOnRandomLabels() {
        var rng = SeededRandom(seed: 26)
        var byBytes = 0
        let runs = 30_000
        for _ in 0..<runs {
            let ordinal = rng.text(length: 0...6, from: Self.alphabet)
            let tail = rng.text(length: 0...4, from: Self.alphabet)
            if Self.check(ordinal + tail) { byBytes += 1 }
        }
        // Many draws are answered over the bytes, so the byte walk itself is what is held to the reference.
        #expect(byBytes > runs / 10)
    }

    @Test func outlineOfLongParagraphKeepsItsTail() {
        let tail = String(repeating: "支出增加, 主要原因是业务量增加。", count: 200)
        let r = RowLabels.outline("二、" + tail)
        #expect(r.depth == 1)
        #expect(r.rest == tail)
    }

    /// `isChineseNumeral` (a switch on the scalar value) says of every scalar what a set of the twelve numerals
    /// says, and names the scalars of the `Character` set the character path uses.
    @Test func numeralSwitchIsTheNumeralSet() {
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]
        // Every scalar: the set's (all in the Basic Multilingual Plane) looked up below U+10000, none above.
        #expect(numerals.allSatisfy { $0.value < 0x10000 })
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if RowLabels.isChineseNumeral(u) != (v < 0x10000 && numerals.contains(u)) { differing.append(v) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
        #expect(Set(RowLabels.chineseNumerals.compactMap { $0.unicodeScalars.first }) == numerals)
        #expect(RowLabels.chineseNumerals.allSatisfy { $0.unicodeScalars.count == 1 })
    }
}
