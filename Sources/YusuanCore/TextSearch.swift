/// Searches and replacements over a string's UTF-8 bytes: Foundation's versions go through NSString on Linux.

import Foundation

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

extension StringProtocol {
    /// Whether the literal `word` occurs in the string: what `contains(_:)` above answers for `String(word)` (the
    /// same byte search; an empty word does not occur), but reading the literal's bytes where the binary holds
    /// them instead of borrowing a String's storage at every call: labels are tested for a dozen words each.
    @inlinable public func containsText(_ word: StaticString) -> Bool {
        // A literal of one scalar may be held as the scalar, not as bytes: `withUTF8Buffer` reads either.
        word.withUTF8Buffer { needle in
            if let found = utf8.withContiguousStorageIfAvailable({ byteSearch($0, needle) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { byteSearch($0, needle) }
        }
    }
}

extension StringProtocol {
    /// The byte offset in the string's UTF-8 of the first (or, `backwards`, the last) occurrence of `other`, by a
    /// search over bytes; nil when it does not occur or `other` is empty. On plain text (`isPlainCJK`) with a plain
    /// `other`, the offsets order matches as Foundation's `range(of:)` orders them, without NSString.
    public func utf8Offset(of other: String, backwards: Bool = false) -> Int? {
        // Over the two strings' buffers where they have them (copied only when they do not): this runs for each
        // word a narrative clause is searched for.
        let found = utf8.withContiguousStorageIfAvailable { hay in
            TextNormalization.withBytes(other) { needle in byteOffset(hay, needle, backwards: backwards) }
        }
        if let found { return found }
        return Array(utf8).withUnsafeBufferPointer { hay in
            TextNormalization.withBytes(other) { needle in byteOffset(hay, needle, backwards: backwards) }
        }
    }
}

/// The offset in `hay` of the first (`firstByteOffset`) or, `backwards`, the last occurrence of `needle`; nil when
/// there is none or `needle` is empty.
func byteOffset(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, backwards: Bool) -> Int? {
    guard backwards else { return firstByteOffset(hay, needle) }
    let n = needle.count
    guard n > 0, hay.count >= n else { return nil }
    var i = hay.count - n
    while i >= 0 {
        var j = 0
        while j < n && hay[i + j] == needle[j] { j += 1 }
        if j == n { return i }
        i -= 1
    }
    return nil
}

/// Whether `needle` occurs in `hay` (`firstByteOffset`). ByteSearchTests holds it to the plain scan on random bytes.
@usableFromInline func byteSearch(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    firstByteOffset(hay, needle) != nil
}

/// The offset of the first occurrence of `needle` in `hay`; nil when there is none or `needle` is empty. Candidates
/// are found by the needle's last byte with `memchr` (vectorised in libc) rather than byte by byte, in order: in
/// Chinese text a needle's first byte is a scalar's lead byte (E4–E9 for most ideographs, so a candidate every few
/// characters), its last byte a continuation byte that is far rarer.
@inline(__always)
func firstByteOffset(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = needle.count
    guard n > 0, hay.count >= n else { return nil }
    let last = needle[n - 1]
    // `end` is where the needle's last byte may be; the needle then starts at end - (n - 1) >= 0.
    var end = n - 1
    while let hit = firstByteOffset(of: last, in: hay, from: end) {
        let from = hit - (n - 1)
        var j = 0
        while j < n - 1 && hay[from + j] == needle[j] { j += 1 }
        if j == n - 1 { return from }
        end = hit + 1
    }
    return nil
}

/// The offset of the first `byte` in `hay` at or after `from`, found with `memchr` (vectorised in libc); nil when
/// there is none. The search above and the text reader's line, tab and separator scans.
@inlinable @inline(__always)
public func firstByteOffset(of byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard from < hay.count, let base = hay.baseAddress,
          let hit = memchr(base + from, Int32(byte), hay.count - from) else { return nil }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
}

extension StringProtocol {
    /// Every occurrence of `target` replaced by `replacement`, left to right and not overlapping, by a search over
    /// UTF-8 bytes (as `contains(_:)` above). Foundation's `replacingOccurrences(of:with:)` goes through NSString
    /// on Linux; the narrative rules call this for every clause. An empty `target` leaves the string as it is.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        // Over the two strings' buffers: nothing is copied or allocated unless `target` occurs.
        let whole = String(self)
        let replaced: [UInt8]? = TextNormalization.withBytes(whole) { hay in
            TextNormalization.withBytes(target) { needle -> [UInt8]? in
                let n = needle.count
                guard n > 0, hay.count >= n else { return nil }
                var out: [UInt8] = []
                var i = 0
                var changed = false
                let last = hay.count - n
                while i < hay.count {
                    if i <= last && hay[i] == needle[0] {
                        var j = 1
                        while j < n && hay[i + j] == needle[j] { j += 1 }
                        if j == n {
                            if !changed { out.reserveCapacity(hay.count); out.append(contentsOf: hay[0..<i]); changed = true }
                            out.append(contentsOf: replacement.utf8)
                            i += n
                            continue
                        }
                    }
                    if changed { out.append(hay[i]) }
                    i += 1
                }
                return changed ? out : nil
            }
        }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? whole
    }
}

/// Words that many texts are tested to end with (`hasTextSuffix`): each word's bytes, and whether it is plain,
/// are worked out once, and the end of a text is checked for plainness once for all the words, not once a word.
public struct SuffixWords: Sendable {
    public let words: [String]
    /// A word's UTF-8 when it is plain (`TextNormalization.isPlainCJK`), else nil.
    let plainBytes: [[UInt8]?]
    let longest: Int

    public init(_ words: [String]) {
        self.words = words
        plainBytes = words.map { TextNormalization.isPlainCJK($0) ? Array($0.utf8) : nil }
        longest = words.map(\.utf8.count).max() ?? 0
    }

    /// The index of the first word that `s` ends with, as `words.firstIndex { s.hasTextSuffix($0) }` finds it.
    public func firstEnding(_ s: String) -> Int? {
        let count = s.utf8.count
        // `hasTextSuffix` compares bytes when the scalars from the word's length plus four bytes back are plain;
        // the window of the longest word holds the window of every shorter one.
        let plainTail = TextNormalization.isPlainCJK(s, startingIn: Swift.max(0, count - longest - 4), through: count)
        return TextNormalization.withBytes(s) { b in
            for (i, w) in words.enumerated() {
                if plainTail, let p = plainBytes[i] {
                    if b.count >= p.count && b[(b.count - p.count)...].elementsEqual(p) { return i }
                } else if s.hasTextSuffix(w) {
                    return i
                }
            }
            return nil
        }
    }
}

/// One text searched for many words (`MeasureVocabulary` asks up to about 35 of each label): its UTF-8 with a
/// summary of its three-byte scalars (a bit for the low six bits of each one's last byte), so that a word whose
/// first scalar (a Chinese character, in every word asked) is not among them is answered without a search.
/// `contains` answers as `String.contains(_:)` above does.
struct SearchedText {
    let bytes: UnsafeBufferPointer<UInt8>
    private var scalars: UInt64 = 0

    /// `bytes`: valid UTF-8, borrowed for as long as this lives.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c < 0xE0 { i += c < 0x80 ? 1 : 2; continue }
            if c < 0xF0 {
                if i + 2 < n { scalars |= 1 << UInt64(bytes[i + 2] & 0x3F) }
                i += 3
                continue
            }
            i += 4
        }
    }

    /// Whether `word` occurs in the text (whole scalars, as a byte search finds them; an empty word does not).
    func contains(_ word: StaticString) -> Bool {
        // A literal of one scalar may be held as the scalar, not as bytes: `withUTF8Buffer` reads either.
        word.withUTF8Buffer { w in
            // A match starts with the word's first scalar, a scalar of the text: when that is three bytes long and
            // no three-byte scalar of the text ends as it does, there is none.
            if w.count >= 3 && w[0] >= 0xE0 && w[0] < 0xF0 && scalars >> UInt64(w[2] & 0x3F) & 1 == 0 { return false }
            return byteSearch(bytes, w)
        }
    }
}
