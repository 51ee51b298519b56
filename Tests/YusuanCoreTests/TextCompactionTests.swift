import Testing
@testable import YusuanCore

/// `compactChinese`'s byte paths (`hasSpace`, `compactPlain`) hold to the character definition they replace.
@Suite struct TextCompactionTests {
    /// The definition over `Character`s, as it was before the byte paths.
    static func reference(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: { $0.isSpace }) { return s }
        let chars = Array(s.trimmed)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                var j = i
                while j < chars.count && chars[j].isWhitespace { j += 1 }
                if let b = out.last, j < chars.count, TextNormalization.isLatinOrDigit(b),
                   TextNormalization.isLatinOrDigit(chars[j]) { out.append(" ") }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static let alphabet: [String] = [
        " ", " ", "\t", "\u{0B}", "\u{0C}", "\r", "\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{0085}", "\u{1680}",
        "\u{2003}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3001}",
        "a", "Z", "7", "0", "_", ".", "预", "算", "（", "Ａ", "１", "—", "…", "\u{0301}", "\u{F98E}", "e", "\u{3099}",
        "\u{FF9E}", "ｶ", "€", "\u{1F600}",
    ]

    @Test func matchesTheCharacterDefinitionOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...12, using: &rng)
            // Half the strings from the plain part of the alphabet only, to exercise `compactPlain`.
            let plainOnly = Bool.random(using: &rng)
            var s = ""
            for _ in 0..<n {
                var piece = Self.alphabet.randomElement(using: &rng) ?? " "
                while plainOnly && !TextNormalization.isPlainCJK(piece) { piece = Self.alphabet.randomElement(using: &rng) ?? " " }
                s += piece
            }
            #expect(TextNormalization.hasSpace(s) == s.unicodeScalars.contains(where: { $0.isSpace }), "\(Array(s.unicodeScalars))")
            let got = TextNormalization.compactChinese(s), want = Self.reference(s)
            #expect(Array(got.utf8) == Array(want.utf8), "\(Array(s.unicodeScalars))")
        }
    }

    @Test func everyWhiteSpaceScalarIsFound() {
        for v in UInt32(0)...0x3100 {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = "预" + String(u) + "a"
            #expect(TextNormalization.hasSpace(s) == u.isSpace, "U+\(String(v, radix: 16))")
        }
    }
}
