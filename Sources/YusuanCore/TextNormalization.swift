import Foundation

/// Text clean-up shared by every reader and rule: full-width forms, spaces inside Chinese labels.
public enum TextNormalization {
    /// Maps full-width ASCII (digits, letters, punctuation) and the ideographic space to ASCII.
    public static func halfWidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(u.value - 0xFEE0) ?? u)
            case 0x3000, 0x00A0: out.append(" ")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// A label's comparison key: half-width, no whitespace, unified parentheses and quotes.
    /// "政府办公厅（室）及相关机构事务" and "政府办公厅(室) 及相关机构事务" get the same key.
    /// One pass over Unicode scalars (no grapheme breaking: this runs for every label compared).
    public static func key(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            var u = scalar
            if (0xFF01...0xFF5E).contains(u.value), let ascii = Unicode.Scalar(u.value - 0xFEE0) { u = ascii }
            if u.isSpace { continue }
            switch u {
            case "“", "”", "\"", "‘", "’", "'": continue
            case "【", "〔", "[": out.append("(")
            case "】", "〕", "]": out.append(")")
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Removes whitespace that a PDF copy puts between Chinese characters, keeping it between Latin words.
    public static func compactChinese(_ s: String) -> String {
        let chars = Array(s.trimmed)
        var out = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                var j = i
                while j < chars.count && chars[j].isWhitespace { j += 1 }
                let before = out.last
                let after = j < chars.count ? chars[j] : nil
                if let b = before, let a = after, isLatinOrDigit(b) && isLatinOrDigit(a) { out.append(" ") }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    static func isLatinOrDigit(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (spaces, tabs, line breaks, the ideographic
    /// space). Pure Swift on purpose: Foundation's CharacterSet-based trimming on Linux was seen to
    /// corrupt strings when many threads used it at once.
    /// Works on Unicode scalars (no grapheme breaking): every cell of every document passes through here.
    @inlinable public var trimmed: String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].isSpace else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex, let whole = self as? String { return whole }
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

extension StringProtocol {
    /// Whether `other` occurs in the string, by a search over UTF-8 bytes (UTF-8 is self-synchronising, so a
    /// byte match is a match of whole scalars). It shadows Foundation's `contains(_:)`, which on Linux goes
    /// through NSString and took a sixth of an audit's time. An empty `other` is not contained (as in Foundation).
    @inlinable public func contains(_ other: String) -> Bool {
        if other.isEmpty { return false }
        let found = utf8.withContiguousStorageIfAvailable { hay in
            other.utf8.withContiguousStorageIfAvailable { needle in byteSearch(hay, needle) }
        }
        if let found = found ?? nil { return found }
        let hay = Array(utf8), needle = Array(other.utf8)
        return hay.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { n in byteSearch(h, n) } }
    }
}

/// Whether `needle` occurs in `hay` (a naive scan: labels and needles are short).
@usableFromInline func byteSearch(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = needle.count
    guard n > 0, hay.count >= n, let first = needle.first else { return false }
    var i = 0
    let last = hay.count - n
    while i <= last {
        if hay[i] == first {
            var j = 1
            while j < n && hay[i + j] == needle[j] { j += 1 }
            if j == n { return true }
        }
        i += 1
    }
    return false
}
