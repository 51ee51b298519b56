extension Array {
    /// Calls `body` with each element in order, read where it lies. `for x in array` hands the loop a copy of each
    /// element, which for a struct of several arrays and strings (a `Row`: its cells, name, code and location) retains
    /// and later releases every one of them; a loop that only reads the element needs none of that.
    @inlinable
    public func forEachInPlace(_ body: (Element) throws -> Void) rethrows {
        try withUnsafeBufferPointer { buffer in
            for i in buffer.indices { try body(buffer[i]) }
        }
    }
}
