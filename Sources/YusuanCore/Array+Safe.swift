extension Array {
    /// The element at `i`, or nil when `i` is out of range: input never indexes past an array.
    public subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
