import Testing
@testable import YusuanCore

/// `compactChinese`'s byte paths (`hasSpace`, `compactPlain`) hold to the character definition they replace.
@Suite struct TextCompactionTests {
    /// The definition over `Character`s (`compactCharacters`), behind the scalar test `hasSpace` replaces.
    static func reference(_ s: String) -> String {
        if !s.unicodeScalars.contains(where: { $0.isSpace }) { return s }
        return TextNormalization.compactCharacters(s)
    }

    static let alphabet: [String] = [
        " ", " ", "\t", "\u{0B}", "\u{0C}", "\r", "\n", "\r\n", "\u{3000}", "\u{00A0}", "\u{0085}", "\u{1680}",
        "\u{2003}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{2060}", "\u{3001}",
        "a", "Z", "7", "0", "_", ".", "预", "算", "（", "Ａ", "１", "—", "…", "\u{0301}", "\u{F98E}", "e", "\u{3099}",
        "\u{FF9E}", "ｶ", "€", "\u{1F600}", "“", "”", "≤", "≥", "\u{200C}", "\u{200D}", "\u{20D0}", "\u{20E3}",
        "\u{20CF}", "\u{2122}", "\u{2160}", "\u{23FF}", "\u{2400}", "\u{2603}", "\u{202E}", "\u{2066}",
    ]

    @Test func matchesTheCharacterDefinitionOnRandomText() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...12, using: &rng)
            // Half the strings from the part of the alphabet whose scalars are characters only, to exercise
            // `compactPlain`.
            let plainOnly = Bool.random(using: &rng)
            var s = ""
            for _ in 0..<n {
                var piece = Self.alphabet.randomElement(using: &rng) ?? " "
                while plainOnly && !TextNormalization.scalarsAreCharacters(piece) { piece = Self.alphabet.randomElement(using: &rng) ?? " " }
                s += piece
            }
            #expect(TextNormalization.hasSpace(s) == s.unicodeScalars.contains(where: { $0.isSpace }), "\(Array(s.unicodeScalars))")
            let got = TextNormalization.compactChinese(s), want = Self.reference(s)
            #expect(Array(got.utf8) == Array(want.utf8), "\(Array(s.unicodeScalars))")
        }
    }

    /// Text that `scalarsAreCharacters` passes has as many characters as scalars: every pair of U+2000–U+23FF
    /// and of it with plain neighbours (ASCII, an ideograph, a full-width form, the ideographic space, LF).
    @Test func scalarsAreCharactersHoldsForEveryPair() {
        let plain: [Unicode.Scalar] = ["a", "7", " ", "\n", "预", "（", "\u{3000}", "\u{3001}", "ｶ"]
        let symbols = (UInt32(0x2000)...0x23FF).compactMap(Unicode.Scalar.init)
        for x in symbols {
            for y in symbols + plain {
                for s in [String(x) + String(y), String(y) + String(x)] where TextNormalization.scalarsAreCharacters(s) {
                    #expect(s.count == 2, "U+\(String(x.value, radix: 16)) U+\(String(y.value, radix: 16))")
                }
            }
        }
        for x in symbols {
            let passes = TextNormalization.scalarsAreCharacters("预" + String(x) + "a")
            #expect(passes == !(x.value == 0x200C || x.value == 0x200D || (0x20D0...0x20FF).contains(x.value)), "U+\(String(x.value, radix: 16))")
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
