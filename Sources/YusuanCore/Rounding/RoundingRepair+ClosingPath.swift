/// The search for a path closing a cycle through a leaf that the repair would move (`closingPath`), and the
/// memory of the searches that failed (`FailedSearch`).
extension RoundingRepair {
    /// A search from `source` that reached every node it could without meeting its target. Within one epoch
    /// (and strictness) a search from the same source walks the same arcs in the same order whatever its
    /// target, and the edge it leaves out only leads back into the source, which it has already seen; so
    /// for a target it did not reach the search fails again, and its work is known: `workAfter` as it was,
    /// up to the node's turn where the work limit would have stopped it.
    struct FailedSearch {
        var epoch: Int
        /// The nodes it reached, as bits.
        var reached: [UInt64]
        var workAfter: [Int]
    }

    /// The edges of a residual path that closes a cycle with `edge` moved off its current bound,
    /// avoiding the grand total and leaves whose own move would hurt an outer set.
    mutating func closingPath(of edge: Int, strict: Bool) -> [Int]? {
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
                    // Only residual arcs leaving this node (`Arc.leaves`). The edge being closed needs no test of
                    // its own: its residual arc runs from `target` to `source`, so at `source` it does not leave,
                    // and `target` is never taken from the queue (reaching it ends the search).
                    guard arc.leaves else { continue }
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

    func path(to target: Int, from source: Int) -> [Int] {
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
