/// Controlled rounding for two laminar families, as the rounding of a circulation (the network view of
/// Causey, Cox and Ernst 1985; the cycle shifting of Cox 1987, made deterministic).
///
/// Network: a root node per family, a node per set. One family points down its tree (root → set →
/// subset), the other up its tree (subset → set → root), each fractional leaf is an edge from its
/// smallest set in the first family to its smallest set in the second, and an edge from the second
/// root back to the first closes the circulation. The flow on a set's edge is the sum of the leaves under it, so rounding
/// every edge's flow to floor or ceiling while keeping conservation rounds every set to floor or
/// ceiling of its exact sum. Only the fractional part of each flow is kept, in 分 (0...unit).
///
/// Rounding the circulation: at every node the fractional parts sum to whole units, so a node never
/// has exactly one fractional edge and every fractional edge lies on a cycle of fractional edges.
/// Shifting flow around such a cycle until one edge reaches a whole unit keeps every node balanced;
/// each shift settles at least one edge, so at most one shift per edge. The direction of each shift
/// moves the cycle's most prominent edge (the largest set; the grand total first) toward its nearest
/// unit, so the grand total is always rounded to nearest and large totals usually are.
struct CirculationRounding {
    private let unit: Int64
    private var tail: [Int] = []
    private var head: [Int] = []
    private var flow: [Int64] = []
    private var nearestUp: [Bool] = []
    /// Whether the edge's exact flow is fractional, that is, whether rounding may move it at all.
    private var open: [Bool] = []
    private var adjacency: [Int] = []
    private var adjacencyStart: [Int] = []
    private var adjacencyCount: [Int] = []

    /// Rounds the circulation of two families: afterwards every set of those families is within one unit.
    static func round(_ s: AggregateStructure, families: (down: Int, up: Int)) -> RoundedNetwork {
        var network = CirculationRounding(s, families: families)
        network.round()
        let unit = network.unit
        let up = network.flow.map { $0 == unit || ($0 != 0 && RoundingMath.roundsUp($0, unit: unit)) }
        return RoundedNetwork(tail: network.tail, head: network.head, open: network.open, up: up,
                              nodeCount: network.adjacencyStart.count,
                              firstLeafEdge: network.flow.count - s.fractionalLeaves.count)
    }

    private init(_ s: AggregateStructure, families: (down: Int, up: Int)) {
        unit = s.unit
        let unit = s.unit
        // Nodes: 0 and 1 are the roots of the down and up families; then one node per set of those families, in
        // set order (`used`, written once into its largest possible size, as are the edge arrays below).
        var node = [Int](repeating: -1, count: s.family.count)
        let used = node.withUnsafeMutableBufferPointer { node in
            [Int](unsafeUninitializedCapacity: s.family.count) { used, count in
                for set in s.family.indices where s.family[set] == families.down || s.family[set] == families.up {
                    node[set] = 2 &+ count
                    used.initializeElement(at: count, to: set)
                    count &+= 1
                }
            }
        }
        let nodeCount = 2 + used.count
        func nodeOf(_ set: Int, root: Int) -> Int { set < 0 ? root : node[set] }
        // Edges in order of prominence: the grand total, the sets largest first, then the leaves (which must come
        // last and stay in leaf order), each edge's ends, flow and bounds written in one pass, and the fractional
        // edges listed on the way.
        let (down, up) = (s.deepest(in: families.down), s.deepest(in: families.up))
        let firstLeafEdge = 1 + used.count
        let edgeCount = firstLeafEdge + s.remainders.count
        var tail = [Int](repeating: 0, count: edgeCount)
        var head = [Int](repeating: 0, count: edgeCount)
        var flow = [Int64](repeating: 0, count: edgeCount)
        var open = [Bool](repeating: false, count: edgeCount)
        var nearestUp = [Bool](repeating: false, count: edgeCount)
        let fractional = [Int](unsafeUninitializedCapacity: edgeCount) { fractional, fractionalCount in
            tail.withUnsafeMutableBufferPointer { tail in
            head.withUnsafeMutableBufferPointer { head in
            flow.withUnsafeMutableBufferPointer { flow in
            open.withUnsafeMutableBufferPointer { open in
            nearestUp.withUnsafeMutableBufferPointer { nearestUp in
                // Every `e` is below `edgeCount`, the size of each array.
                func edge(_ e: Int, tail t: Int, head h: Int, flow f: Int64) {
                    (tail[e], head[e], flow[e]) = (t, h, f)
                    open[e] = f > 0
                    nearestUp[e] = RoundingMath.roundsUp(f, unit: unit)
                    if Self.isFractional(f, unit: unit) {
                        fractional.initializeElement(at: fractionalCount, to: e)
                        fractionalCount &+= 1
                    }
                }
                edge(0, tail: 1, head: 0, flow: s.totalRemainder)
                for (k, set) in used.enumerated() {
                    let isDown = s.family[set] == families.down
                    edge(1 &+ k, tail: isDown ? nodeOf(s.parent[set], root: 0) : node[set],
                         head: isDown ? node[set] : nodeOf(s.parent[set], root: 1), flow: s.remainder[set])
                }
                for leaf in s.remainders.indices {
                    edge(firstLeafEdge &+ leaf, tail: nodeOf(down[leaf], root: 0), head: nodeOf(up[leaf], root: 1),
                         flow: s.remainders[leaf])
                }
            }}}}}
        }
        (self.tail, self.head, self.flow, self.open, self.nearestUp) = (tail, head, flow, open, nearestUp)
        // Adjacency lists of fractional edges, as one array of per-node segments (each edge at its tail, then
        // at its head, in edge order), by the one incidence builder; every end is a node numbered above.
        let lists = Lists.incidence(count: nodeCount, groups: fractional) { [tail, head] e, visit in
            visit(tail[e])
            visit(head[e])
        }
        let start = lists.start
        adjacencyStart = Array(start[0..<nodeCount])
        adjacencyCount = (0..<nodeCount).map { start[$0 + 1] - start[$0] }
        adjacency = lists.entries
    }

    /// Whether `0 < flow < unit`, in one unsigned comparison: the flow less one (wrapped) below `unit - 1`,
    /// `unit` being at least 1. The walk tests it at every edge it looks at.
    static func isFractional(_ flow: Int64, unit: Int64) -> Bool {
        UInt64(bitPattern: flow &- 1) < UInt64(bitPattern: unit &- 1)
    }

    /// Settles every edge, taking the edges in order of prominence: walk from the edge along fractional
    /// edges until the walk meets itself, shift around the cycle found, and go on from where it closed.
    /// The walk is most of the rounding's steps, so it runs on raw buffers of the network's arrays (moved
    /// out of `self` for the walk); every index in it is a node or an edge of this network.
    private mutating func round() {
        var walk = CirculationWalk(unit: unit, tail: tail, head: head, nearestUp: nearestUp, start: adjacencyStart)
        swap(&walk.flow, &flow)
        swap(&walk.adjacency, &adjacency)
        swap(&walk.count, &adjacencyCount)
        walk.run()
        swap(&walk.flow, &flow)
        swap(&walk.adjacency, &adjacency)
        swap(&walk.count, &adjacencyCount)
    }
}

/// The cycle walk of `CirculationRounding.round`: the arrays it reads and the three it changes (the
/// flows, and the adjacency segments with their counts, from which settled edges are dropped).
private struct CirculationWalk {
    let unit: Int64
    let tail: [Int]
    let head: [Int]
    let nearestUp: [Bool]
    let start: [Int]
    var flow: [Int64] = []
    var adjacency: [Int] = []
    var count: [Int] = []

    init(unit: Int64, tail: [Int], head: [Int], nearestUp: [Bool], start: [Int]) {
        (self.unit, self.tail, self.head, self.nearestUp, self.start) = (unit, tail, head, nearestUp, start)
    }

    mutating func run() {
        // A path holds each node at most once, so one slot per node holds its nodes, its edges and their senses.
        var onPath = [Int](repeating: -1, count: start.count)
        var pathNodes = [Int](repeating: 0, count: start.count)
        var pathEdges = [Int](repeating: 0, count: start.count)
        var pathForward = [Bool](repeating: false, count: start.count)
        let unit = self.unit
        tail.withUnsafeBufferPointer { tail in
        head.withUnsafeBufferPointer { head in
        nearestUp.withUnsafeBufferPointer { nearestUp in
        start.withUnsafeBufferPointer { start in
        flow.withUnsafeMutableBufferPointer { flow in
        adjacency.withUnsafeMutableBufferPointer { adjacency in
        count.withUnsafeMutableBufferPointer { count in
        onPath.withUnsafeMutableBufferPointer { onPath in
        pathNodes.withUnsafeMutableBufferPointer { nodes in
        pathEdges.withUnsafeMutableBufferPointer { edges in
        pathForward.withUnsafeMutableBufferPointer { forward in
            func isFractional(_ e: Int) -> Bool { CirculationRounding.isFractional(flow[e], unit: unit) }
            /// A fractional edge at `node` other than `arrived`; settled edges met on the way are dropped for good.
            /// The end of the node's list is kept in a local while its settled edges are dropped, and stored once.
            func nextEdge(at node: Int, other arrived: Int) -> Int? {
                let first = start[node]
                var end = first &+ count[node]
                var i = first
                while i < end {
                    let e = adjacency[i]
                    if !isFractional(e) {
                        end &-= 1
                        adjacency.swapAt(i, end)
                        continue
                    }
                    if e != arrived {
                        count[node] = end &- first
                        return e
                    }
                    i &+= 1
                }
                count[node] = end &- first
                return nil
            }
            /// Shifts flow around the cycle `edges[j..<edgeCount]` closed by `closing` until an edge reaches a
            /// whole unit; `nodes[i]` is the node the walk left by edge `edges[i]`, `forward[i]` whether that is
            /// the edge's tail (noted as the edge joined the path, so the two passes below read no ends). The
            /// direction moves the cycle's most prominent edge (the lowest: edges are in order of prominence)
            /// toward its nearest unit. An edge goes up when it is walked in the same sense as the lead, relative
            /// to the lead's wish: one pass finds the lead and the step for either outcome, a second moves the flows.
            func shift(edgeCount: Int, closedBy closing: Int, forward closingForward: Bool, from j: Int) {
                // The closing edge in the slot after the path (a path of `edgeCount` edges leaves one free).
                edges[edgeCount] = closing
                forward[edgeCount] = closingForward
                var (lead, leadEdge) = (j, edges[j])
                var stepIfForwardUp = unit, stepIfBackwardUp = unit
                var i = j
                while i <= edgeCount {
                    let e = edges[i]
                    if e < leadEdge { (lead, leadEdge) = (i, e) }
                    // Every edge of the cycle is fractional (0 < f < unit), and a step is at most each edge's
                    // distance to 0 or `unit` the way it moves: the flows stay in 0...unit, so plain wrapping
                    // arithmetic is exact here and below.
                    let f = flow[e]
                    if forward[i] {
                        stepIfForwardUp = min(stepIfForwardUp, unit &- f)
                        stepIfBackwardUp = min(stepIfBackwardUp, f)
                    } else {
                        stepIfForwardUp = min(stepIfForwardUp, f)
                        stepIfBackwardUp = min(stepIfBackwardUp, unit &- f)
                    }
                    i &+= 1
                }
                let forwardUp = forward[lead] == nearestUp[leadEdge]
                let step = forwardUp ? stepIfForwardUp : stepIfBackwardUp
                i = j
                while i <= edgeCount {
                    flow[edges[i]] &+= forward[i] == forwardUp ? step : 0 &- step
                    i &+= 1
                }
            }
            for first in 0..<flow.count where isFractional(first) {
                var stuck = false
                while isFractional(first) && !stuck {
                    nodes[0] = tail[first]
                    nodes[1] = head[first]
                    edges[0] = first
                    forward[0] = true
                    // A path of `edgeCount` edges has `edgeCount + 1` nodes; both stay below the node count.
                    var nodeCount = 2
                    var edgeCount = 1
                    onPath[tail[first]] = 0
                    onPath[head[first]] = 1
                    while edgeCount > 0 {
                        let current = nodes[nodeCount &- 1]
                        guard let next = nextEdge(at: current, other: edges[edgeCount &- 1]) else { stuck = true; break }
                        let isTail = tail[next] == current
                        let reached = isTail ? head[next] : tail[next]
                        let j = onPath[reached]
                        if j < 0 {
                            onPath[reached] = nodeCount
                            nodes[nodeCount] = reached
                            nodeCount &+= 1
                            edges[edgeCount] = next
                            forward[edgeCount] = isTail
                            edgeCount &+= 1
                            continue
                        }
                        shift(edgeCount: edgeCount, closedBy: next, forward: isTail, from: j)
                        for k in (j &+ 1)..<nodeCount { onPath[nodes[k]] = -1 }
                        nodeCount = j &+ 1
                        edgeCount = j
                    }
                    for k in 0..<nodeCount { onPath[nodes[k]] = -1 }
                }
            }
        }}}}}}}}}}}
    }
}

/// The circulation after rounding: every edge's flow is its floor (`up` false) or its ceiling.
/// Edge 0 is the grand total, then the sets of the two families, then one edge per fractional leaf.
struct RoundedNetwork {
    let tail: [Int]
    let head: [Int]
    /// Whether the edge may be at either bound (its exact flow is fractional).
    let open: [Bool]
    var up: [Bool]
    let nodeCount: Int
    let firstLeafEdge: Int

    /// Which fractional leaves go up.
    var leavesUp: [Bool] { Array(up[firstLeafEdge...]) }
}
