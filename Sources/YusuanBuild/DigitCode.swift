/// A code of ASCII digits (功能科目 "2010101", 经济科目 "30101", or a prefix of one) packed into one integer:
/// its value shifted left by 5 bits, its length in the low 5 bits. Packed codes compare, hash and test
/// prefixes without touching a string. "" packs to 0 and is a prefix of every code.
enum DigitCode {
    /// Longest code packed: its value (below 10^17, 57 bits) shifted left by 5 still fits in 64 bits. At 18
    /// digits the top bit of a value of 2^59 or more would be shifted out, and two codes could pack alike.
    static let maxLength = 17

    static let powersOfTen: [UInt64] = (0...maxLength).map { n in (0..<n).reduce(UInt64(1)) { p, _ in p * 10 } }

    /// The packed code, or nil when `code` holds anything but ASCII digits or is too long.
    static func pack(_ code: String) -> UInt64? {
        // Over the string's contiguous UTF-8 (small strings too), not byte by byte through its view's iterator.
        code.utf8.withContiguousStorageIfAvailable { pack($0) } ?? pack(digits: code.utf8)
    }

    /// `pack` of a code given as its UTF-8 bytes.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        // The length tested once, a digit by one unsigned test, no overflow check per digit (17 digits stay below
        // 2^57): the generic loop below cost about 15 instructions a byte, and codes are packed twice for every line
        // item of a city (its department's ledger and the 汇总). The same result as `pack(digits:)`.
        guard bytes.count <= maxLength else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit = byte &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        return value << 5 | UInt64(bytes.count)
    }

    /// `pack` over any bytes, one at a time: the reference the buffer's loop is held to.
    static func pack<Bytes: Sequence<UInt8>>(digits bytes: Bytes) -> UInt64? {
        var value: UInt64 = 0, length: UInt64 = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57, length < UInt64(maxLength) else { return nil }
            value = value * 10 + UInt64(byte - 48)
            length += 1
        }
        return value << 5 | length
    }

    /// The code's digits (leading zeros kept): `pack`'s inverse.
    static func string(_ packed: UInt64) -> String {
        let count = length(packed)
        guard count > 0 else { return "" }
        var value = packed >> 5
        return String(unsafeUninitializedCapacity: count) { buffer in
            for i in stride(from: count - 1, through: 0, by: -1) {
                buffer[i] = UInt8(48 + value % 10)
                value /= 10
            }
            return count
        }
    }

    /// The code's digits left-aligned in one integer (followed by zeros to `maxLength` digits): with the
    /// length as a tie-break, packed codes in this order are in the order of their strings.
    static func aligned(_ packed: UInt64) -> UInt64 {
        (packed >> 5) * powersOfTen[maxLength - length(packed)]
    }

    static func length(_ packed: UInt64) -> Int { Int(packed & 31) }

    /// The first `length` digits of a packed code (at most its own length).
    static func prefix(_ packed: UInt64, _ length: Int) -> UInt64 {
        let own = Self.length(packed)
        guard length < own else { return packed }
        return ((packed >> 5) / powersOfTen[own - length]) << 5 | UInt64(length)
    }

    /// Whether the packed `prefix` is a prefix of the packed `code` (as `String.hasPrefix` on the digits).
    static func hasPrefix(_ code: UInt64, _ prefix: UInt64) -> Bool {
        let own = length(code), wanted = length(prefix)
        guard wanted <= own else { return false }
        return (code >> 5) / powersOfTen[own - wanted] == prefix >> 5
    }

    /// The codes and their prefixes of `lengths` digits (a code shorter than a length counts as its own prefix),
    /// each spelled once, in the order of their strings (`aligned`, then length).
    static func spelled(_ codes: Set<UInt64>, withPrefixes lengths: [Int]) -> [String] {
        var all = Set<UInt64>(minimumCapacity: (lengths.count + 1) * codes.count)
        for code in codes {
            for n in lengths { all.insert(prefix(code, n)) }
            all.insert(code)
        }
        // Each code's key worked out once (its aligned digits, then its length, in one integer: aligned < 10^17 <
        // 2^57, so shifted left by 5 it still fits) and sorted as plain integers: a comparator computing `aligned`
        // (a multiply by a power of ten) on both sides at every comparison cost most of the sort.
        let ordered = all.map { (key: aligned($0) << 5 | UInt64(length($0)), code: $0) }.sorted { $0.key < $1.key }
        return ordered.map { string($0.code) }
    }
}
