import YusuanCore

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
        if bytes.count <= 8 { return packWord(bytes) }
        var value: UInt64 = 0
        for byte in bytes {
            let digit = byte &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        return value << 5 | UInt64(bytes.count)
    }

    /// `pack` of at most eight bytes (every 功能 and 经济 code) read as one word: the digits tested at once, then added
    /// up by three multiplies, each joining neighbouring lanes (pairs, fours, then all eight): about 40 instructions
    /// without a branch per byte, where the loop took about 10 a byte (a 7-digit code about 80 a call, now about 57).
    @inline(__always)
    private static func packWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        // Byte i at bits 8i: read as two overlapping halves (or the first, middle and last byte), never past the end.
        // Shifts are masking (`&<<`): every amount here is below 64.
        let raw = UnsafeRawPointer(base)
        let word: UInt64
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            word = first | last &<< UInt64(8 &* (count &- 4))
        } else {
            let middle = count &>> 1
            word = UInt64(base[0]) | UInt64(base[middle]) &<< UInt64(8 &* middle) | UInt64(base[count &- 1]) &<< UInt64(8 &* (count &- 1))
        }
        // Each byte's digit value in its lane (the lanes past the bytes stay 0): every lane below 10 (`ByteLanes`).
        let unused = UInt64(8 &* (8 &- count))
        let x = word ^ (0x3030_3030_3030_3030 &>> unused)
        guard ByteLanes.below(x, 10) == 0x8080_8080_8080_8080 else { return nil }
        // The first digit in the lowest lane, moved up so that the lanes below it are leading zeros; no sum below
        // outgrows its lane (99, 9999, 99999999).
        var v = x &<< unused
        v = (v &* 10 &+ v &>> 8) & 0x00FF_00FF_00FF_00FF
        v = (v &* 100 &+ v &>> 16) & 0x0000_FFFF_0000_FFFF
        v = (v &* 10000 &+ v &>> 32) & 0xFFFF_FFFF
        return v &<< 5 | UInt64(count)
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
