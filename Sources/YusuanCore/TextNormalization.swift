import Foundation

/// Text clean-up shared by every reader and rule: full-width forms, spaces inside Chinese labels.
public enum TextNormalization {
    /// Calls `body` with the UTF-8 bytes of `s` in one buffer: a native string's own storage (no copy),
    /// else a copy. Byte scans over a buffer skip the index checks of iterating `String.UTF8View`.
    @inlinable @inline(__always) public static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// A string of at most `capacity` UTF-8 bytes written straight into its own storage (one allocation, none for a
    /// short text; no temporary array) by `write`, through a `ByteWriter`. Callers bound what they write by
    /// `capacity`, so no byte is dropped.
    @inlinable public static func string(capacity: Int, _ write: (inout ByteWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { out in
            var writer = ByteWriter(out)
            write(&writer)
            return Swift.min(writer.count, out.count)
        }
    }

    /// Appends bytes to a buffer (`string(capacity:_:)`), each append bounds-checked: past the end nothing is
    /// written, only counted.
    public struct ByteWriter {
        @usableFromInline let out: UnsafeMutableBufferPointer<UInt8>
        @usableFromInline var appended = 0

        @inlinable init(_ out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

        /// Bytes appended so far.
        @inlinable public var count: Int { appended }

        @inlinable public mutating func put(_ b: UInt8) {
            if appended < out.count { out[appended] = b }
            appended += 1
        }
    }

    /// A label's comparison key: half-width, no whitespace, unified parentheses and quotes.
    /// "政府办公厅（室）及相关机构事务" and "政府办公厅(室) 及相关机构事务" get the same key.
    /// One pass over Unicode scalars (no grapheme breaking: this runs for every label compared).
    public static func key(_ s: String) -> String {
        // Most labels have nothing to drop or map: one pass over the bytes finds that, and `s` is returned as it is.
        switch keyChanges(s) {
        case .none: return s
        case .asciiOnly: return asciiKey(s)
        case .other: break
        }
        // Each scalar is kept, dropped or made one ASCII byte, so the key is never longer than `s`: it is written
        // straight into the new string's storage.
        return string(capacity: s.utf8.count) { w in
            for scalar in s.unicodeScalars {
                var u = scalar
                if (0xFF01...0xFF5E).contains(u.value), let ascii = Unicode.Scalar(u.value - 0xFEE0) { u = ascii }
                if u.isSpace { continue }
                switch u {
                case "“", "”", "\"", "‘", "’", "'": continue
                case "【", "〔", "[": w.put(0x28)
                case "】", "〕", "]": w.put(0x29)
                default: UTF8.encode(u) { w.put($0) }
                }
            }
        }
    }

    /// Whether `s` may hold one of `ideographs` (CJK unified ideographs, U+4E00–9FFF) as a character, or a
    /// spelling of one that Swift's `String` comparison equates with it. False only when none of their UTF-8
    /// sequences occurs and `s` has no compatibility ideograph (U+F900–FAFF, or a four-byte scalar, which covers
    /// U+2F800–2FA1F): those are the only scalars canonically equivalent to a unified ideograph, and a unified
    /// ideograph composes with nothing. `key`, `halfWidth` and trimming never write an ideograph, so a test that
    /// needs one of these in the key of `s` can be skipped when this is false.
    public static func mayHoldIdeograph(_ s: String, _ ideographs: IdeographSet) -> Bool {
        // The low six bits of each ideograph (its last byte's): a three-byte scalar whose last byte has none of
        // them is none of the ideographs, found without decoding it and comparing it with each.
        let lows = ideographs.lows
        return withBytes(s) { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c >= 0xF0 { return true }
                if c >= 0xE0 && i + 2 < n {
                    if c == 0xEF && (0xA4...0xAB).contains(b[i + 1]) { return true }
                    if lows >> UInt64(b[i + 2] & 0x3F) & 1 != 0 {
                        let v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                        for u in ideographs.scalars where u.value == v { return true }
                    }
                    i += 3
                    continue
                }
                i += 1
            }
            return false
        }
    }

    /// The first scalar of `s` that is not white space (the white space `trimmed` removes), if any.
    public static func firstNonSpaceScalar(_ s: String) -> Unicode.Scalar? {
        s.unicodeScalars.first { !$0.isSpace }
    }

    /// Whether `key` may change `s`: a byte that starts white space, a quote, a bracket or a full-width form.
    /// ASCII: controls 09–0D, space, '"', "'", "[", "]"; C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+205F:
    /// spaces and curly quotes), E3 80 (U+3000–U+303F: the ideographic space, 【】〔〕) and EF BC / EF BD
    /// (full-width forms). Conservative: a false "may" only takes the slow path.
    static func mayChangeInKey(_ s: String) -> Bool { keyChanges(s) != .none }

    /// What `key` may change in a string: nothing, only ASCII bytes (white space, quotes, brackets, as in
    /// the cells of a line joined with spaces), or possibly other scalars.
    enum KeyChanges { case none, asciiOnly, other }

    /// The bytes of `mayChangeInKey`, told apart: ASCII ones (09–0D, space, '"', "'", "[", "]") are changed
    /// byte for byte by `asciiKey`; any other (C2, E1, E2, E3 80, EF BC / EF BD) takes the pass over scalars.
    /// Steps from scalar to scalar (a string's bytes are valid UTF-8): a Chinese character is one lead byte
    /// tested, not three bytes each compared with the byte before.
    static func keyChanges(_ s: String) -> KeyChanges {
        withBytes(s) { bytes in
            let n = bytes.count
            var ascii = false
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    // Bits 09–0D, 20, 22 and 27 of the low half, 5B and 5D of the high half.
                    if b < 0x40 { if (0x0000_0085_0000_3E00 as UInt64) >> b & 1 != 0 { ascii = true } }
                    else if (0x0000_0000_2800_0000 as UInt64) >> (b - 0x40) & 1 != 0 { ascii = true }
                    i += 1
                    continue
                }
                switch b {
                case 0xC2, 0xE1, 0xE2: return .other
                case 0xE3: if i + 1 < n && bytes[i + 1] == 0x80 { return .other }
                case 0xEF: if i + 1 < n && (bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD) { return .other }
                default: break
                }
                i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            }
            return ascii ? .asciiOnly : .none
        }
    }

    /// `key` of a string whose only changes are ASCII: white space and quotes dropped, "[" "]" made "(" ")".
    /// Every other byte is kept as it is, as the pass over scalars would write it.
    static func asciiKey(_ s: String) -> String {
        withBytes(s) { bytes in
            // One byte written at most for each byte read: the key goes straight into the new string's storage.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                for b in bytes {
                    switch b {
                    case 0x09...0x0D, 0x20, 0x22, 0x27: continue
                    case 0x5B: out[n] = 0x28
                    case 0x5D: out[n] = 0x29
                    default: out[n] = b
                    }
                    n += 1
                }
                return n
            }
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (spaces, tabs, line breaks, the ideographic
    /// space). Pure Swift on purpose: Foundation's CharacterSet-based trimming on Linux was seen to
    /// corrupt strings when many threads used it at once.
    /// Works on Unicode scalars (no grapheme breaking): every cell of every document passes through here.
    @inlinable public var trimmed: String {
        // The white space is found on the bytes of the string's buffer (`TextNormalization.trimmedRange`, which
        // answers at once when neither end can be white space) and the rest copied once, if anything was trimmed.
        if let whole = self as? String {
            return TextNormalization.withBytes(whole) { b -> String in
                let kept = TextNormalization.trimmedRange(b)
                if kept.count == b.count { return whole }
                return String(decoding: UnsafeBufferPointer(rebasing: b[kept]), as: UTF8.self)
            }
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].isSpace else { break }
            end = before
        }
        return String(self[start..<end])
    }

    /// The fields between `separator`s, empty ones kept ("a\t\tb" → ["a", "", "b"]).
    public func fields(_ separator: Character) -> [String] {
        var out: [String] = []
        var current = ""
        for c in self {
            if c == separator { out.append(current); current = "" } else { current.append(c) }
        }
        out.append(current)
        return out
    }
}

extension String {
    /// `hasPrefix`, comparing bytes when that is exact: `prefix` is plain (`TextNormalization.isPlainCJK`) and so
    /// are the scalars of `self` that start within the prefix's length and right after it. Else Swift's own.
    @inlinable public func hasTextPrefix(_ prefix: String) -> Bool {
        // Both texts' bytes are borrowed once and their plainness read on those bytes, rather than asking
        // `isPlainCJK` of each `String` (a copy and `withUTF8` apiece) and then borrowing both again to compare.
        let bytewise = TextNormalization.withBytes(self) { s in
            TextNormalization.withBytes(prefix) { p -> Bool? in
                let n = p.count
                guard TextNormalization.isPlainCJK(p, startingIn: 0, through: Int.max),
                      TextNormalization.isPlainCJK(s, startingIn: 0, through: n) else { return nil }
                return s.count >= n && UnsafeBufferPointer(rebasing: s[..<n]).elementsEqual(p)
            }
        }
        return bytewise ?? hasPrefix(prefix)
    }

    /// `hasSuffix`, comparing bytes when that is exact: `suffix` is plain and so are the scalars of `self` from the
    /// one before the suffix's length to the end. Else Swift's own.
    @inlinable public func hasTextSuffix(_ suffix: String) -> Bool {
        let bytewise = TextNormalization.withBytes(self) { s in
            TextNormalization.withBytes(suffix) { p -> Bool? in
                let n = p.count, count = s.count
                guard TextNormalization.isPlainCJK(p, startingIn: 0, through: Int.max),
                      TextNormalization.isPlainCJK(s, startingIn: Swift.max(0, count - n - 4), through: count)
                else { return nil }
                return count >= n && UnsafeBufferPointer(rebasing: s[(count - n)...]).elementsEqual(p)
            }
        }
        return bytewise ?? hasSuffix(suffix)
    }
}

extension TextNormalization {
    /// Whether every scalar of `s` is ASCII but CR, CJK (U+3000–U+9FFF, but the combining marks U+302A–U+302F,
    /// U+3099 and U+309A) or a full-width / half-width form (U+FF00–U+FFFF, but the combining U+FF9E and U+FF9F).
    /// Such text is in NFC and each scalar is a character of its own, so comparing its bytes gives what
    /// Swift's `String` comparison (canonical equivalence over characters) gives, without its cost.
    /// Compatibility ideographs (U+F900…), decomposed forms and combining marks are not plain.
    @inlinable public static func isPlainCJK(_ s: String) -> Bool {
        isPlainCJK(s, startingIn: 0, through: Int.max)
    }

    /// Whether the scalars of `s` that start at a byte offset in `from...through` are plain (see `isPlainCJK`).
    @inlinable public static func isPlainCJK(_ s: String, startingIn from: Int, through: Int) -> Bool {
        var s = s
        return s.withUTF8 { isPlainCJK($0, startingIn: from, through: through) }
    }

    /// `isPlainCJK(_:startingIn:through:)` of the text whose valid UTF-8 is `b`.
    @inlinable public static func isPlainCJK(_ b: UnsafeBufferPointer<UInt8>, startingIn from: Int, through: Int) -> Bool {
        var i = from
        while i < b.count && i > 0 && (b[i] & 0xC0) == 0x80 { i -= 1 }  // back to the start of a scalar
        while i < b.count && i <= through {
            let c = b[i]
            if c < 0x80 {
                if c == 0x0D { return false }
                i += 1
                continue
            }
            guard i + 2 < b.count else { return false }
            let c1 = b[i + 1], c2 = b[i + 2]
            switch c {
            case 0xE3:
                if c1 == 0x80 && (0xAA...0xAF).contains(c2) { return false }  // U+302A–U+302F
                if c1 == 0x82 && (c2 == 0x99 || c2 == 0x9A) { return false }  // U+3099, U+309A
            case 0xE4...0xE9:
                break
            case 0xEF:
                if c1 < 0xBC { return false }
                if c1 == 0xBE && (c2 == 0x9E || c2 == 0x9F) { return false }  // U+FF9E, U+FF9F
            default:
                return false
            }
            i += 3
        }
        return true
    }
}

extension Unicode.Scalar {
    /// White space, with a fast path for ASCII.
    /// Unicode's White_Space set, spelled out: asking `properties` looks the scalar up in tables, which
    /// is slow for the Chinese text every label is made of.
    @inlinable var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
