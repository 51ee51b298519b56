import PropertyBased
import Testing
@testable import YusuanCore

@Suite struct FixedTests {
    @Test func addsAcrossScales() {
        let a = Fixed(mantissa: 95181, scale: 2)  // 951.81
        let b = Fixed(mantissa: 40, scale: 0)
        #expect((a + b).description == "991.81")
        #expect((a - b).description == "911.81")
        #expect(Fixed(mantissa: 5, scale: 1) == Fixed(mantissa: 50, scale: 2))
    }

    @Test func formatsWithDigits() {
        #expect(Fixed(mantissa: 95180, scale: 2).formatted(digits: 2) == "951.80")
        #expect(Fixed(mantissa: 319, scale: 0).formatted(digits: 2) == "319.00")
        #expect(Fixed(mantissa: -5, scale: 3).description == "-0.005")
        #expect(Fixed(mantissa: 12345, scale: 3).rounded(to: 2).description == "12.35")
        #expect(Fixed(mantissa: -12345, scale: 3).rounded(to: 2).description == "-12.35")
    }

    @Test func percentRoundsHalfAway() {
        // 1.71 / 3 = 57%; 16.3 / 25.7 = 63.42%
        #expect(Fixed(mantissa: 171, scale: 2).percent(of: Fixed(3), digits: 0)?.description == "57")
        #expect(Fixed(mantissa: 163, scale: 1).percent(of: Fixed(mantissa: 257, scale: 1), digits: 2)?.description == "63.42")
        #expect(Fixed(1).percent(of: .zero, digits: 2) == nil)
    }

    @Test func amountsConvertUnitsExactly() {
        let f = Figure(Fixed(mantissa: 95181, scale: 2), unit: .wanYuan)
        #expect(f.amount?.fen == 951_810_000)
        #expect(f.halfResolutionFen == 5_000)
        #expect(Figure(Fixed(40), unit: .wanYuan).value(in: .yuan).description == "400000.00")
    }

    @Test func roundingOfPartsNeverLooksLikeARealDifference() async {
        // Property: round exact parts and their exact total independently to 0.01 万元;
        // the printed total is always within what the comparison calls rounding.
        await propertyCheck(input: Gen.int(in: 0...50_000_000).array(of: 1...12)) { fens in
            let parts = fens.map { Figure(Fixed(mantissa: Int64($0), scale: 6).rounded(to: 2), unit: .wanYuan) }
            let total = Figure(Fixed(mantissa: Int64(fens.reduce(0, +)), scale: 6).rounded(to: 2), unit: .wanYuan)
            #expect(FigureComparison.sum(parts, total: total) != .different)
        }
    }

    @Test func aRealDifferenceIsNotRounding() {
        let parts = [Figure(Fixed(mantissa: 600, scale: 2), unit: .wanYuan), Figure(Fixed(mantissa: 920, scale: 2), unit: .wanYuan)]
        #expect(FigureComparison.sum(parts, total: Figure(Fixed(mantissa: 1530, scale: 2), unit: .wanYuan)) == .different)
        #expect(FigureComparison.sum(parts, total: Figure(Fixed(mantissa: 1521, scale: 2), unit: .wanYuan)) == .withinRounding)
        #expect(FigureComparison.sum(parts, total: Figure(Fixed(mantissa: 1520, scale: 2), unit: .wanYuan)) == .equal)
    }
}
