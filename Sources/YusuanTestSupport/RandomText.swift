/// Random text for the tests that hold a fast text path to its reference: a few scalars, drawn one at a time.
extension SeededRandom {
    /// A text of a length drawn from `length`, each scalar made by `scalar`.
    public mutating func text(length: ClosedRange<Int>, _ scalar: (inout SeededRandom) -> Unicode.Scalar) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: length, using: &self) { scalars.append(scalar(&self)) }
        return String(scalars)
    }

    /// A text of a length drawn from `length`, of scalars drawn from `alphabet` (which must not be empty).
    public mutating func text(length: ClosedRange<Int>, from alphabet: [Unicode.Scalar]) -> String {
        text(length: length) { $0.scalar(from: alphabet) }
    }

    /// One of `alphabet`'s scalars (which must not be empty).
    public mutating func scalar(from alphabet: [Unicode.Scalar]) -> Unicode.Scalar {
        alphabet[Int.random(in: 0..<alphabet.count, using: &self)]
    }

    /// A scalar of `range` when one falls on a valid value (not a surrogate), else one of `alphabet`'s.
    public mutating func scalar(in range: ClosedRange<UInt32>, or alphabet: [Unicode.Scalar]) -> Unicode.Scalar {
        Unicode.Scalar(UInt32.random(in: range, using: &self)) ?? scalar(from: alphabet)
    }
}
