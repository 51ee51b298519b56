/// Bounds on a string's length in characters, without counting all of them: `count` walks every character (grapheme
/// breaking), and a test against a small bound needs at most one character more than the bound.

extension String {
    /// `count <= n`: settled at once when the string has at most `n` bytes (every character has at least one), else
    /// by stepping over at most `n + 1` characters.
    @inlinable public func hasAtMost(characters n: Int) -> Bool {
        utf8.count <= n || index(startIndex, offsetBy: n + 1, limitedBy: endIndex) == nil
    }
}
