/// The incidence lists the repair reads: the outer sets at each leaf and the edges at each node.
extension RoundingRepair {
    /// For each item, the ids of the groups holding it, in group order (CSR: start offsets, entries).
    /// Over raw buffers: the items are positions the code builds (leaves of sets, ends of edges), below `count`.
    static func incidence(count: Int, groups: [Int], items: (Int, (Int) -> Void) -> Void) -> ([Int], [Int]) {
        var start = [Int](repeating: 0, count: count + 1)
        start.withUnsafeMutableBufferPointer { start in
            for group in groups { items(group) { start[$0 &+ 1] &+= 1 } }
            for i in 1..<start.count { start[i] &+= start[i &- 1] }
        }
        var entries = [Int](repeating: 0, count: start[count])
        var fill = start
        entries.withUnsafeMutableBufferPointer { entries in
        fill.withUnsafeMutableBufferPointer { fill in
            for group in groups {
                items(group) { item in
                    entries[fill[item]] = group
                    fill[item] &+= 1
                }
            }
        }}
        return (start, entries)
    }
}
