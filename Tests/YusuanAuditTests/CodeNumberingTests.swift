import Testing
@testable import YusuanAudit

/// CLS-003 numbers codes as first seen through one dictionary lookup per use (`CodeNameConsistency.number`, round 30):
/// on random keys, each key's number must be the position of its first occurrence among the distinct keys.
@Suite struct CodeNumberingTests {
    @Test func aKeyIsNumberedByItsFirstOccurrence() {
        let keys = ["201", "2010101", "20101", "205", "2080501", "", "208", "2050201"]
        var state: UInt64 = 30
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            var numbers: [String: Int] = [:]
            var distinct: [String] = []
            for _ in 0..<next(30) {
                let key = keys[next(keys.count)]
                let n = CodeNameConsistency.number(of: key, in: &numbers, next: distinct.count)
                if n == distinct.count { distinct.append(key) }
                #expect(distinct.firstIndex(of: key) == n)
                #expect(numbers.count == distinct.count)
            }
        }
    }
}
