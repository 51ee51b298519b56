import Testing
import YusuanTestSupport
@testable import yusuan_bench

/// `CityCSV.yuan` reads the usual amount (1 to 8 digits, a point, two decimals) as one word. Held to the reference
/// reading (`CityCSVReadingTests.referenceYuan`) on 20,000 random texts of about that shape — digits, points, signs
/// and other bytes at any place, from 0 to 12 bytes — each after random bytes (digits among them) that the word also
/// covers and must not count.
struct YuanTwoDecimalsTests {
    @Test func amountsReadAsTheReference() throws {
        var random = SeededRandom(seed: 66)
        let digits = Array("0123456789".utf8), others = Array(".-+ x/:,".utf8)
        for _ in 0..<20_000 {
            // Mostly the usual shape, a byte changed at times; sometimes any bytes.
            var text: [UInt8]
            if Int.random(in: 0..<4, using: &random) == 0 {
                text = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                    Bool.random(using: &random) ? digits.randomElement(using: &random) ?? 48 : others.randomElement(using: &random) ?? 46
                }
            } else {
                text = (0..<Int.random(in: 0...9, using: &random)).map { _ in digits.randomElement(using: &random) ?? 48 }
                text += [46] + (0..<Int.random(in: 1...3, using: &random)).map { _ in digits.randomElement(using: &random) ?? 48 }
                if Int.random(in: 0..<4, using: &random) == 0, !text.isEmpty {
                    text[Int.random(in: 0..<text.count, using: &random)] = (digits + others).randomElement(using: &random) ?? 45
                }
            }
            let before = (0..<Int.random(in: 0...10, using: &random)).map { _ in digits.randomElement(using: &random) ?? 48 }
            let got = try CityCSVReadingTests.withReader(before + text + [10]) { csv, start in
                csv.yuan(start + before.count, start + before.count + text.count)
            }
            #expect(got == CityCSVReadingTests.referenceYuan(text), "\(String(decoding: text, as: UTF8.self))")
        }
    }
}
