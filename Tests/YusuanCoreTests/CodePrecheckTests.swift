import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `ClassificationCode.init` rejects most texts from their bytes first (`cannotBeDigits`, round 16); every text must
/// still read as the initialiser without that pass read it: the same code, or the same problem.
@Suite struct CodePrecheckTests {
    /// The initialiser as written before the byte pass.
    static func reference(_ text: String) -> Result<ClassificationCode, ClassificationCode.Problem> {
        let t = TextNormalization.halfWidth(text).trimmed
        guard !t.isEmpty, t.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return .failure(.notDigits) }
        let count = t.utf8.count
        guard [3, 5, 7].contains(count) else { return .failure(.wrongLength(count)) }
        let first = t.utf8.first ?? 0x30
        let scheme: ClassificationScheme = count == 7 || first == 0x32 ? .functional
            : first == 0x35 ? .economicGovernment : first == 0x33 ? .economicDepartment : .functional
        if scheme != .functional && count == 7 { return .failure(.wrongLength(7)) }
        return .success(ClassificationCode(unchecked: t, scheme: scheme))
    }

    static func read(_ text: String) -> Result<ClassificationCode, ClassificationCode.Problem> {
        do throws(ClassificationCode.Problem) { return .success(try ClassificationCode(text)) } catch { return .failure(error) }
    }

    /// Digits in both widths, every white space `trimmed` drops (ASCII, C2, E1, E2 and E3 lead bytes), full-width
    /// forms, ideographs, figure punctuation, a combining mark, a compatibility ideograph, an emoji.
    static let pieces = [
        "2", "0", "1", "3", "5", "7", "9", "０", "２", "３", "５", "９", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}",
        "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200A}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}",
        "\u{200B}", "，", "．", "Ａ", ",", ".", "-", "x", "\u{1C}", "科", "目", "\u{0301}", "\u{F98E}", "😀", "é",
    ]

    @Test func readsAsTheInitialiserWithoutThePrecheck() {
        var rng = SeededRandom(seed: 16)
        var texts = ["", "201", "20103", "2010308", "301", "30101", "5010101", " 201 ", "２０１", "\u{3000}208\u{A0}",
                     "1,234.56", "一般公共服务支出", "201 03", "3010", "\u{85}301\u{2028}"]
        for _ in 0..<4_000 {
            texts.append((0..<Int.random(in: 0...9, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            #expect(Self.read(t) == Self.reference(t), "\(t.debugDescription)")
        }
    }
}
