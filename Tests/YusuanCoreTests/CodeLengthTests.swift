import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `ClassificationCode` counts its digits on bytes when each byte is a character, and `hasAtMost(characters:)`
/// stops counting past its bound; both must answer as counting characters does, on any text.
@Suite struct CodeLengthTests {
    static let pieces = ["2", "0", "1", "3", "5", "9", "\r", "\n", "\r\n", "e", "\u{301}", "é", "一", "２", "😀", " ", "\u{1F1E8}"]

    static func randomText(_ rng: inout SeededRandom, upTo n: Int) -> String {
        (0..<Int.random(in: 0...n, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
    }

    @Test func levelParentAndAncestryAsCountedInCharacters() throws {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<5_000 {
            let a = ClassificationCode(unchecked: Self.randomText(&rng, upTo: 8), scheme: .functional)
            let b = ClassificationCode(unchecked: a.digits + Self.randomText(&rng, upTo: 3), scheme: .functional)
            let count = a.digits.count
            #expect(a.level == (count == 3 ? 1 : count == 5 ? 2 : 3), "\(a.digits.debugDescription)")
            // Two characters or fewer (only a decoded code can be so short): no parent, so `ancestors` ends.
            let parent = a.level > 1 && count > 2 ? String(a.digits.prefix(count - 2)) : nil
            #expect(a.parent?.digits == parent, "\(a.digits.debugDescription)")
            #expect(a.ancestors.count <= count / 2, "\(a.digits.debugDescription)")
            #expect(a.isAncestor(of: b) == (b.digits.count > count && b.digits.hasPrefix(a.digits)), "\(b.digits.debugDescription)")
        }
        for text in ["201", "20103", "2010308", "301", "30217"] {
            let code = try ClassificationCode(text)
            #expect(code.parent?.digits == (text.count > 3 ? String(text.dropLast(2)) : nil))
        }
    }

    @Test func hasAtMostIsCountAtMost() {
        var rng = SeededRandom(seed: 22)
        for _ in 0..<5_000 {
            let s = Self.randomText(&rng, upTo: 12)
            for n in 0...12 { #expect(s.hasAtMost(characters: n) == (s.count <= n), "\(s.debugDescription) \(n)") }
        }
    }
}
