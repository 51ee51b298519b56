import Testing
@testable import YusuanCore
import YusuanTestSupport

/// The byte comparisons used on labels (`hasTextPrefix`, `hasTextSuffix`, the plain-text paths of `key`,
/// `trimmed` and `compactChinese`) give what Swift's character comparisons and the scalar versions give,
/// including on text where bytes and characters differ.
@Suite struct PlainTextComparisonTests {
    /// Pairs where a byte comparison alone would answer differently from Swift's `String`.
    static let tricky: [(String, String)] = [
        ("合计", "合计"), ("本年合计", "合计"), ("其中：人员", "其中"), ("合计", "本年合计"),
        ("\u{F98E}度预算", "年度"),              // a compatibility ideograph equal to 年 (U+5E74)
        ("年度预算", "\u{F98E}度"),
        ("合\u{0301}计", "合"),                  // a combining mark makes 合́ one character
        ("小计\u{0301}", "小计"),
        ("合计\r\n", "合计\r"),                  // CR LF is one character
        ("e\u{0301}xx", "\u{00E9}"),             // decomposed against composed
        ("\u{00E9}xx", "e\u{0301}"),
        ("か\u{3099}く", "が"),                  // kana and its combining voiced mark
        ("ｶﾞ", "ｶ"),                             // half-width kana and its combining voiced mark (U+FF9E)
        ("单位：万元", "单位"), ("（单位：元）", "(单位"), ("", ""), ("合计", ""), ("", "合"),
        ("附件1 一般公共预算支出表", "附件"), ("表", "附表"),
    ]

    @Test func prefixAndSuffixAgreeWithSwift() {
        for (s, p) in Self.tricky {
            #expect(s.hasTextPrefix(p) == s.hasPrefix(p), "\(s) hasPrefix \(p)")
            #expect(s.hasTextSuffix(p) == s.hasSuffix(p), "\(s) hasSuffix \(p)")
            #expect(p.hasTextPrefix(s) == p.hasPrefix(s), "\(p) hasPrefix \(s)")
            #expect(p.hasTextSuffix(s) == p.hasSuffix(s), "\(p) hasSuffix \(s)")
        }
    }

    /// On random text, plain or not (compatibility ideographs, combining marks, CR LF, half-width kana), and on
    /// prefixes and suffixes cut from it (so that many pairs match): the byte comparisons give Swift's answers.
    @Test func randomPrefixesAndSuffixesAgreeWithSwift() {
        var rng = SeededRandom(seed: 38)
        let alphabet: [Character] = ["合", "计", "年", "度", "a", "1", " ", "\u{F98E}", "\u{0301}", "\r", "\n", "ｶ", "\u{FF9E}", "é"]
        var matched = 0
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) { s.unicodeScalars.append(contentsOf: (alphabet.randomElement(using: &rng) ?? "a").unicodeScalars) }
            let k = Int.random(in: 0...4, using: &rng)
            let p = Bool.random(using: &rng) ? String(s.prefix(k)) : String(s.suffix(k))
            #expect(s.hasTextPrefix(p) == s.hasPrefix(p), "\(s.unicodeScalars.map(\.value)) hasPrefix \(p.unicodeScalars.map(\.value))")
            #expect(s.hasTextSuffix(p) == s.hasSuffix(p), "\(s.unicodeScalars.map(\.value)) hasSuffix \(p.unicodeScalars.map(\.value))")
            if s.hasPrefix(p) && !p.isEmpty { matched += 1 }
        }
        #expect(matched > 2_000)
    }

    @Test func plainTextIsCJKAndASCIIOnly() {
        #expect(TextNormalization.isPlainCJK("一般公共预算财政拨款（补助）支出表 2022年 单位:万元，１２"))
        #expect(!TextNormalization.isPlainCJK("\u{F98E}度"))
        #expect(!TextNormalization.isPlainCJK("e\u{0301}"))
        #expect(!TextNormalization.isPlainCJK("合计\r\n"))
        #expect(!TextNormalization.isPlainCJK("か\u{3099}"))
        #expect(!TextNormalization.isPlainCJK("ｶﾞ"))
        #expect(!TextNormalization.isPlainCJK("😀"))
        #expect(TextNormalization.isPlainCJK(""))
    }

    @Test func keyReturnsPlainLabelsAsTheyAre() {
        for label in ["一般公共服务支出", "201", "人员经费合计", "(一)工资福利支出", "其中:基本支出"] {
            #expect(TextNormalization.key(label) == label)
        }
        #expect(TextNormalization.key("其中：基本支出") == "其中:基本支出")
        #expect(!TextNormalization.mayChangeInKey("一般公共服务支出"))
        #expect(TextNormalization.mayChangeInKey("一般 公共"))
        #expect(TextNormalization.mayChangeInKey("“三公”"))
        #expect(TextNormalization.mayChangeInKey("【1】"))
        #expect(TextNormalization.mayChangeInKey("（一）"))
        #expect(TextNormalization.key("\u{3000}一般\u{00A0}公共[1]") == "一般公共(1)")
    }

    @Test func keyOfASCIIChangesIsByteForByte() {
        // Only ASCII changes (the cells of a line joined with spaces): the byte pass.
        #expect(TextNormalization.keyChanges("一般公共服务支出") == .none)
        #expect(TextNormalization.keyChanges("201 一般公共 服务\t[1] \"a\" 'b'") == .asciiOnly)
        #expect(TextNormalization.key("201 一般公共 服务\t[1] \"a\" 'b'") == "201一般公共服务(1)ab")
        #expect(TextNormalization.key("注: 本表 无数据\n") == "注:本表无数据")
        // A combining mark after a dropped space stays, as the pass over scalars keeps it.
        #expect(TextNormalization.key("e \u{0301}x") == "e\u{0301}x")
        // Any other change (full-width, ideographic space, curly quotes) takes the pass over scalars.
        #expect(TextNormalization.keyChanges("一般 公共（一）") == .other)
        #expect(TextNormalization.key("一般 公共（一）") == "一般公共(一)")
        #expect(TextNormalization.keyChanges("“三公” 经费") == .other)
        #expect(TextNormalization.key("“三公” 经费") == "三公经费")
        #expect(TextNormalization.key("【1】 [2]") == "(1)(2)")
    }

    @Test func trimmedKeepsOrTrimsAsBefore() {
        #expect("合计".trimmed == "合计")
        #expect(" 合计\u{3000}".trimmed == "合计")
        #expect("合计\u{00A0}".trimmed == "合计")
        #expect("\u{2003}合计\u{205F}".trimmed == "合计")
        #expect("一\u{2028}".trimmed == "一")
        #expect("丈".trimmed == "丈")  // U+4E08 ends with byte 88, in the range that may end a space
        #expect("".trimmed == "")
    }

    @Test func compactChineseOnPlainTextMatchesTheCharacterPath() {
        #expect(TextNormalization.compactChinese("一般 公共 预算") == "一般公共预算")
        #expect(TextNormalization.compactChinese(" 2022 年 预算 ABC  def ") == "2022年预算ABC def")
        #expect(TextNormalization.compactChinese("单位：\u{3000}万元") == "单位：万元")
        #expect(TextNormalization.compactChinese("a 1\tb") == "a 1 b")
        // Not plain: the character path, with its grapheme clusters.
        #expect(TextNormalization.compactChinese("e\u{0301} x") == "e\u{0301}x")
        #expect(TextNormalization.compactChinese("\u{F98E} 度") == "\u{F98E}度")
    }
}
