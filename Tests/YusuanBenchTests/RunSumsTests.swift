import Testing
import YusuanTestSupport
@testable import yusuan_bench

/// `RunSums` (the 汇总's totals by 功能 and 经济 code) looks a code up once a run of it: its sums must be those of
/// adding every figure to its code's, for runs of every length and codes that come back after others (and two
/// spellings of one string, equal as strings but not in bytes, which it numbers apart by their bytes).
struct RunSumsTests {
    @Test func sumsAreThoseOfAddingEveryFigure() {
        var random = SeededRandom(seed: 63)
        let codes = ["", "2", "201", "2010301", "2010302", "30101", "30101 ", "3010", "合计", "一般公共服务支出合计",
                     "caf\u{E9}", "cafe\u{301}"]
        for _ in 0..<1000 {
            var runs = RunSums(), plain: [String: Int64] = [:]
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                let code = codes[Int.random(in: 0..<codes.count, using: &random)]
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let fen = Int64.random(in: -1_000_000...1_000_000, using: &random)
                    runs.add(code, fen)
                    plain[code, default: 0] += fen
                }
            }
            #expect(runs.sums() == plain)
        }
    }
}
