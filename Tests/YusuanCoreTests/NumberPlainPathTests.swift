import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `NumberParser.parse` reads plain figures in the pass that finds them plain and stops at digits that already fail
/// (round 20); every text must still read as `parse` read it before: the byte check, the plain test, the general path.
@Suite struct NumberPlainPathTests {
    /// `parse` as written before round 20: the byte check, the plain test, the general path. The general path
    /// (`parseWritten`) is unchanged but for the digit reader it ends in, which `unsignedReadsAsBefore` holds to the
    /// old one (`unsigned`).
    static func reference(_ raw: String) -> PrintedNumber? {
        guard NumberParser.mayBeNumber(raw) else { return nil }
        if raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C }) {
            return unsigned(raw).map { PrintedNumber(value: $0) }
        }
        return NumberParser.parseWritten(raw)
    }

    /// `parseUnsigned` as written before round 20 (over `String.UTF8View`).
    static func unsigned(_ s: String) -> Fixed? {
        guard !s.isEmpty else { return nil }
        var mantissa: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        var groupDigits = 0
        var sawComma = false
        for ch in s.utf8 {
            if ch == UInt8(ascii: ",") {
                if seenPoint || digits == 0 { return nil }
                if sawComma && groupDigits != 3 { return nil }
                sawComma = true
                groupDigits = 0
                continue
            }
            if ch == UInt8(ascii: ".") {
                if seenPoint { return nil }
                if sawComma && groupDigits != 3 { return nil }
                seenPoint = true
                continue
            }
            guard (0x30...0x39).contains(ch) else { return nil }
            let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(Int64(ch - 0x30))
            if o1 || o2 { return nil }
            mantissa = m2
            digits += 1
            if seenPoint { scale += 1 } else { groupDigits += 1 }
        }
        if digits == 0 || scale > 12 { return nil }
        if sawComma && !seenPoint && groupDigits != 3 { return nil }
        return Fixed(mantissa: mantissa, scale: scale)
    }

    /// Figure bytes (weighted: most texts start plain), and every other thing `parse` trims, maps or strips: white
    /// space, full-width digits and signs, dashes, brackets, "%", the unit words, a combining mark, ideographs.
    static let pieces = [
        "0", "1", "2", "3", "5", "9", "1", "4", "7", ",", ",", ".", ".", "123", ",000", "-", "+", "−", "(", ")", "%",
        "元", "万元", "亿元", "万", " ", "\t", "\u{3000}", "\u{A0}", "０", "９", "，", "．", "－", "—", "——", "–",
        "\u{0301}", "项", "目", "x", "e", "\u{F98E}", "😀", "99999999999", "0000000",
    ]

    @Test func readsAsBeforeOnRandomTexts() {
        var rng = SeededRandom(seed: 20)
        var texts = ["", "0", "1,234.56", "1,23", ",5", "1.2.3", "12,345,678.90", "9223372036854775807",
                     "9223372036854775808", "0.1234567890123", "1,234 万元", "(1,234)", "-", "——", "83.44%",
                     "1,2,3abc", ",元", "1.2.元", ",\u{0301}5", "12.3.4 %", "1,23 ", "１，２３４", "项目"]
        for _ in 0..<20_000 {
            texts.append((0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined())
        }
        for t in texts {
            let got = NumberParser.parse(t), want = Self.reference(t)
            #expect(got == want && got?.value.mantissa == want?.value.mantissa && got?.value.scale == want?.value.scale,
                    "\(t.debugDescription)")
        }
    }

    @Test func unsignedReadsAsBefore() {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<20_000 {
            let t = (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &rng)] }.joined()
            let got = NumberParser.parseUnsigned(t), want = Self.unsigned(t)
            #expect(got == want && got?.mantissa == want?.mantissa && got?.scale == want?.scale, "\(t.debugDescription)")
        }
    }
}
