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
struct RoundingRepair {
    private let s: AggregateStructure
    /// The sets of the families the circulation did not handle.
    private let outer: [Int]
    private var net: RoundedNetwork
    /// Leaves up in each set (kept for the outer sets).
    private var count: [Int]
    /// Outer sets holding each leaf; edges at each node (both CSR).
    private let setsOfLeaf: [Int]
    private let setsStart: [Int]
    private var arcs: [Arc]
    /// The two arcs of each edge (edge `e`'s at `2e` and `2e + 1`), whose `leaves` change when it moves.
    private let arcsOfEdge: [Int]
    private let edgesStart: [Int]
    private var change: [Int]
    /// Each set's bounds (`AggregateStructure.bounds`), read on every cost change.
    private let low: [Int]
    private let high: [Int]
    private var touched: [Int] = []
    private var seen: [Int]
    private var via: [Int]
    /// The breadth-first queue of `closingPath`, one slot per node (a search queues a node at most once).
    private var queue: [Int]
    /// Searches that found no path, remembered for the epoch (`FailedSearch`), by source node and strictness.
    private var failed: [FailedSearch?]
    /// Work done by the search under way at the end of each node's turn, in queue order (`next` turns): a
    /// slot per node, since a node has one turn at most.
    private var workAfter: [Int]

    /// A search from `source` that reached every node it could without meeting its target. Within one epoch
    /// (and strictness) a search from the same source walks the same arcs in the same order whatever its
    /// target, and the edge it leaves out only leads back into the source, which it has already seen; so
    /// for a target it did not reach the search fails again, and its work is known: `workAfter` as it was,
    /// up to the node's turn where the work limit would have stopped it.
    private struct FailedSearch {
        var epoch: Int
        /// The nodes it reached, as bits.
        var reached: [UInt64]
        var workAfter: [Int]
    }
    private var stamp = 0
    /// Per set: the change in its distance from its range if one more of its leaves goes up (`upCost`) or
    /// one goes down (`downCost`), kept current as counts change (`apply`): the strict search asks for a
    /// leaf's own cost change again and again, and reads it as a sum of these over the leaf's outer sets.
    private var upCost: [Int]
    private var downCost: [Int]
    /// Counts and leaves change only when a cycle is applied, which starts a new epoch (`FailedSearch`).
    private var epoch = 1
    /// Per leaf, whether its own move would hurt an outer set (`singleCostChange` > 0), as `2 × epoch + 1`
    /// when it would and `2 × epoch` when not: worked out once per epoch, since the strict searches of
    /// one epoch ask again for the same leaves (an older epoch's entry is stale; 0 is none).
    private var strictMemo: [Int]
    private var work = 0
    private let workLimit: Int

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
        (setsStart, setsOfLeaf) = RoundingRepair.incidence(count: leafCount, groups: outer) { set, visit in
            for leaf in s.members[set] { visit(leaf) }
        }
        let edgesAt: [Int]
        // The edges at each node, in edge order, an edge listed at its tail and then at its head.
        (edgesStart, edgesAt) = RoundingRepair.incidence(count: network.nodeCount, groups: Array(network.tail.indices)) { e, visit in
            visit(network.tail[e])
            visit(network.head[e])
        }
        (arcs, arcsOfEdge) = RoundingRepair.arcs(network, edgesStart: edgesStart, edgesAt: edgesAt)
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
    private func singleCostChange(_ leaf: Int) -> Int {
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
        guard let path = closingPath(of: net.firstLeafEdge + leaf, strict: strict) else { return false }
        let leaves = [leaf] + path.filter { $0 >= net.firstLeafEdge }.map { $0 - net.firstLeafEdge }
        guard costChange(leaves) < 0 else { return false }
        for edge in path + [net.firstLeafEdge + leaf] {
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

    /// The edges of a residual path that closes a cycle with `edge` moved off its current bound,
    /// avoiding the grand total and leaves whose own move would hurt an outer set.
    private mutating func closingPath(of edge: Int, strict: Bool) -> [Int]? {
        // Moving up, the edge carries flow from tail to head, so the path runs back from head to tail.
        let source = net.up[edge] ? net.tail[edge] : net.head[edge]
        let target = net.up[edge] ? net.head[edge] : net.tail[edge]
        let slot = 2 * source + (strict ? 1 : 0)
        if let known = failed[slot], known.epoch == epoch, known.reached[target >> 6] & (1 << UInt64(target & 63)) == 0 {
            // The same walk again: the same failure, and the work it would count (see `FailedSearch`).
            let total = known.workAfter.last ?? 0
            if work + total < workLimit {
                work += total
            } else if let turn = known.workAfter.firstIndex(where: { work + $0 >= workLimit }) {
                work += known.workAfter[turn]
            }
            return nil
        }
        let startWork = work
        stamp += 1
        let stamp = self.stamp
        // The walk runs on raw buffers: the arrays it writes are moved out of `self` for it, and every index
        // in it is a node or an edge of the network.
        var (seen, via, queue, strictMemo, workAfter) = ([Int](), [Int](), [Int](), [Int](), [Int]())
        swap(&seen, &self.seen)
        swap(&via, &self.via)
        swap(&queue, &self.queue)
        swap(&strictMemo, &self.strictMemo)
        swap(&workAfter, &self.workAfter)
        var (next, queued, found) = (0, 1, false)
        let firstLeafEdge = net.firstLeafEdge
        let (fresh, hurts) = (2 * epoch, 2 * epoch + 1)
        seen.withUnsafeMutableBufferPointer { seen in
        via.withUnsafeMutableBufferPointer { via in
        queue.withUnsafeMutableBufferPointer { queue in
        strictMemo.withUnsafeMutableBufferPointer { strictMemo in
        workAfter.withUnsafeMutableBufferPointer { workAfter in
        arcs.withUnsafeBufferPointer { arcs in
        edgesStart.withUnsafeBufferPointer { edgesStart in
            seen[source] = stamp
            queue[0] = source
            walk: while next < queued {
                let node = queue[next]
                next += 1
                // One unit of work per arc looked at: all of the node's, or up to the one reaching the target.
                let end = edgesStart[node + 1]
                work += end - edgesStart[node]
                for k in edgesStart[node]..<end {
                    let arc = arcs[k]
                    let e = arc.edge
                    // Only residual arcs leaving this node (`Arc.leaves`), and not the edge being closed.
                    guard arc.leaves, e != edge else { continue }
                    let reached = arc.other
                    guard seen[reached] != stamp else { continue }
                    if strict && e >= firstLeafEdge {
                        let leaf = e - firstLeafEdge
                        var memo = strictMemo[leaf]
                        if memo != fresh && memo != hurts {
                            memo = singleCostChange(leaf) > 0 ? hurts : fresh
                            strictMemo[leaf] = memo
                        }
                        if memo == hurts { continue }
                    }
                    seen[reached] = stamp
                    via[reached] = e
                    if reached == target {
                        work -= end - (k + 1)
                        found = true
                        break walk
                    }
                    queue[queued] = reached
                    queued += 1
                }
                workAfter[next - 1] = work - startWork
                if work >= workLimit { break }
            }
        }}}}}}}
        // Remembered only when the search ran to its end without reaching the target.
        if next == queued, seen[target] != stamp {
            var reached = [UInt64](repeating: 0, count: (seen.count + 63) >> 6)
            for node in queue[0..<queued] { reached[node >> 6] |= 1 << UInt64(node & 63) }
            failed[slot] = FailedSearch(epoch: epoch, reached: reached, workAfter: Array(workAfter[0..<next]))
        }
        swap(&seen, &self.seen)
        swap(&via, &self.via)
        swap(&queue, &self.queue)
        swap(&strictMemo, &self.strictMemo)
        swap(&workAfter, &self.workAfter)
        return found ? path(to: target, from: source) : nil
    }

    private func path(to target: Int, from source: Int) -> [Int] {
        var edges: [Int] = []
        var node = target
        while node != source {
            let e = via[node]
            edges.append(e)
            node = net.up[e] ? net.head[e] : net.tail[e]
        }
        return edges
    }
}
