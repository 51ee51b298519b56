/// FNV-1a, 64 bits: a small, stable, non-cryptographic hash of a run of bytes or words, for keys numbered with
/// `FirstSeenNumbering` (an equal hash is only a candidate: the keys are compared) and for entity tags. Stable
/// across runs and machines, unlike `Hasher`, and cheaper for short keys.
public struct FNV1a: Sendable {
    public var value: UInt64 = 0xCBF2_9CE4_8422_2325

    @inlinable public init() {}

    /// Mixes in one byte, or one word as FNV mixes a byte (words of a key: leaf numbers, counts).
    @inlinable public mutating func add(_ x: UInt64) {
        value = (value ^ x) &* 0x0000_0100_0000_01B3
    }

    /// The hash of `bytes`.
    @inlinable public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var h = FNV1a()
        for byte in bytes { h.add(UInt64(byte)) }
        return h.value
    }

    /// The hash of `text`'s UTF-8 bytes, read in place when the string's storage allows.
    @inlinable public static func hash(utf8 text: String) -> UInt64 {
        text.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(text.utf8)
    }
}
