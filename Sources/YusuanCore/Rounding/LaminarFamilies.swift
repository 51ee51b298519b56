/// A split of sets into laminar families: within a family any two sets are nested or disjoint.
///
/// Two sets cross when they share a leaf and neither holds the other; a family is laminar exactly
/// when none of its sets cross, so the split is a colouring of the crossing graph. Sets are coloured
/// in breadth-first order from the largest set, each with the first family none of its crossing
/// neighbours has. A crossing graph with no odd cycle (a table's rows against its columns, each
/// with its own hierarchy) gets exactly two families this way; otherwise the first two families
/// are still large and the rest take the conflicts.
struct LaminarFamilies {
    /// The family of each set, and the smallest set of that family strictly holding it (-1: none).
    var family: [Int]
    var parent: [Int]
    var count = 0
    /// The sets holding each leaf, ascending (`holders`): the crossings are counted over them, and the
    /// search reads them as its sets per leaf (`AggregateStructure.setsOfLeaf`).
    let holders: Lists

    /// - Parameter sets: distinct sets of leaf positions (each sorted), largest first.
    init(_ sets: [[Int]], leafCount: Int) {
        var family = [Int](repeating: -1, count: sets.count)
        var parent = [Int](repeating: -1, count: sets.count)
        let flat = LaminarFamilies.flattened(sets)
        holders = LaminarFamilies.holders(flat, leafCount: leafCount)
        let crossing = LaminarFamilies.crossingLists(flat, holders: holders)
        // Each set is queued once, when it is coloured. The colouring runs over raw buffers: every index in
        // it is a set, and every list entry one too.
        var queue = [Int](repeating: 0, count: sets.count)
        // Per set, which of the first 64 families its coloured neighbours have: each set, as it is coloured,
        // marks its family in its neighbours' masks, so a set's mask is complete when its turn comes.
        var taken = [UInt64](repeating: 0, count: sets.count)
        var used: [Int] = []
        family.withUnsafeMutableBufferPointer { family in
        queue.withUnsafeMutableBufferPointer { queue in
        taken.withUnsafeMutableBufferPointer { taken in
        crossing.start.withUnsafeBufferPointer { listStart in
        crossing.entries.withUnsafeBufferPointer { entries in
            func colour(_ set: Int, _ f: Int) {
                family[set] = f
                guard f < 64 else { return }
                let bit: UInt64 = 1 << UInt64(f)
                for k in listStart[set]..<listStart[set &+ 1] { taken[entries[k]] |= bit }
            }
            for start in 0..<family.count where family[start] < 0 {
                colour(start, 0)
                queue[0] = start
                var (head, queued) = (0, 1)
                while head < queued {
                    let set = queue[head]
                    head &+= 1
                    for k in listStart[set]..<listStart[set &+ 1] {
                        let other = entries[k]
                        guard family[other] < 0 else { continue }
                        // The first family no coloured neighbour has: from the mask of the first 64 families, and
                        // only when all of those are taken, from the list of every neighbour's family.
                        var f = (~taken[other]).trailingZeroBitCount
                        if f == 64 {
                            used.removeAll(keepingCapacity: true)
                            for m in listStart[other]..<listStart[other &+ 1] where family[entries[m]] >= 0 {
                                used.append(family[entries[m]])
                            }
                            while used.contains(f) { f += 1 }
                        }
                        colour(other, f)
                        queue[queued] = other
                        queued &+= 1
                    }
                }
            }
        }}}}}
        // Parents: within a family a set nests under the smallest set holding it, which holds its first leaf.
        // The sets of one family holding a leaf are nested, the later the smaller, so that is the last set
        // before it among its first leaf's holders (ascending, the set itself among them) of its family.
        count = (family.max() ?? -1) + 1
        for id in sets.indices {
            var k = holders.start[sets[id][0]]
            while holders.entries[k] != id {
                if family[holders.entries[k]] == family[id] { parent[id] = holders.entries[k] }
                k += 1
            }
        }
        self.family = family
        self.parent = parent
    }

    /// For each set, the sets it crosses (`crossingLists`, one list per set).
    static func crossings(_ sets: [[Int]], leafCount: Int) -> [[Int]] {
        let flat = flattened(sets)
        let lists = crossingLists(flat, holders: holders(flat, leafCount: leafCount))
        return sets.indices.map { Array(lists[$0]) }
    }

    /// The sets as lists in one flat array (list `id` is set `id`).
    static func flattened(_ sets: [[Int]]) -> Lists {
        var setStart = [Int](repeating: 0, count: sets.count + 1)
        for (id, set) in sets.enumerated() { setStart[id + 1] = setStart[id] + set.count }
        var flat: [Int] = []
        flat.reserveCapacity(setStart[sets.count])
        for set in sets { flat.append(contentsOf: set) }
        return Lists(start: setStart, entries: flat)
    }

    /// For each leaf, the sets holding it, ascending (`Lists.incidence` over the sets in order).
    /// - Parameter sets: `flattened(_:)` of sets of leaves below `leafCount`.
    static func holders(_ sets: Lists, leafCount: Int) -> Lists {
        sets.entries.withUnsafeBufferPointer { flat in
        sets.start.withUnsafeBufferPointer { setStart in
            Lists.incidence(count: leafCount, groups: 0..<(setStart.count &- 1)) { id, visit in
                for k in setStart[id]..<setStart[id &+ 1] { visit(flat[k]) }
            }
        }}
    }

    /// For each set, the sets it crosses: counts, per set, how many of its leaves each other set holds.
    /// Each list holds the earlier sets crossing it (ascending), then the later ones in the order they are
    /// met walking its leaves. Each set's later crossings are noted in one flat array as found (one append
    /// per set), then every pair is laid out in both its lists in that order (no list grows per set). All of
    /// it runs over raw buffers, the sets as one flat array: the counting is most of the split's work.
    /// - Parameters:
    ///   - sets: `flattened(_:)` of the sets.
    ///   - holders: `holders(sets, leafCount:)`.
    static func crossingLists(_ sets: Lists, holders lists: Lists) -> Lists {
        let setCount = sets.start.count - 1
        let setStart = sets.start
        let flat = sets.entries
        let memberships = flat.count
        let leafCount = lists.start.count - 1
        let start = lists.start
        let holders = lists.entries
        // `next[leaf]`: the position of the set being walked in the leaf's holders.
        var next = start
        var shared = [Int](repeating: 0, count: setCount)
        var seen = [Int](repeating: 0, count: setCount)
        var later: [Int] = []
        later.reserveCapacity(memberships)
        var laterCount = [Int](repeating: 0, count: setCount)
        flat.withUnsafeBufferPointer { flat in
        setStart.withUnsafeBufferPointer { setStart in
        start.withUnsafeBufferPointer { start in
        holders.withUnsafeBufferPointer { holders in
        next.withUnsafeMutableBufferPointer { next in
        shared.withUnsafeMutableBufferPointer { shared in
        seen.withUnsafeMutableBufferPointer { seen in
        laterCount.withUnsafeMutableBufferPointer { laterCount in
            // Sets are taken in order: when set `id` comes, the holders of each of its leaves before
            // `next[leaf]` are earlier sets and `holders[next[leaf]]` is `id` itself.
            for id in 0..<setCount {
                let size = setStart[id &+ 1] &- setStart[id]
                if size == leafCount {
                    // A set of every leaf holds every other set and crosses none: only its holder positions move on.
                    for m in setStart[id]..<setStart[id &+ 1] { next[flat[m]] &+= 1 }
                    continue
                }
                var seenCount = 0
                for m in setStart[id]..<setStart[id &+ 1] {
                    let leaf = flat[m]
                    // Only pairs with a later (no larger) set are counted here: the holders after `id`.
                    let first = next[leaf] &+ 1
                    next[leaf] = first
                    let end = start[leaf &+ 1]
                    var k = first
                    while k < end {
                        let other = holders[k]
                        if shared[other] == 0 {
                            seen[seenCount] = other
                            seenCount &+= 1
                        }
                        shared[other] &+= 1
                        k &+= 1
                    }
                }
                // The crossing ones kept in place, in the order met.
                var crossingCount = 0
                for s in 0..<seenCount {
                    let other = seen[s]
                    let otherSize = setStart[other &+ 1] &- setStart[other]
                    if shared[other] < otherSize && shared[other] < size {
                        seen[crossingCount] = other
                        crossingCount &+= 1
                    }
                    shared[other] = 0
                }
                laterCount[id] = crossingCount
                later.append(contentsOf: UnsafeBufferPointer(rebasing: seen[0..<crossingCount]))
            }
        }}}}}}}}
        var listStart = [Int](repeating: 0, count: setCount + 1)
        later.withUnsafeBufferPointer { later in
        listStart.withUnsafeMutableBufferPointer { listStart in
            for id in 0..<setCount { listStart[id &+ 1] = laterCount[id] }
            for k in 0..<later.count { listStart[later[k] &+ 1] &+= 1 }
            for i in 0..<setCount { listStart[i &+ 1] &+= listStart[i] }
        }}
        // Each entry written once (no zero fill first): every pair gives one entry to each of its two lists.
        var fill = listStart
        let entries = [Int](unsafeUninitializedCapacity: 2 * later.count) { entries, initialized in
            later.withUnsafeBufferPointer { later in
            laterCount.withUnsafeBufferPointer { laterCount in
            fill.withUnsafeMutableBufferPointer { fill in
                var k = 0
                for a in 0..<laterCount.count {
                    for _ in 0..<laterCount[a] {
                        let b = later[k]
                        entries.initializeElement(at: fill[a], to: b)
                        fill[a] &+= 1
                        entries.initializeElement(at: fill[b], to: a)
                        fill[b] &+= 1
                        k &+= 1
                    }
                }
            }}}
            initialized = 2 * later.count
        }
        return Lists(start: listStart, entries: entries)
    }
}
