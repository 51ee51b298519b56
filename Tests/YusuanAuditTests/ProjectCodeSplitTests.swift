import Testing
import YusuanTestSupport
@testable import YusuanAudit
@testable import YusuanCore

/// `ProjectCode.split` counts an ASCII code on bytes when the byte after it is ASCII; it must split as the
/// character steps do, also where a combining mark or a full-width form follows the code.
@Suite struct ProjectCodeSplitTests {
    /// The steps of `split` over characters, as written before the byte count.
    static func reference(_ raw: String) -> (code: String?, name: String) {
        let s = TextNormalization.halfWidth(raw).trimmed
        let head = s.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let rest = s.dropFirst(head.count)
        let separated = rest.isEmpty || rest.first.map { "-－—_:： ".contains($0) } == true
        guard ProjectCode.looksLikeCode(String(head)), separated else { return (nil, s) }
        let name = rest.drop { "-－—_:： ".contains($0) }
        return (String(head), String(name).trimmed)
    }

    static let pieces = [
        "5001", "5", "T", "x", "0000", "12345678", "-", "－", "—", "_", ":", "：", " ", "\u{3000}", "\u{0301}", "\r\n",
        "潼南区", "专项", "１２", "Ａ", "é", "e\u{0301}", "\t",
    ]

    @Test func splitsAsTheCharacterStepsDo() {
        var rng = SeededRandom(seed: 6)
        var texts = ["50015222T000000113935-潼南区信访专项", "50015222T000000113935", "5001522", "50015222T000000113935\u{0301}-x",
                     "50015222T000000113935 信访", "５００１５２２２T000000113935：信访", " 50015222T000000113935—x ", ""]
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            let got = ProjectCode.split(t), expected = Self.reference(t)
            #expect(got.code == expected.code, "\(t)")
            #expect(Array(got.name.utf8) == Array(expected.name.utf8), "\(t)")
        }
    }

    /// `looksLikeCode` reads bytes; it must answer as the tests on characters did.
    @Test func looksLikeCodeAsTheCharactersSay() {
        var rng = SeededRandom(seed: 22)
        for _ in 0..<5_000 {
            let t = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let characters = t.count >= 8 && t.filter(\.isNumber).count >= 6 && t.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            #expect(ProjectCode.looksLikeCode(t) == characters, "\(t.debugDescription)")
        }
    }

    /// `shape` reads an ASCII code on its bytes; it must give the shape the characters give, for any text.
    @Test func shapeAsTheCharactersSay() {
        var rng = SeededRandom(seed: 23)
        for _ in 0..<5_000 {
            let t = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            #expect(ProjectCode.shape(t) == String(t.map { $0.isNumber ? "D" : "L" }), "\(t.debugDescription)")
        }
    }
}
