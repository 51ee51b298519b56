import Testing
import YusuanTestSupport
import YusuanCore
@testable import YusuanAudit

/// `NarrativeChar` must read text exactly as `[Character]` does: the same characters, the same equalities and the
/// same text back, on plain text (compared by scalar) and on any other (compared as `Character`s).
@Suite struct NarrativeCharTests {
    static let texts = [
        "2022年支出64.63万元,比上年增加2.5%。",
        "年\u{F98E}年",                      // a compatibility ideograph equal to 年
        "增\u{301}加。\u{301}",               // combining marks after Chinese characters
        "收入\r\n支出",                       // CR LF, one character
        "“三公”\u{301}经费",                  // curly quotes and a combining mark
        "ＡＢ１２，；：",                     // full-width forms
    ]

    @Test func sameCharactersAsSwift() {
        for t in Self.texts {
            let chars = NarrativeChar.array(t), swift = Array(t)
            #expect(chars.count == swift.count, "\(t)")
            #expect(chars.map(\.character) == swift, "\(t)")
            #expect(chars.text == t, "\(t)")
            #expect(chars[1...].text == String(swift[1...]), "\(t)")
        }
    }

    @Test func equalityIsSwiftsCharacterEquality() {
        let extra: [NarrativeChar] = ["年", "\u{F98E}", "加", ",", "-"]
        let all = Self.texts.flatMap { NarrativeChar.array($0) } + extra
        for a in all {
            for b in all { #expect((a == b) == (a.character == b.character), "\(a.character) \(b.character)") }
        }
        #expect(NarrativeChar("\u{F98E}" as Character) == "年")
        #expect(NarrativeChar("增\u{301}" as Character) != "增")
    }

    @Test func digitsAreASCIIDigitsOnly() {
        let chars = NarrativeChar.array("1２3\u{301}")
        #expect(chars.map(\.isASCIIDigit) == [true, false, false])
        #expect(chars.map(\.isASCIIDigit) == Array("1２3\u{301}").map { $0.isASCII && $0.isNumber })
    }

    /// `NarrativeComparison.isConnector` (a plain character by its scalar) says what `connectors.contains` says, on
    /// random text of the connectors, their neighbours, compatibility ideographs and marks that join a character.
    @Test func connectorTestIsTheConnectorList() {
        let alphabet: [Unicode.Scalar] = ["比", "较", "与", "同", "上", "年", "\u{301}", "\u{3099}", "\u{200D}", "\r", "\n", "a", "，"]
        var rng = SeededRandom(seed: 29)
        var connectors = 0
        for _ in 0..<5_000 {
            let text = rng.text(length: 1...6) { r in
                Bool.random(using: &r) ? r.scalar(from: alphabet) : r.scalar(in: 0xF900...0xFAFF, or: alphabet)
            }
            for c in NarrativeChar.array(text) + text.map(NarrativeChar.init) + text.unicodeScalars.map({ NarrativeChar($0) }) {
                let expected = NarrativeComparison.connectors.contains(c)
                #expect(NarrativeComparison.isConnector(c) == expected, "\(c.character.unicodeScalars.map { String($0.value, radix: 16) })")
                if expected { connectors += 1 }
            }
        }
        #expect(connectors > 1_000)
    }

    @Test func separatorsAreCharacterEquality() {
        let text = "，,;；:：、。!！?？\u{037E}a,\u{301};\u{301}。\u{301}\r\n\u{F98E}一 "
        for c in NarrativeChar.array(text) + NarrativeChar.array(NarrativeText.normalise(text)) + text.map(NarrativeChar.init) {
            let ch = c.character
            #expect(NarrativeText.isClauseSeparator(c) == [",", ";", ":", "、"].contains(ch), "\(ch)")
            #expect(NarrativeText.isSentenceEnd(c) == ["。", "!", "?"].contains(ch), "\(ch)")
        }
    }

    /// `text` (round 31: counted, then written into the string's storage) is the text of the characters, on random
    /// text of plain scalars of each UTF-8 length and of characters that are not plain, whole and in slices.
    @Test func textIsTheCharactersText() {
        let alphabet: [Unicode.Scalar] = ["a", "1", " ", "预", "算", "，", "Ａ", "\u{3000}", "\u{301}", "\u{F98E}", "\r", "\n", "é",
                                          "\u{7FF}", "😀", "\u{3099}"]
        var rng = SeededRandom(seed: 310)
        for _ in 0..<5_000 {
            let text = rng.text(length: 0...20, from: alphabet)
            let chars = NarrativeChar.array(text) + text.unicodeScalars.map { NarrativeChar($0) }
            #expect(Array(chars.text.utf8) == Array(String(chars.map(\.character)).utf8), "\(text.unicodeScalars.map { $0.value })")
            let cut = chars.count / 3
            #expect(Array(chars[cut...].text.utf8) == Array(String(chars[cut...].map(\.character)).utf8),
                    "\(text.unicodeScalars.map { $0.value })")
        }
    }

    /// `array` tests plainness scalar by scalar as it reads (round 35): it must make what it made after testing the
    /// whole text with `isPlainCJK` (scalars when plain, else characters), field by field, on random text; and the
    /// scalar test is `isPlainCJK` of the scalar alone.
    @Test func arrayIsTheTestedArray() {
        func reference(_ s: String) -> [NarrativeChar] {
            TextNormalization.isPlainCJK(s) ? s.unicodeScalars.map { NarrativeChar($0) } : s.map(NarrativeChar.init)
        }
        func fields(_ cs: [NarrativeChar]) -> [[UInt32]] {
            cs.map { [$0.scalar.value] + ($0.other.map { String($0).unicodeScalars.map(\.value) } ?? []) }
        }
        let alphabet: [Unicode.Scalar] = ["a", "1", " ", "预", "算", "，", "Ａ", "\u{3000}", "\u{301}", "\u{F98E}", "\r", "\n", "é",
                                          "\u{7FF}", "😀", "\u{3099}", "\u{302A}", "\u{FF9E}", "\u{FFFD}", "\u{2003}"]
        for u in alphabet { #expect(NarrativeChar.isPlain(u) == TextNormalization.isPlainCJK(String(u)), "\(u.value)") }
        var rng = SeededRandom(seed: 35)
        var plain = 0
        for _ in 0..<5_000 {
            let text = rng.text(length: 0...12, from: Bool.random(using: &rng) ? Array(alphabet[..<8]) : alphabet)
            if TextNormalization.isPlainCJK(text) { plain += 1 }
            #expect(fields(NarrativeChar.array(text)) == fields(reference(text)), "\(text.unicodeScalars.map { $0.value })")
        }
        #expect(plain > 1_000)
    }
}
