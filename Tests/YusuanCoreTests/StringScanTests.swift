import Testing
@testable import YusuanCore

/// The pure-Swift string helpers every reader and rule leans on: trimming, byte search, the quick
/// number pre-check.
@Suite struct StringScanTests {
    @Test func trimmingRemovesEveryKindOfSpaceAtTheEndsOnly() {
        #expect("  \t一般公共预算\u{3000}\r\n".trimmed == "一般公共预算")
        #expect("\u{00A0}a b\u{2003}".trimmed == "a b")
        #expect(" \n\t ".trimmed == "")
        #expect("".trimmed == "")
        #expect("已经干净".trimmed == "已经干净")
        let line = "  工资福利支出  "
        #expect(line.dropFirst().trimmed == "工资福利支出")
    }

    @Test func spaceIsUnicodeWhiteSpaceForEveryScalar() {
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if u.isSpace != u.properties.isWhitespace { differing.append(v) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    @Test func containsFindsWholeScalarsOnly() {
        #expect("2010301 行政运行".contains("行政"))
        #expect("a\tb".contains("\t"))
        #expect("科目编码".contains("编码"))
        #expect(!"科目编码".contains("编号"))
        #expect("abc".contains("abc"))
        #expect(!"ab".contains("abc"))
        #expect(!"abc".contains(""))
        // 编 is E7 BC 96; a needle of its trailing bytes is not a character of the text.
        #expect(!"编".contains(String(decoding: [0xBC, 0x96], as: UTF8.self)))
        let line = "一般公共预算拨款收入"
        #expect(line.dropFirst(4).contains("预算拨款"))
        #expect(!line.dropFirst(5).contains("预算拨款"))
    }

    @Test(arguments: ["1", "１２", "-", "—", "－", "（1.5）", "12%", "44万元", "——"])
    func numberPrecheckKeepsEveryParsableCell(_ raw: String) {
        #expect(NumberParser.mayBeNumber(raw))
        #expect(NumberParser.parse(raw) != nil, "\(raw)")
    }

    @Test(arguments: ["1亿元", "3元", "（12.5）万元", "１２元", "-1,234.00", "5 %"])
    func numberPrecheckKeepsFiguresWithTheirUnit(_ raw: String) {
        #expect(NumberParser.mayBeNumber(raw))
        #expect(NumberParser.parse(raw) != nil, "\(raw)")
    }

    /// Any CJK ideograph but 元, 万 and 亿 stays in the text whatever `parse` strips, so the text cannot parse.
    @Test func numberPrecheckRejectsTextWithOtherIdeographs() {
        for text in ["支出1,234.56万元", "2023年", "一、1", "12个", "1.5万元，比上年增长", "(1)项", "—其他"] {
            #expect(!NumberParser.mayBeNumber(text), "\(text)")
            #expect(NumberParser.parse(text) == nil, "\(text)")
        }
    }

    @Test func numberPrecheckRejectsLabels() {
        for label in ["合计", "工资福利支出", "", "项目支出", "万元"] {
            #expect(!NumberParser.mayBeNumber(label), "\(label)")
            #expect(NumberParser.parse(label) == nil)
        }
    }
}
