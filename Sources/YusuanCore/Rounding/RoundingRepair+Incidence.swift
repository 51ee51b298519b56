/// The edges at each node as the repair reads them (arcs). Its incidence lists (the outer sets at each leaf, the
/// edges at each node) come from `Lists.incidence`, the one builder of such lists.
extension RoundingRepair {
    /// An edge at a node as the search reads it, in one load: the edge, its other end, whether the node is its
    /// tail, whether a path may use the edge at all (not the grand total, and its exact flow fractional), and
    /// whether it now leaves the node in the residual graph (`leaves`, kept current as edges move).
    struct Arc {
        var edge: Int
        var other: Int
        var atTail: Bool
        var usable: Bool
        var leaves: Bool

        /// Residual arcs: an edge at its floor may go up (tail → head), at its ceiling down (head → tail); so
        /// a usable edge leaves the node when it is up and the node is its head, or down and its tail.
        static func leaves(usable: Bool, up: Bool, atTail: Bool) -> Bool { usable && up != atTail }
    }

    /// One arc per incidence of `edgesAt`, in its order (the CSR offsets run over all of them), and the
    /// positions of each edge's two arcs. Built on raw buffers: every index is an edge or a node of the network.
    static func arcs(_ network: RoundedNetwork, edgesStart: [Int], edgesAt: [Int]) -> (arcs: [Arc], arcsOfEdge: [Int]) {
        // Each edge is listed twice (at its tail, then at its head), so each of its two slots is written once.
        var filled = [Int](repeating: 0, count: network.tail.count)
        var arcsOfEdge = [Int](repeating: 0, count: 2 * network.tail.count)
        let arcs = [Arc](unsafeUninitializedCapacity: edgesAt.count) { arcs, initialized in
            edgesStart.withUnsafeBufferPointer { edgesStart in
            edgesAt.withUnsafeBufferPointer { edgesAt in
            network.tail.withUnsafeBufferPointer { tail in
            network.head.withUnsafeBufferPointer { head in
            network.open.withUnsafeBufferPointer { open in
            network.up.withUnsafeBufferPointer { up in
            filled.withUnsafeMutableBufferPointer { filled in
            arcsOfEdge.withUnsafeMutableBufferPointer { arcsOfEdge in
                for node in 0..<network.nodeCount {
                    for k in edgesStart[node]..<edgesStart[node &+ 1] {
                        // A loop (tail = head) leads back to its node, which the search has always seen.
                        let e = edgesAt[k]
                        let atTail = tail[e] == node
                        let usable = e != 0 && open[e]
                        arcs.initializeElement(at: k, to: Arc(edge: e, other: atTail ? head[e] : tail[e], atTail: atTail,
                                                              usable: usable,
                                                              leaves: Arc.leaves(usable: usable, up: up[e], atTail: atTail)))
                        arcsOfEdge[2 &* e &+ filled[e]] = k
                        filled[e] &+= 1
                    }
                }
            }}}}}}}}
            initialized = edgesAt.count
        }
        return (arcs, arcsOfEdge)
    }
}
