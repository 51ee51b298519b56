/// Eight bytes of text read as one 64-bit word and tested at once. Each test returns a mask holding the top bit of
/// exactly the bytes that pass (each byte's low seven bits are added apart, so nothing carries from one byte into the
/// next): a loop skips eight bytes at a time while the mask is 0, or visits the passing bytes in order
/// (`trailingZeroBitCount >> 3` is the first one's offset, the word being read little-endian).
public enum ByteLanes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `base + offset`, the first in the lowest byte of the word.
    @inlinable public static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
    }

    /// The bytes of `word` equal to `byte`: the bytes of `word ^ byte…` that are 0.
    @inlinable public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return ~(((x & low) &+ low) | x | low)
    }

    /// The bytes of `word` below `bound` (at most 0x80): top bit clear, and low seven bits plus `0x80 - bound` short
    /// of 0x80.
    @inlinable public static func below(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        ~(((word & low) &+ ones &* UInt64(0x80 &- min(bound, 0x80))) | word | low)
    }
}
