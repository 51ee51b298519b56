/// Bounded local search that brings the sets of the other laminar families (the outer sets) back
/// within one unit, without ever disturbing the two families the circulation rounded.
///
/// The rounded circulation can be changed along any cycle of its residual graph (an edge at its floor
/// may go up, one at its ceiling may come down; edges whose exact flow is whole never move): every
/// node stays balanced, so every set of the two families it was built on stays within one unit, and the grand total
/// (never moved) stays at its nearest unit. For a set of another family that is out of range, the
/// search takes one of its leaves that may move the needed way and looks, breadth first, for a path
/// closing a cycle through it, using only leaves whose move does not by itself push a set of the other
/// families out of range. The cycle is applied only when it lowers the total distance of those sets
/// from their ranges, so the search cannot cycle; it stops after `workLimit` elementary steps anyway.
///
/// The state and the moves are here; the search for a closing path is in RoundingRepair+ClosingPath.swift,
/// the incidence lists in RoundingRepair+Incidence.swift (members read there are internal for that reason only).
struct RoundingRepair {
    private let s: AggregateStructure
    /// The sets of the families the circulation did not handle.
    private let outer: [Int]
    var net: RoundedNetwork
    /// Leaves up in each set (kept for the outer sets).
    private var count: [Int]
    /// Outer sets holding each leaf; edges at each node (both CSR).
    private let setsOfLeaf: [Int]
    private let setsStart: [Int]
    var arcs: [Arc]
    /// The two arcs of each edge (edge `e`'s at `2e` and `2e + 1`), whose `leaves` change when it moves.
    private let arcsOfEdge: [Int]
    let edgesStart: [Int]
    private var change: [Int]
    /// Each set's bounds (`AggregateStructure.bounds`), read on every cost change.
    private let low: [Int]
    private let high: [Int]
    private var touched: [Int] = []
    var seen: [Int]
    var via: [Int]
    /// The breadth-first queue of `closingPath`, one slot per node (a search queues a node at most once).
    var queue: [Int]
    /// Searches that found no path, remembered for the epoch (`FailedSearch`), by source node and strictness.
    var failed: [FailedSearch?]
    /// Work done by the search under way at the end of each node's turn, in queue order (`next` turns): a
    /// slot per node, since a node has one turn at most.
    var workAfter: [Int]

    var stamp = 0
    /// Per set: the change in its distance from its range if one more of its leaves goes up (`upCost`) or
    /// one goes down (`downCost`), kept current as counts change (`apply`): the strict search asks for a
    /// leaf's own cost change again and again, and reads it as a sum of these over the leaf's outer sets.
    private var upCost: [Int]
    private var downCost: [Int]
    /// Counts and leaves change only when a cycle is applied, which starts a new epoch (`FailedSearch`).
    var epoch = 1
    /// Per leaf, whether its own move would hurt an outer set (`singleCostChange` > 0), as `2 × epoch + 1`
    /// when it would and `2 × epoch` when not: worked out once per epoch, since the strict searches of
    /// one epoch ask again for the same leaves (an older epoch's entry is stale; 0 is none).
    var strictMemo: [Int]
    var work = 0
    let workLimit: Int

    /// Improves the rounded network in place; returns the work spent and the sets still out of range.
    static func repair(_ s: AggregateStructure, network: inout RoundedNetwork, outside exact: (Int, Int),
                       workLimit: Int) -> (work: Int, unresolved: Int) {
        var search = RoundingRepair(s, network: network, outside: exact, workLimit: workLimit)
        search.run()
        network = search.net
        let unresolved = search.outer.filter { search.excess($0, search.count[$0]) > 0 }.count
        return (search.work, unresolved)
    }

    private init(_ s: AggregateStructure, network: RoundedNetwork, outside exact: (Int, Int), workLimit: Int) {
        self.s = s
        net = network
        self.workLimit = workLimit
        let leafCount = s.fractionalLeaves.count
        outer = s.members.indices.filter { s.family[$0] != exact.0 && s.family[$0] != exact.1 }
        let setsAt = Lists.incidence(count: leafCount, groups: outer) { set, visit in
            for leaf in s.members[set] { visit(leaf) }
        }
        (setsStart, setsOfLeaf) = (setsAt.start, setsAt.entries)
        // The edges at each node, in edge order, an edge listed at its tail and then at its head.
        let edgesAt = Lists.incidence(count: network.nodeCount, groups: network.tail.indices) { e, visit in
            visit(network.tail[e])
            visit(network.head[e])
        }
        edgesStart = edgesAt.start
        (arcs, arcsOfEdge) = RoundingRepair.arcs(network, edgesStart: edgesStart, edgesAt: edgesAt.entries)
        // Counts are read only for the outer sets (the others stay 0); a set's members are fractional leaves,
        // each with its edge.
        var count = [Int](repeating: 0, count: s.members.count)
        let outer = self.outer
        let firstLeafEdge = network.firstLeafEdge
        network.up.withUnsafeBufferPointer { up in
            for set in outer {
                var ups = 0
                for leaf in s.members[set] where up[firstLeafEdge &+ leaf] { ups &+= 1 }
                count[set] = ups
            }
        }
        self.count = count
        change = [Int](repeating: 0, count: s.members.count)
        low = s.members.indices.map { s.bounds(of: $0).low }
        high = s.members.indices.map { s.bounds(of: $0).high }
        upCost = [Int](repeating: 0, count: s.members.count)
        downCost = [Int](repeating: 0, count: s.members.count)
        strictMemo = [Int](repeating: 0, count: leafCount)
        seen = [Int](repeating: 0, count: network.nodeCount)
        via = [Int](repeating: -1, count: network.nodeCount)
        queue = [Int](repeating: 0, count: network.nodeCount)
        workAfter = [Int](repeating: 0, count: network.nodeCount)
        failed = [FailedSearch?](repeating: nil, count: 2 * network.nodeCount)
        for set in outer { refreshCosts(set) }
    }

    private func excess(_ set: Int, _ value: Int) -> Int {
        let (low, high) = (low[set], high[set])
        return value > high ? value - high : (value < low ? low - value : 0)
    }

    private func isUp(_ leaf: Int) -> Bool { net.up[net.firstLeafEdge + leaf] }

    /// Change in total distance (over the outer sets) if all `leaves` switch between floor and ceiling.
    private mutating func costChange(_ leaves: [Int]) -> Int {
        for leaf in leaves {
            let delta = isUp(leaf) ? -1 : 1
            for k in setsStart[leaf]..<setsStart[leaf + 1] {
                change[setsOfLeaf[k]] += delta
                touched.append(setsOfLeaf[k])
            }
        }
        var total = 0
        for set in touched where change[set] != 0 {
            total += excess(set, count[set] + change[set]) - excess(set, count[set])
            change[set] = 0
        }
        work += touched.count + 1
        touched.removeAll(keepingCapacity: true)
        return total
    }

    /// Change in total distance if `leaf` alone switches between floor and ceiling.
    /// On raw buffers: the leaf's entries are outer sets, and a cost is -1, 0 or 1 (the sum cannot overflow).
    func singleCostChange(_ leaf: Int) -> Int {
        let range = setsStart[leaf]..<setsStart[leaf + 1]
        func sum(_ cost: UnsafeBufferPointer<Int>, _ setsOfLeaf: UnsafeBufferPointer<Int>) -> Int {
            var total = 0
            for k in range { total &+= cost[setsOfLeaf[k]] }
            return total
        }
        return setsOfLeaf.withUnsafeBufferPointer { setsOfLeaf in
            isUp(leaf) ? downCost.withUnsafeBufferPointer { sum($0, setsOfLeaf) }
                       : upCost.withUnsafeBufferPointer { sum($0, setsOfLeaf) }
        }
    }

    /// Sets `upCost` and `downCost` of `set` from its count.
    private mutating func refreshCosts(_ set: Int) {
        let now = excess(set, count[set])
        upCost[set] = excess(set, count[set] + 1) - now
        downCost[set] = excess(set, count[set] - 1) - now
    }

    private mutating func run() {
        var improved = true
        while improved && work < workLimit {
            improved = false
            for set in outer where excess(set, count[set]) > 0 && work < workLimit {
                if fix(set) { improved = true }
            }
        }
    }

    /// Applies one improving cycle through a leaf of `set`, if one is found.
    private mutating func fix(_ set: Int) -> Bool {
        let wantsUp = count[set] < low[set]
        for strict in [true, false] {
            for leaf in s.members[set] where isUp(leaf) != wantsUp {
                guard work < workLimit else { return false }
                if apply(leaf, strict: strict) { return true }
            }
        }
        return false
    }

    /// Moves `leaf` and a cycle closing through it, if such a cycle lowers the cost.
    private mutating func apply(_ leaf: Int, strict: Bool) -> Bool {
        let firstLeafEdge = net.firstLeafEdge
        guard let path = closingPath(of: firstLeafEdge + leaf, strict: strict) else { return false }
        // The moved leaves in one list (the leaf, then the path's leaves), the moved edges read in place.
        var leaves = [leaf]
        leaves.reserveCapacity(path.count + 1)
        for edge in path where edge >= firstLeafEdge { leaves.append(edge - firstLeafEdge) }
        guard costChange(leaves) < 0 else { return false }
        for i in 0...path.count {
            let edge = i < path.count ? path[i] : firstLeafEdge + leaf
            net.up[edge].toggle()
            for side in 0..<2 {
                let k = arcsOfEdge[2 * edge + side]
                arcs[k].leaves = Arc.leaves(usable: arcs[k].usable, up: net.up[edge], atTail: arcs[k].atTail)
            }
        }
        epoch += 1
        for moved in leaves {
            for k in setsStart[moved]..<setsStart[moved + 1] { count[setsOfLeaf[k]] += isUp(moved) ? 1 : -1 }
        }
        for moved in leaves {
            for k in setsStart[moved]..<setsStart[moved + 1] { refreshCosts(setsOfLeaf[k]) }
        }
        return true
    }
}
