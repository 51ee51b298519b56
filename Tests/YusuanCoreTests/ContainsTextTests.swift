import Testing
@testable import YusuanCore

/// `containsText`, which reads a literal's bytes where the binary holds them, answers as `contains(_:)` (the byte
/// search its callers used) and as a plain scan of the bytes; on text without combining marks, as Swift's search
/// of Characters too. Random text is made of pieces of the words and of scalars of every length.
@Suite struct ContainsTextTests {
    /// The callers' words, words of one scalar (held as the scalar in a literal), ASCII, two- and four-byte scalars
    /// and the empty word.
    static let words: [StaticString] = [
        "结转", "结余", "结余分配", "年初", "年末", "本年支出", "收入", "合计", "政府性基金", "一般公共预算", "编码",
        "数", "。", "元", "万元", ",", ".", "单位/科目", "b", "é预", "😀计", "计😀", "",
    ]

    static let pieces: [String] = [
        "结", "转", "余", "分", "配", "年", "初", "末", "本", "支", "出", "收", "入", "合", "计", "政", "府", "性",
        "基", "金", "一", "般", "公", "共", "预", "算", "编", "码", "数", "。", "元", "万", "单", "位", "/", "科",
        "目", ",", ".", "a", "b", " ", "é", "😀", "\u{301}", "结余", "本年", "万元", "😀计",
    ]

    /// The reference: whether the word's bytes occur at some offset of the text's bytes.
    static func scan(_ text: String, _ word: StaticString) -> Bool {
        let t = Array(text.utf8), w = word.withUTF8Buffer { Array($0) }
        guard !w.isEmpty, t.count >= w.count else { return false }
        return (0...(t.count - w.count)).contains { Array(t[$0..<($0 + w.count)]) == w }
    }

    @Test func answersAsTheByteSearch() {
        var rng = SystemRandomNumberGenerator()
        var texts = ["", "元", "b", "本年支出合计"]
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...10, using: &rng)
            texts.append((0..<n).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        var mismatches: [String] = []
        var found = 0, characterChecks = 0
        for text in texts {
            let plain = !text.unicodeScalars.contains("\u{301}")
            for w in Self.words {
                let fast = text.containsText(w), substring = text[...].containsText(w)
                if fast { found += 1 }
                var agrees = fast == text.contains(w.description) && fast == Self.scan(text, w) && substring == fast
                if plain && !w.description.isEmpty {
                    // Swift's search by Characters: the same answer where no scalar combines with its neighbour.
                    characterChecks += 1
                    agrees = agrees && fast == (Array(text).firstRange(of: Array(w.description)) != nil)
                }
                if !agrees && mismatches.count < 10 { mismatches.append("\(text) / \(w)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(found > 1_000)
        #expect(characterChecks > 100_000)
    }
}
