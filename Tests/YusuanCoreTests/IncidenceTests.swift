import Testing
@testable import YusuanCore

/// `Lists.incidence`, the one builder of "for each item, the groups holding it" (the sets of each
/// leaf, the repair's outer sets and edges, the circulation's adjacency), held to a plain reference on random
/// groups: any subset of ids in any order, items repeated within a group, items no group holds.
@Suite struct IncidenceTests {
    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func incidenceIsThePlainOne(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = 1 + Int(random.next() % 30)
        let idCount = Int(random.next() % 25)
        let members: [[Int]] = (0..<idCount).map { _ in
            (0..<Int(random.next() % 8)).map { _ in Int(random.next() % UInt64(count)) }
        }
        // A random subset of the ids, shuffled; the builder keeps their order.
        var groups = (0..<idCount).filter { _ in random.next() % 4 != 0 }
        for i in groups.indices.reversed() where i > 0 { groups.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let lists = Lists.incidence(count: count, groups: groups) { group, visit in
            for item in members[group] { visit(item) }
        }
        #expect(lists.start.count == count + 1)
        for item in 0..<count {
            let plain = groups.flatMap { group in members[group].filter { $0 == item }.map { _ in group } }
            #expect(Array(lists[item]) == plain)
        }
    }
}
