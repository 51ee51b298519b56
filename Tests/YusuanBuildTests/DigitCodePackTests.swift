import Testing
@testable import YusuanBuild
import YusuanTestSupport

/// `DigitCode.pack` of a buffer (its length tested once, no overflow check per digit; eight bytes or fewer read as one
/// word) held to the byte-by-byte reference `pack(digits:)`, and the pack of a string to both: random texts mostly of
/// digits, with now and then a byte just outside them, a sign, a point, a space or a non-ASCII byte, of every length up
/// to past the longest code.
@Suite struct DigitCodePackTests {
    @Test(arguments: [UInt64(3), 41, 977])
    func bufferPackIsTheReference(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        // Bytes next to the digits, and bytes whose low half is a digit's ('@' 0x40, 0xB0…0xB9 and 0x10…0x19) or whose
        // high half is ('?' 0x3F): the eight-byte test must refuse each.
        let others: [UInt8] = [47, 58, 32, 0, 45, 46, 0xE4, 0xFF, 0x3F, 0x40, 0x20, 0xB0, 0xB9, 0x10, 0x19, 0x7F, 0x80]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...(DigitCode.maxLength + 3), using: &random)
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<25, using: &random) == 0
                    ? others[Int.random(in: others.indices, using: &random)] : UInt8.random(in: 48...57, using: &random)
            }
            let reference = DigitCode.pack(digits: bytes)
            #expect(bytes.withUnsafeBufferPointer { DigitCode.pack($0) } == reference, "\(bytes)")
            if bytes.allSatisfy({ $0 < 0x80 }) {
                #expect(DigitCode.pack(String(decoding: bytes, as: UTF8.self)) == reference, "\(bytes)")
            }
        }
        // The longest code packs; one digit more does not.
        let longest = String(repeating: "9", count: DigitCode.maxLength)
        #expect(DigitCode.pack(longest).map(DigitCode.string) == longest)
        #expect(DigitCode.pack(longest + "9") == nil)
    }
}
