import Testing
@testable import YusuanCore

/// `TextNormalization.groupIndices` groups as a `[String: [Int]]` filled in order does, whether it compares
/// bytes (every key plain) or Swift strings (some key not plain).
@Suite struct TextGroupIndicesTests {
    /// The old way: a dictionary of index lists and the order of first keys.
    static func reference(_ keys: [String]) -> [[Int]] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, k) in keys.enumerated() {
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(i)
        }
        return order.map { groups[$0] ?? [] }
    }

    @Test func plainKeysGroupByBytes() {
        let keys = ["201|一般公共服务支出", "205|教育支出", "201|一般公共服务支出", "2050101|行政运行", "205|教育支出",
                    "", "201|一般公共服务支出", "a|ＡＢ", "a|ＡＢ"]
        #expect(keys.allSatisfy(TextNormalization.isPlainCJK))
        #expect(TextNormalization.groupIndices(keys) == [[0, 2, 6], [1, 4], [3], [5], [7, 8]])
        #expect(TextNormalization.groupIndices(keys) == Self.reference(keys))
        #expect(TextNormalization.groupIndices([]) == [])
    }

    @Test func canonicallyEquivalentKeysStillGroupTogether() {
        // "é" precomposed and decomposed, and a compatibility ideograph (U+F900 豈 is canonically U+8C48 豈):
        // equal as Swift strings, different bytes. With such a key the strings are compared as strings.
        let keys = ["201|caf\u{E9}", "201|cafe\u{301}", "202|\u{F900}", "202|\u{8C48}", "203|教育"]
        #expect(!keys.allSatisfy(TextNormalization.isPlainCJK))
        #expect(TextNormalization.groupIndices(keys) == [[0, 1], [2, 3], [4]])
        #expect(TextNormalization.groupIndices(keys) == Self.reference(keys))
    }
}
