/// Trimming white space on the bytes of a string's buffer: `StringProtocol.trimmed` and `Cell.isBlank` call these
/// for every cell and line of a document.
extension TextNormalization {
    /// The byte length of the white-space scalar (`Unicode.Scalar.isSpace`) that starts at `i` of the valid
    /// UTF-8 `b` and ends by `end`, or 0 when the scalar there is not white space.
    @inlinable static func spaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        switch b[i] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return i + 1 < end && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0  // U+0085, U+00A0
        case 0xE1: return i + 2 < end && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            guard i + 2 < end else { return 0 }
            let x = b[i + 1], y = b[i + 2]
            // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
            if x == 0x80 { return (0x80...0x8A).contains(y) || y == 0xA8 || y == 0xA9 || y == 0xAF ? 3 : 0 }
            return x == 0x81 && y == 0x9F ? 3 : 0
        case 0xE3: return i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }

    /// The byte range of the valid UTF-8 `b` without its leading and trailing white space (the scalars of
    /// `Unicode.Scalar.isSpace`, as `trimmed`); empty when every scalar is white space.
    @inlinable public static func trimmedRange(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        // Most text has nothing to trim: neither its first byte nor its last can be one of white space, seen
        // without finding where the last scalar starts.
        if b.isEmpty || (!mayStartSpace(b[0]) && !mayEndSpace(b[b.count - 1])) { return 0..<b.count }
        let start = leadingSpaceEnd(b)
        var end = b.count
        while end > start {
            var first = end - 1  // the first byte of the scalar that ends at `end`
            while first > start && b[first] & 0xC0 == 0x80 { first -= 1 }
            guard spaceLength(b, at: first, end: end) == end - first else { break }
            end = first
        }
        return start..<end
    }

    /// Whether a scalar starting with this UTF-8 byte may be white space (09–0D, 20, C2, E1, E2, E3): the first
    /// test of `trimmedRange` (internal, not private, as that is inlinable).
    @inlinable static func mayStartSpace(_ b: UInt8) -> Bool {
        switch b {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3: true
        default: false
        }
    }

    /// Whether a scalar ending with this UTF-8 byte may be white space: ASCII 09–0D and 20, and the last bytes
    /// of U+0085 (85), U+00A0 (A0), U+1680 and U+3000 (80), U+2000–U+200A (80–8A), U+2028, U+2029, U+202F
    /// (A8, A9, AF) and U+205F (9F).
    @inlinable static func mayEndSpace(_ b: UInt8) -> Bool {
        switch b {
        case 0x09...0x0D, 0x20, 0x80...0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF: true
        default: false
        }
    }

    /// The byte offset of the first scalar of the valid UTF-8 `b` that is not white space (`b.count` when none is).
    @inlinable static func leadingSpaceEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var start = 0
        while start < b.count {
            let n = spaceLength(b, at: start, end: b.count)
            if n == 0 { break }
            start += n
        }
        return start
    }

    /// Whether `s` has no white space at either end (`s.trimmed == s`, without making the trimmed string): a cell
    /// already trimmed can be kept as it is, in the array it came in.
    @inlinable public static func isTrimmed(_ s: String) -> Bool {
        withBytes(s) { b in trimmedRange(b).count == b.count }
    }

    /// Whether `s` is empty or only white space (`s.trimmed.isEmpty`, without making the trimmed string): its
    /// leading white space runs to the end. A scalar that is not white space stays in the trimmed text, so the
    /// trailing end need not be looked at.
    @inlinable public static func isBlank(_ s: String) -> Bool {
        withBytes(s) { leadingSpaceEnd($0) == $0.count }
    }
}
