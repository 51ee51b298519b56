import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `TextNormalization.keyChanges` steps from scalar to scalar; it must answer as the byte-by-byte scan it replaced.
@Suite struct KeyChangesScanTests {
    /// The former definition: every byte compared, E3 80 and EF BC / EF BD found through the byte before.
    static func byteByByte(_ s: String) -> TextNormalization.KeyChanges {
        var previous: UInt8 = 0
        var ascii = false
        for b in s.utf8 {
            switch b {
            case 0x09...0x0D, 0x20, 0x22, 0x27, 0x5B, 0x5D: ascii = true
            case 0xC2, 0xE1, 0xE2: return .other
            case 0x80: if previous == 0xE3 { return .other }
            case 0xBC, 0xBD: if previous == 0xEF { return .other }
            default: break
            }
            previous = b
        }
        return ascii ? .asciiOnly : .none
    }

    /// Scalars around every byte the scan tests, as lead and as continuation byte (U+3080 is E3 82 80, U+8000 is
    /// E8 80 80, U+FF61 is EF BD A1, U+F3C0 is EF 8F 80), in each UTF-8 length.
    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", "0", "(", ")", "[", "]", "\"", "'", " ", "\t", "\n", "\r", "\u{0B}", "@", "\\", "^", "~",
        "\u{0085}", "\u{00A0}", "\u{00E9}", "\u{0301}", "\u{07FF}", "\u{0800}", "\u{1680}", "\u{2003}", "\u{201C}",
        "\u{2265}", "\u{3000}", "\u{3010}", "\u{3080}", "\u{3800}", "\u{303F}", "\u{4E00}", "\u{5E74}", "\u{8000}",
        "\u{9FFF}", "\u{BC00}", "\u{F3C0}", "\u{F98E}", "\u{FF08}", "\u{FF5E}", "\u{FF61}", "\u{FFE0}",
        "\u{1F600}", "\u{20000}",
    ]

    @Test func scalarStepsAgreeWithTheByteScan() {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<20_000 {
            let s = rng.text(length: 0...8) { rng in
                Bool.random(using: &rng) ? rng.scalar(in: 0...0x2FFFF, or: Self.alphabet) : rng.scalar(from: Self.alphabet)
            }
            #expect(TextNormalization.keyChanges(s) == Self.byteByByte(s), "\(s.unicodeScalars.map { $0.value })")
        }
    }
}
