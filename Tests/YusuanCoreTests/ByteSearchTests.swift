import Testing
@testable import YusuanCore

/// `byteSearch`, which finds candidates by the needle's last byte with memchr, answers as the plain scan does: at
/// some offset every byte of the needle matches.
@Suite struct ByteSearchTests {
    static func reference(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        return (0...(hay.count - needle.count)).contains { i in hay[i..<(i + needle.count)].elementsEqual(needle) }
    }

    /// Bytes from a small alphabet (so partial matches and repeated last bytes are common), of CJK UTF-8 and of
    /// every value; needles cut out of the haystack or made the same way, of every length up to longer than it.
    @Test func answersAsThePlainScan() {
        var rng = SystemRandomNumberGenerator()
        let alphabets: [[UInt8]] = [[0x61, 0x62], [0xE4, 0xB8, 0x80, 0x81], Array("预算合计一般公共".utf8), Array(0...255)]
        var mismatches: [String] = []
        var found = 0
        for round in 0..<30_000 {
            let alphabet = alphabets[round % alphabets.count]
            let hay = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0 }
            var needle = (0..<Int.random(in: 0...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0 }
            if round % 3 == 0, !hay.isEmpty {
                let a = Int.random(in: 0..<hay.count, using: &rng)
                needle = Array(hay[a..<Int.random(in: a...hay.count, using: &rng)])
            }
            let fast = hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in byteSearch(h, n) } }
            if fast { found += 1 }
            if fast != Self.reference(hay, needle) && mismatches.count < 10 { mismatches.append("\(hay) / \(needle)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(found > 5_000)
    }

    @Test func findsAtBothEnds() {
        for (hay, needle, expected) in [("预算合计", "预算", true), ("预算合计", "合计", true), ("预算合计", "预算合计", true),
                                        ("预算合", "合计", false), ("a", "", false), ("", "a", false), ("计计", "计", true)] {
            let fast = Array(hay.utf8).withUnsafeBufferPointer { h in
                Array(needle.utf8).withUnsafeBufferPointer { n in byteSearch(h, n) }
            }
            #expect(fast == expected, "\(hay) / \(needle)")
        }
    }
}
