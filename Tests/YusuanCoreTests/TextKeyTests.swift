import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `TextKey` compares and hashes plain texts on their bytes; it must be equal exactly when the texts are equal as
/// Swift strings (canonical equivalence) and hash as they do, whether both are plain, one is or neither.
@Suite struct TextKeyTests {
    /// Pieces and, for some, another spelling Swift's `String` equates with it: a compatibility ideograph
    /// (U+F900 for U+8C48, U+2F800 for U+4E3D) or a decomposed letter. The others spell only themselves.
    static let pieces: [(String, String)] = [
        ("一", "一"), ("预算", "预算"), ("（", "（"), ("。", "。"), ("ＡＢ", "ＡＢ"), ("a", "a"), ("1", "1"), ("|", "|"),
        ("\u{3000}", "\u{3000}"), ("\u{8C48}", "\u{F900}"), ("\u{4E3D}", "\u{2F800}"), ("\u{E9}", "e\u{301}"),
        ("\u{302A}", "\u{302A}"), ("\r\n", "\r\n"), ("😀", "😀"), ("가", "가"),
    ]

    @Test func equalAndHashedAsStrings() {
        var rng = SeededRandom(seed: 341)
        var equalBytesDiffer = 0, plainPairs = 0, unequal = 0, unequalOfOneLength = 0
        for _ in 0..<20_000 {
            // Mostly the first pieces, so that many texts are plain.
            let chosen = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                Self.pieces[Int.random(in: 0..<(Bool.random(using: &rng) ? 11 : Self.pieces.count), using: &rng)]
            }
            let a = chosen.map { Bool.random(using: &rng) ? $0.0 : $0.1 }.joined()
            // Another spelling of `a`, or of `a` with one piece another (often of as many bytes), or a text of one
            // piece more or less.
            var other = chosen
            if !other.isEmpty && Bool.random(using: &rng) {
                other[Int.random(in: 0..<other.count, using: &rng)] = Self.pieces[Int.random(in: 0..<11, using: &rng)]
            }
            var b = other.map { Bool.random(using: &rng) ? $0.0 : $0.1 }.joined()
            if Int.random(in: 0..<3, using: &rng) == 0 { b = Bool.random(using: &rng) ? String(b.dropLast()) : b + "一" }
            let ka = TextKey(a), kb = TextKey(b)
            #expect((ka == kb) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
            #expect(ka.hashValue == a.hashValue && kb.hashValue == b.hashValue, "\(a.debugDescription) \(b.debugDescription)")
            if a == b && Array(a.utf8) != Array(b.utf8) { equalBytesDiffer += 1 }
            if ka.plain && kb.plain { plainPairs += 1 }
            if a != b { unequal += 1 }
            if a != b && ka.plain && kb.plain && a.utf8.count == b.utf8.count { unequalOfOneLength += 1 }
        }
        // Every kind of pair is drawn often: equal with other bytes, both plain, unequal, plain and unequal in bytes
        // of one length.
        #expect(equalBytesDiffer > 1_000 && plainPairs > 3_000 && unequal > 3_000 && unequalOfOneLength > 500,
                "\(equalBytesDiffer) \(plainPairs) \(unequal) \(unequalOfOneLength)")
    }

    @Test func phasesHashAsTheirRawValues() {
        for phase in [Phase.budget, .final] {
            var byPhase = Hasher(), byRawValue = Hasher()
            byPhase.combine(phase)
            byRawValue.combine(phase.rawValue)
            #expect(byPhase.finalize() == byRawValue.finalize())
            #expect(phase.hashValue == phase.rawValue.hashValue)
        }
    }

    @Test func aDictionaryFindsWhatTheStringDictionaryFinds() {
        let keys = ["一般公共服务支出", "教育支出", "caf\u{E9}", "\u{8C48}", "(一)行政运行"]
        let byText = Dictionary(uniqueKeysWithValues: keys.enumerated().map { (TextKey($0.element), $0.offset) })
        let byString = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        for probe in keys + ["cafe\u{301}", "\u{F900}", "教育", "一般公共服务支出 ", ""] {
            #expect(byText[TextKey(probe)] == byString[probe], "\(probe.debugDescription)")
        }
    }
}
