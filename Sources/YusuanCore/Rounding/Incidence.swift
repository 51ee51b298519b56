/// Lists in one flat array (CSR): list `i` is `entries[start[i]..<start[i + 1]]`. The rounding keeps its per-item
/// lists so (the sets of each leaf, the repair's sets and edges, the circulation's
/// adjacency), so that no list is an array of its own.
struct Lists {
    let start: [Int]
    let entries: [Int]
    subscript(i: Int) -> ArraySlice<Int> { entries[start[i]..<start[i + 1]] }

    /// For each item below `count`, the groups holding it, in the order of `groups`: counted, then each
    /// position written once (no zero fill first). The one builder of such lists: the sets holding each leaf
    /// (`LaminarFamilies.holders`, on the hottest path, hence inlined into each caller with its `items`), the
    /// repair's outer sets per leaf and edges per node, the circulation's adjacency.
    /// - Parameter items: calls its second argument on each item of a group, the same items on both passes.
    ///   Items are counted with checked indexing: every later raw index is an item counted there.
    @inline(__always)
    static func incidence<Groups: Collection<Int>>(count: Int, groups: Groups,
                                                   items: (Int, (Int) -> Void) -> Void) -> Lists {
        var start = [Int](repeating: 0, count: count + 1)
        for group in groups { items(group) { start[$0 &+ 1] &+= 1 } }
        for i in 1..<start.count { start[i] &+= start[i &- 1] }
        // `next` is each item's fill position.
        var next = start
        let memberships = start[count]
        let entries = [Int](unsafeUninitializedCapacity: memberships) { entries, initialized in
            next.withUnsafeMutableBufferPointer { next in
                for group in groups {
                    items(group) { item in
                        entries.initializeElement(at: next[item], to: group)
                        next[item] &+= 1
                    }
                }
            }
            initialized = memberships
        }
        return Lists(start: start, entries: entries)
    }
}
