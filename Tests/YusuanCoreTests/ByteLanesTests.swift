import Testing
@testable import YusuanCore

/// `ByteLanes`' masks against the bytes read one by one: the top bit of exactly the bytes that pass, for every byte
/// value in every lane (random words, and words made of a tested value beside its neighbours, where a carry from
/// one byte into the next would show).
@Suite struct ByteLanesTests {
    static func bytes(_ word: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) } }

    static func mask(_ word: UInt64, _ passes: (UInt8) -> Bool) -> UInt64 {
        bytes(word).enumerated().reduce(0) { passes($1.element) ? $0 | (0x80 << UInt64(8 * $1.offset)) : $0 }
    }

    static func words() -> [UInt64] {
        var random = SplitMix64(seed: 7)
        var words = (0..<20_000).map { _ in random.next() }
        for v in 0...255 {
            for n in [0, 1, 0x7F, 0x80, 0xFF, v &+ 1, v &- 1] {
                // `v` in lanes 0, 3 and 7, `n` in the others.
                words.append((0..<8).reduce(UInt64(0)) { w, lane in
                    w | UInt64(UInt8(truncatingIfNeeded: [0, 3, 7].contains(lane) ? v : n)) << UInt64(8 * lane)
                })
            }
        }
        return words
    }

    @Test func equalIsTheBytesEqual() {
        for word in Self.words() {
            for byte: UInt8 in [0x00, 0x2C, 0x7F, 0x80, 0xC2, 0xE2, 0xFF, UInt8(truncatingIfNeeded: word)] {
                #expect(ByteLanes.equal(word, byte) == Self.mask(word) { $0 == byte })
            }
        }
    }

    @Test func belowIsTheBytesBelow() {
        for word in Self.words() {
            for bound: UInt8 in [0x00, 0x01, 0x0E, 0x20, 0x7F, 0x80] {
                #expect(ByteLanes.below(word, bound) == Self.mask(word) { $0 < bound })
            }
        }
    }

    @Test func loadIsLittleEndian() {
        let b: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            #expect(Self.bytes(ByteLanes.load(base, at: 1)) == Array(b[1..<9]))
        }
    }
}
