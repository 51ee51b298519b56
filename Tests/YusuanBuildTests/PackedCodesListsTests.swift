import Testing
@testable import YusuanBuild
import YusuanTestSupport

/// `PackedCodes` lays out the leaves of every code and of every listed prefix in flat lists, counted and written over
/// raw buffers with wrapping arithmetic: held to their definition (the leaves, ascending, whose code string equals the
/// code or starts with the prefix) for every code and every prefix of every code (listed lengths and scanned ones),
/// on 150 random ledgers of up to 300 leaves whose codes share prefixes, about 20,000 lookups in all.
@Suite struct PackedCodesListsTests {
    static func randomCodes(_ random: inout SeededRandom) -> [String] {
        // A few 类, 款 and 项 so that prefixes are shared; leaves in runs of one code, as a ledger gives them.
        let classes = (0..<1 + random.below(4)).map { _ in String(201 + random.below(30)) }
        var codes: [String] = []
        let count = 1 + random.below(300)
        while codes.count < count {
            var code = classes[random.below(classes.count)]
            let length = [3, 5, 7, 7, 7, 4, 6, 8][random.below(8)]
            while code.count < length { code += String(random.below(random.below(3) == 0 ? 10 : 3)) }
            for _ in 0..<1 + random.below(3) where codes.count < count { codes.append(code) }
        }
        return codes
    }

    @Test func listsEqualTheirDefinition() throws {
        var random = SeededRandom(seed: 0xC0DE_5EED)
        var lookups = 0
        for _ in 0..<150 {
            let codes = Self.randomCodes(&random)
            let packed = try codes.map { try #require(DigitCode.pack($0)) }
            let index = PackedCodes(packed)
            var prefixes = Set<String>()
            for code in codes { for n in 1...code.count { prefixes.insert(String(code.prefix(n))) } }
            for prefix in prefixes.sorted() {
                let p = try #require(DigitCode.pack(prefix))
                let expected = codes.indices.filter { codes[$0].hasPrefix(prefix) }
                #expect(Array(index.leaves(prefixed: p)) == expected, "prefix \(prefix)")
                lookups += 1
            }
            for code in Set(codes).sorted() {
                let c = try #require(DigitCode.pack(code))
                #expect(Array(index.leaves(withCode: c)) == codes.indices.filter { codes[$0] == code }, "code \(code)")
                lookups += 1
            }
            // A prefix no leaf has lists nothing.
            #expect(index.leaves(prefixed: try #require(DigitCode.pack("999"))).isEmpty)
        }
        #expect(lookups > 20_000, "\(lookups) lookups")
    }
}

extension SeededRandom {
    /// A number in `0..<n` (0 when `n` is at most 1).
    fileprivate mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}
