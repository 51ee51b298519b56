/// The ideographs `TextNormalization.mayHoldIdeograph` looks for, with the low six bits of each (its UTF-8 last
/// byte's) gathered into one mask when the set is made: the tests run on every label of a table, and gathering the
/// mask at each call cost about as much as scanning a short label.
public struct IdeographSet: Sendable, ExpressibleByArrayLiteral {
    /// The ideographs (CJK unified ideographs, U+4E00–9FFF).
    public let scalars: [Unicode.Scalar]
    /// Bit `v & 0x3F` set for the value `v` of each of `scalars`.
    public let lows: UInt64

    public init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var lows: UInt64 = 0
        for u in scalars { lows |= 1 << UInt64(u.value & 0x3F) }
        self.lows = lows
    }

    public init(arrayLiteral scalars: Unicode.Scalar...) { self.init(scalars) }
}
