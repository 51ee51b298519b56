import Testing
@testable import YusuanCore

/// `Fixed.description` writes its digits into the string's bytes; it must print every figure exactly as
/// the String-building formatter it replaced, held here as the reference.
@Suite struct FixedDescriptionTests {
    /// The formatter `description` replaced (for `scale >= 0`).
    static func reference(_ f: Fixed) -> String {
        if f.scale == 0 { return String(f.mantissa) }
        let negative = f.mantissa < 0
        let digits = String(f.mantissa.magnitude)
        let padded = String(repeating: "0", count: max(0, f.scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -f.scale)
        return (negative ? "-" : "") + padded[..<cut] + "." + padded[cut...]
    }

    @Test func printsAsTheReferenceOnRandomValuesAtEveryScale() {
        var rng = SplitMix64(seed: 20261130)  // seeded, so that a failure repeats
        var mantissas: [Int64] = [0, 1, -1, 9, -9, 10, -10, 99, 100, -100, 5, -5, .max, .min, .max - 1, .min + 1]
        for _ in 0..<4_000 {
            // Every length of mantissa from 1 to 19 digits, either sign, and some over the whole range.
            let digits = Int.random(in: 1...18, using: &rng)
            var p: Int64 = 1
            for _ in 0..<digits { p *= 10 }
            let m = Int64.random(in: 0..<p, using: &rng)
            mantissas.append(Bool.random(using: &rng) ? m : -m)
            mantissas.append(Int64.random(in: .min ... .max, using: &rng))
        }
        for m in mantissas {
            for scale in 0...24 {
                let f = Fixed(mantissa: m, scale: scale)
                #expect(f.description == Self.reference(f), "mantissa \(m), scale \(scale)")
            }
        }
    }

    @Test func printsMoneyAsBefore() {
        #expect(Fixed(mantissa: 95181, scale: 2).description == "951.81")
        #expect(Fixed(mantissa: -5, scale: 2).description == "-0.05")
        #expect(Fixed(mantissa: 0, scale: 2).description == "0.00")
        #expect(Fixed(mantissa: 0, scale: 0).description == "0")
        #expect(Fixed(mantissa: -123_450, scale: 2).description == "-1234.50")
        #expect(Fixed(mantissa: .min, scale: 0).description == "-9223372036854775808")
        #expect(Fixed(mantissa: .min, scale: 19).description == "-0.9223372036854775808")
        #expect(Fixed(mantissa: 40, scale: 0).description == "40")
    }

    @Test func formattedAndPrintedFiguresFollowIt() {
        let format = FigureFormat(digits: 2, grouping: true)
        #expect(format.text(Fixed(mantissa: -123_456, scale: 1)) == "-12,345.60")
        #expect(FigureFormat(digits: 0).text(Fixed(mantissa: 293_270_049, scale: 2)) == "2932700")
        #expect(Fixed(mantissa: 12345, scale: 3).formatted(digits: 2) == "12.35")
    }
}
