/// Bounds on a string's length in characters, without counting all of them: `count` walks every character (grapheme
/// breaking), and a test against a small bound needs at most one character more than the bound.

extension String {
    /// `count <= n`: settled at once when the string has at most `n` bytes (every character has at least one), else
    /// on the bytes when its scalars are plain (`plainCharacterCount`), else by stepping over at most `n + 1`
    /// characters.
    @inlinable public func hasAtMost(characters n: Int) -> Bool {
        if utf8.count <= n { return true }
        if let count = TextNormalization.withBytes(self, { TextNormalization.plainCharacterCount($0, atMost: n + 1) }) {
            return count <= n
        }
        return index(startIndex, offsetBy: n + 1, limitedBy: endIndex) == nil
    }
}

extension TextNormalization {
    /// The number of characters of the text whose valid UTF-8 is `b`, or `limit` when it has at least that many,
    /// read on the bytes when the scalars that start in its first `3 × limit` bytes are plain (`isPlainCJK`); nil
    /// otherwise. A plain scalar is at most three bytes, so those are at least `limit` scalars, or all of the text; and
    /// a plain scalar followed by a plain one is a character of its own, so `limit` plain scalars start `limit`
    /// characters, and a text whose scalars are all plain has as many characters as scalars.
    @inlinable public static func plainCharacterCount(_ b: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int? {
        let through = 3 * limit - 1
        guard limit > 0, isPlainCJK(b, startingIn: 0, through: through) else { return nil }
        if b.count > through { return limit }
        var scalars = 0
        for c in b where c & 0xC0 != 0x80 { scalars += 1 }
        return Swift.min(scalars, limit)
    }
}
