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

    /// - Parameter sets: distinct sets of leaf positions (each sorted), largest first.
    init(_ sets: [[Int]], leafCount: Int) {
        family = [Int](repeating: -1, count: sets.count)
        parent = [Int](repeating: -1, count: sets.count)
        let crossing = LaminarFamilies.crossingLists(sets, leafCount: leafCount)
        var queue: [Int] = []
        var used: [Int] = []
        for start in sets.indices where family[start] < 0 {
            family[start] = 0
            queue = [start]
            var head = 0
            while head < queue.count {
                let set = queue[head]
                head += 1
                for other in crossing[set] where family[other] < 0 {
                    // The first family no coloured neighbour has: from a mask of the first 64 families, and
                    // only when all of those are taken, from the list of every neighbour's family.
                    var taken: UInt64 = 0
                    for neighbour in crossing[other] where family[neighbour] >= 0 && family[neighbour] < 64 {
                        taken |= 1 << UInt64(family[neighbour])
                    }
                    var colour = (~taken).trailingZeroBitCount
                    if colour == 64 {
                        used.removeAll(keepingCapacity: true)
                        for neighbour in crossing[other] where family[neighbour] >= 0 { used.append(family[neighbour]) }
                        while used.contains(colour) { colour += 1 }
                    }
                    family[other] = colour
                    queue.append(other)
                }
            }
        }
        // Parents: within a family, taken largest first, a set nests under the smallest set holding it.
        count = (family.max() ?? -1) + 1
        var byFamily = [[Int]](repeating: [], count: count)
        for id in sets.indices { byFamily[family[id]].append(id) }
        var smallest = [Int](repeating: -1, count: leafCount)
        for ids in byFamily {
            for id in ids {
                parent[id] = smallest[sets[id][0]]
                for leaf in sets[id] { smallest[leaf] = id }
            }
            for id in ids { for leaf in sets[id] { smallest[leaf] = -1 } }
        }
    }

    /// The smallest set of family `f` holding each leaf (-1: none).
    static func smallestHolders(in f: Int, sets: [[Int]], family: [Int], leafCount: Int) -> [Int] {
        var smallest = [Int](repeating: -1, count: leafCount)
        for (id, set) in sets.enumerated() where family[id] == f {
            for leaf in set { smallest[leaf] = id }
        }
        return smallest
    }

    /// For each set, the sets it crosses (`crossingLists`, one list per set).
    static func crossings(_ sets: [[Int]], leafCount: Int) -> [[Int]] {
        let lists = crossingLists(sets, leafCount: leafCount)
        return sets.indices.map { Array(lists[$0]) }
    }

    /// Lists of sets in one flat array: list `i` is `entries[start[i]..<start[i + 1]]`.
    struct Lists {
        let start: [Int]
        let entries: [Int]
        subscript(i: Int) -> ArraySlice<Int> { entries[start[i]..<start[i + 1]] }
    }

    /// For each set, the sets it crosses: counts, per set, how many of its leaves each other set holds.
    /// Each list holds the earlier sets crossing it (ascending), then the later ones in the order they are
    /// met walking its leaves. The counting runs over raw buffers: it is most of the split's work. Crossing
    /// pairs are noted in one flat array as found, then laid out per set in that order (no list grows per set).
    static func crossingLists(_ sets: [[Int]], leafCount: Int) -> Lists {
        var start = [Int](repeating: 0, count: leafCount + 1)
        for set in sets { for leaf in set { start[leaf + 1] += 1 } }
        for i in 1..<start.count { start[i] += start[i - 1] }
        var holders = [Int](repeating: 0, count: start.last ?? 0)
        var fill = start
        for (id, set) in sets.enumerated() {
            for leaf in set { holders[fill[leaf]] = id; fill[leaf] += 1 }
        }
        let size = sets.map { $0.count }
        var pairs: [Int] = []
        var shared = [Int](repeating: 0, count: sets.count)
        var seen = [Int](repeating: 0, count: sets.count)
        // Holders are in set order, and sets are taken in that order: when set `id` comes, the holders of
        // each of its leaves before `next[leaf]` are earlier sets and `holders[next[leaf]]` is `id` itself.
        var next = start
        holders.withUnsafeBufferPointer { holders in
            start.withUnsafeBufferPointer { start in
                next.withUnsafeMutableBufferPointer { next in
                    shared.withUnsafeMutableBufferPointer { shared in
                        seen.withUnsafeMutableBufferPointer { seen in
                            for (id, set) in sets.enumerated() {
                                var seenCount = 0
                                for leaf in set {
                                    // Only pairs with a later (no larger) set are counted here: the holders after `id`.
                                    let first = next[leaf] + 1
                                    next[leaf] = first
                                    let end = start[leaf + 1]
                                    var k = first
                                    while k < end {
                                        let other = holders[k]
                                        if shared[other] == 0 {
                                            seen[seenCount] = other
                                            seenCount += 1
                                        }
                                        shared[other] += 1
                                        k += 1
                                    }
                                }
                                for s in 0..<seenCount {
                                    let other = seen[s]
                                    if shared[other] < size[other] && shared[other] < size[id] {
                                        pairs.append(id)
                                        pairs.append(other)
                                    }
                                    shared[other] = 0
                                }
                            }
                        }
                    }
                }
            }
        }
        var listStart = [Int](repeating: 0, count: sets.count + 1)
        for k in pairs.indices { listStart[pairs[k] + 1] += 1 }
        for i in 0..<sets.count { listStart[i + 1] += listStart[i] }
        var entries = [Int](repeating: 0, count: pairs.count)
        var listFill = listStart
        for k in stride(from: 0, to: pairs.count, by: 2) {
            let (a, b) = (pairs[k], pairs[k + 1])
            entries[listFill[a]] = b
            listFill[a] += 1
            entries[listFill[b]] = a
            listFill[b] += 1
        }
        return Lists(start: listStart, entries: entries)
    }
}
