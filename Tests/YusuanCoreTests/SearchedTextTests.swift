import Testing
@testable import YusuanCore

/// `SearchedText.contains`, which rules words out by their first scalar, answers as the byte search
/// `String.contains(_:)` does, on random text made of pieces of the words and of scalars of every length.
@Suite struct SearchedTextTests {
    /// Words of every kind: the vocabulary's, ones whose first character ends as another's does (预 E9 A2 84 and
    /// 算 E7 AE 97 against 减 E5 87 8F…), ASCII, two- and four-byte first scalars, and the empty word.
    static let words: [StaticString] = [
        "增减", "幅度", "率", "增加额", "变动", "机关运行", "公务用车", "购置及运行", "运行", "维护", "基本支出",
        "一般公共预算", "政府性基金", "结转", "合计", "小计", "预算数", "金额", "预算金额", "算", "计",
        "ab", "b", "é预", "😀计", "", "计😀",
    ]

    static let pieces: [String] = [
        "增", "减", "幅", "度", "率", "加", "额", "变", "动", "机", "关", "运", "行", "公", "务", "用", "车", "购",
        "置", "及", "维", "护", "基", "本", "支", "出", "一", "般", "共", "预", "算", "政", "府", "性", "金", "结",
        "转", "合", "计", "小", "数", "款", "项", "目", "a", "b", " ", "é", "😀", "(", ")", "20", "\u{301}",
        "增减", "预算", "合计", "运行", "😀计",
    ]

    @Test func answersAsTheByteSearch() {
        var rng = SystemRandomNumberGenerator()
        var texts = ["", "计", "a", "预算金额"]
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...10, using: &rng)
            texts.append((0..<n).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        var mismatches: [String] = []
        var found = 0
        for text in texts {
            TextNormalization.withBytes(text) { b in
                let searched = SearchedText(b)
                for w in Self.words {
                    let fast = searched.contains(w), reference = text.contains(w.description)
                    if fast { found += 1 }
                    if fast != reference && mismatches.count < 10 { mismatches.append("\(text) / \(w)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(found > 1_000)
    }

    @Test func readsAWordOfOneScalar() {
        let one: StaticString = "率"
        #expect(TextNormalization.withBytes("增减率") { SearchedText($0).contains(one) })
        #expect(!TextNormalization.withBytes("增减额") { SearchedText($0).contains(one) })
    }
}
