import Testing
import YusuanTestSupport
@testable import YusuanCore

/// Text made without a temporary array (round 31): `TextNormalization.key` written into the new string's storage,
/// and `utf8Offset` searching the strings' own buffers. Each must answer as the definition it replaced.
@Suite struct TextWrittenOnceTests {
    /// `key` as it was: each scalar mapped into an array of bytes, then decoded.
    static func referenceKey(_ s: String) -> String {
        var out: [UInt8] = []
        for scalar in s.unicodeScalars {
            var u = scalar
            if (0xFF01...0xFF5E).contains(u.value), let ascii = Unicode.Scalar(u.value - 0xFEE0) { u = ascii }
            if u.isSpace { continue }
            switch u {
            case "“", "”", "\"", "‘", "’", "'": continue
            case "【", "〔", "[": out.append(0x28)
            case "】", "〕", "]": out.append(0x29)
            default: out += Array(String(u).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `utf8Offset` as it was: both strings copied into arrays and compared at each offset.
    static func referenceOffset(_ s: String, _ w: String, backwards: Bool) -> Int? {
        let hay = Array(s.utf8), needle = Array(w.utf8)
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        let starts = Array(0...(hay.count - needle.count))
        return (backwards ? starts.reversed() : starts).first { Array(hay[$0..<($0 + needle.count)]) == needle }
    }

    /// What keying maps, drops or keeps: white space of each UTF-8 length, quotes, brackets, full-width forms
    /// (among them the full-width quote, bracket and space), ideographs, a combining mark, an emoji.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "1", " ", "\t", "\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{205F}",
        "\u{3000}", "\"", "'", "“", "”", "‘", "’", "[", "]", "【", "】", "〔", "〕", "（", "）", "\u{FF02}", "\u{FF3B}",
        "\u{FF3D}", "\u{FF01}", "\u{FF5E}", "\u{FF5F}", "\u{FF00}", "Ａ", "１", "预", "算", "支", "出", "\u{301}", "é",
        "\u{F98E}", "😀",
    ]

    @Test func keyIsTheScalarMapping() {
        var rng = SeededRandom(seed: 31)
        for _ in 0..<20_000 {
            // Short and long texts: a key of up to 15 bytes is held inline, a longer one in storage.
            let s = rng.text(length: 0...24, from: Self.alphabet)
            let got = TextNormalization.key(s)
            #expect(Array(got.utf8) == Array(Self.referenceKey(s).utf8), "\(s.unicodeScalars.map { $0.value })")
        }
    }

    @Test func offsetsAreTheArraySearch() {
        var rng = SeededRandom(seed: 131)
        let letters: [Unicode.Scalar] = ["预", "算", "增", "加", "a", "b", " ", "é"]
        for _ in 0..<20_000 {
            let s = rng.text(length: 0...12, from: letters), w = rng.text(length: 0...3, from: letters)
            for backwards in [false, true] {
                #expect(s.utf8Offset(of: w, backwards: backwards) == Self.referenceOffset(s, w, backwards: backwards),
                        "\(s) \(w) \(backwards)")
                // A substring: its buffer is a part of its base string's.
                let sub = ("x" + s).dropFirst()
                #expect(sub.utf8Offset(of: w, backwards: backwards) == Self.referenceOffset(s, w, backwards: backwards))
            }
        }
    }
}
