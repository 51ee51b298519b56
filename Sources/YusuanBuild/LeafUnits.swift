/// The printed units of a ledger's leaves at one scale, and their sums over sets of leaves (`Books.figure`: every
/// figure a table prints is one, some of a department's thousand leaves).
struct LeafUnits {
    let units: [Int64]
    /// The most leaves whose units add up within `Int64` whichever they are: the largest magnitude of a unit times
    /// this count is at most `Int64.max`.
    private let safeCount: Int

    init(_ units: [Int64]) {
        self.units = units
        var largest: UInt64 = 0
        for u in units { largest = max(largest, u.magnitude) }
        safeCount = largest == 0 ? Int.max : Int(UInt64(Int64.max) / largest)
    }

    /// The sum of the units of the leaves `set` (indices of `units`). A set of at most `safeCount` leaves cannot
    /// overflow at any step, so its units are added four at a time without overflow checks; a larger set is added
    /// with them, as `reference` adds. The units are read unchecked too (about three instructions a leaf instead of
    /// five): every set is a selection of the ledger's leaves, positions of `units` by construction, never input.
    func sum(_ set: [Int]) -> Int64 {
        guard set.count <= safeCount else { return reference(set) }
        return units.withUnsafeBufferPointer { units in set.withUnsafeBufferPointer { leaves in
            var s0: Int64 = 0, s1: Int64 = 0, s2: Int64 = 0, s3: Int64 = 0
            var k = 0
            while k &+ 4 <= leaves.count {
                s0 &+= units[leaves[k]]
                s1 &+= units[leaves[k &+ 1]]
                s2 &+= units[leaves[k &+ 2]]
                s3 &+= units[leaves[k &+ 3]]
                k &+= 4
            }
            while k < leaves.count {
                s0 &+= units[leaves[k]]
                k &+= 1
            }
            // Each part, and their total, is a sum of at most `safeCount` units: exact.
            return s0 &+ s1 &+ s2 &+ s3
        }}
    }

    /// The sum in order, each step checked for overflow: the definition `sum` is held to.
    func reference(_ set: [Int]) -> Int64 {
        var sum: Int64 = 0
        for i in set { sum += units[i] }
        return sum
    }
}
