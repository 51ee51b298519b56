import Testing
import YusuanTestSupport
@testable import YusuanCore

/// `NumberParser.parse` reads plain figures in the pass that finds them plain and stops at digits that already fail
/// (round 20); every text must still read as `parse` read it before: the byte check, the plain test, the general path.
@Suite struct NumberPlainPathTests {
    /// `parse` as written before round 20: the byte check, the plain test, the general path (`written`, ending in
    /// the old digit reader `unsigned`, which `unsignedReadsAsBefore` holds to `parseUnsigned`).
    static func reference(_ raw: String) -> PrintedNumber? {
        guard NumberParser.mayBeNumber(raw) else { return nil }
        if raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C }) {
            return unsigned(raw).map { PrintedNumber(value: $0) }
        }
        return written(raw)
    }

    /// `parseWritten` as written before round 37, with Swift's own suffix and prefix tests (round 37 compares bytes
    /// where `hasTextSuffix` and `hasTextPrefix` find that exact).
    static func written(_ raw: String) -> PrintedNumber? {
        var s = (raw.utf8.allSatisfy { $0 < 0x80 } ? raw : TextNormalization.halfWidth(raw)).trimmed
        if s.isEmpty { return nil }
        if s == "-" || s == "—" || s == "--" || s == "－" || s == "——" {
            return PrintedNumber(value: .zero, isDash: true)
        }
        var unit: MoneyUnit?
        for u in [MoneyUnit.yiYuan, .wanYuan, .yuan] where s.hasSuffix(u.rawValue) {
            unit = u
            s = String(s.dropLast(u.rawValue.count)).trimmed
            break
        }
        var percent = false
        if s.hasSuffix("%") {
            percent = true
            s = String(s.dropLast()).trimmed
        }
        var negative = false
        if s.hasPrefix("(") && s.hasSuffix(")") && s.count > 2 {
            negative = true
            s = String(s.dropFirst().dropLast())
        }
        if s.hasPrefix("-") || s.hasPrefix("−") {
            negative.toggle()
            s = String(s.dropFirst()).trimmed
        } else if s.hasPrefix("+") {
            s = String(s.dropFirst()).trimmed
        }
        guard let value = unsigned(s) else { return nil }
        return PrintedNumber(value: negative ? -value : value, isPercent: percent, unit: unit)
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
        "\u{0301}", "项", "目", "x", "e", "\u{F98E}", "😀", "99999999999", "0000000", "\r\n", "\u{0600}", "\u{200D}",
    ]

    @Test func readsAsBeforeOnRandomTexts() {
        var rng = SeededRandom(seed: 20)
        var texts = ["", "0", "1,234.56", "1,23", ",5", "1.2.3", "12,345,678.90", "9223372036854775807",
                     "9223372036854775808", "0.1234567890123", "1,234 万元", "(1,234)", "-", "——", "83.44%",
                     "1,2,3abc", ",元", "1.2.元", ",\u{0301}5", "12.3.4 %", "1,23 ", "１，２３４", "项目",
                     "5元\u{0301}", "5\u{0600}元", "(5)\u{0301}", "(\r\n)", "(1\r\n)", "-\u{0301}5", "+\u{0301}5",
                     "−5", "−\u{0301}5", "12%\u{0301}", "(12)%", "-(1,234)万元"]
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
