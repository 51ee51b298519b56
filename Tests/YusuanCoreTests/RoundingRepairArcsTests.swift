import Testing
@testable import YusuanCore

/// The repair's arcs carry whether they leave their node in the residual graph (`Arc.leaves`) instead of the
/// search reading the edge's bound each time: held to that rule worked out from the network, and each edge's
/// two arc positions (`arcsOfEdge`) to its two incidences, on random networks.
@Suite struct RoundingRepairArcsTests {
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func arcsFollowTheResidualRule(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let nodeCount = 2 + Int(random.next() % 40)
        let edgeCount = 1 + Int(random.next() % 120)
        var tail: [Int] = [], head: [Int] = []
        for _ in 0..<edgeCount {
            let t = Int(random.next() % UInt64(nodeCount))
            // No loops: the network never has one (its edges join a set to another set or a root).
            let h = (t + 1 + Int(random.next() % UInt64(nodeCount - 1))) % nodeCount
            tail.append(t)
            head.append(h)
        }
        let open = (0..<edgeCount).map { _ in random.next() % 4 != 0 }
        let up = (0..<edgeCount).map { _ in random.next() % 2 == 0 }
        let network = RoundedNetwork(tail: tail, head: head, open: open, up: up, nodeCount: nodeCount, firstLeafEdge: 1)
        let lists = Lists.incidence(count: nodeCount, groups: 0..<edgeCount) { e, visit in
            visit(tail[e])
            visit(head[e])
        }
        let (start, at) = (lists.start, lists.entries)
        let (arcs, arcsOfEdge) = RoundingRepair.arcs(network, edgesStart: start, edgesAt: at)
        #expect(arcs.count == 2 * edgeCount)
        for node in 0..<nodeCount {
            for k in start[node]..<start[node + 1] {
                let e = arcs[k].edge
                #expect(e == at[k])
                #expect(arcs[k].other == (tail[e] == node ? head[e] : tail[e]))
                #expect(arcs[k].usable == (e != 0 && open[e]))
                // Up, the edge may come down (head → tail); down, it may go up (tail → head).
                let leaves = e != 0 && open[e] && (up[e] ? head[e] == node : tail[e] == node)
                #expect(arcs[k].leaves == leaves)
            }
        }
        for e in 0..<edgeCount {
            let pair = [arcsOfEdge[2 * e], arcsOfEdge[2 * e + 1]]
            #expect(Set(pair) == Set(at.indices.filter { at[$0] == e }))
        }
    }
}
