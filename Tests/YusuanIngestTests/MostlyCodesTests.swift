import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanIngest

/// `ColumnClassifier.mostlyCodes` stops reading once half the values have failed to read as codes; it must answer as
/// the column's codes counted in full did (the codes when more than half the values are codes, else nil), on random
/// columns of codes, figures and text.
@Suite struct MostlyCodesTests {
    static let pool = ["201", "20101", "2010101", "301", "30201", "５０１", " 201 ", "1,234.56", "12", "0", "-", "合计",
                       "12345", "2010", "abc", "100.00", "1234567", "3010101"]

    @Test func sameAnswerAsCountingEveryCode() {
        var rng = SeededRandom(seed: 242)
        for _ in 0..<5_000 {
            let values = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                Self.pool[Int.random(in: 0..<Self.pool.count, using: &rng)]
            }
            let codes = values.filter { ClassificationCode.parse($0) != nil }
            let want: [String]? = codes.count * 2 > values.count ? codes : nil
            #expect(ColumnClassifier.mostlyCodes(values) == want, "\(values)")
        }
    }
}
