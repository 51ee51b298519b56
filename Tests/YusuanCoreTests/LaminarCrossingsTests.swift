import Testing
@testable import YusuanCore

/// `LaminarFamilies.crossings` (counted over raw buffers) held to a pairwise oracle: two sets cross when they
/// share a leaf and neither holds the other; each set's list holds the earlier sets crossing it in ascending
/// order, then the later ones by the first of its leaves they hold (ties: ascending). The order matters: the
/// families are coloured in it.
@Suite struct LaminarCrossingsTests {
    static func oracle(_ sets: [[Int]]) -> [[Int]] {
        let members = sets.map(Set.init)
        return sets.indices.map { x in
            var earlier: [Int] = [], later: [(first: Int, id: Int)] = []
            for y in sets.indices where y != x {
                let shared = members[x].intersection(members[y])
                guard !shared.isEmpty, shared.count < sets[x].count, shared.count < sets[y].count else { continue }
                if y < x {
                    earlier.append(y)
                } else if let first = sets[x].first(where: { members[y].contains($0) }) {
                    later.append((first, y))
                }
            }
            later.sort { $0.first != $1.first ? $0.first < $1.first : $0.id < $1.id }
            return earlier + later.map(\.id)
        }
    }

    /// Random runs and runs with holes over 5–64 leaves (nested, disjoint and crossing sets), largest first as
    /// `AggregateStructure` gives them; with `everyLeaf`, the set of all leaves among them.
    static func randomSets(seed: UInt64, everyLeaf: Bool) -> (sets: [[Int]], leafCount: Int) {
        var random = SplitMix64(seed: seed)
        let leafCount = 5 + Int(random.next() % 60)
        var sets = Set<[Int]>()
        for _ in 0..<(3 + Int(random.next() % 40)) {
            let from = Int(random.next() % UInt64(leafCount))
            let length = 1 + Int(random.next() % UInt64(leafCount - from))
            let step = 1 + Int(random.next() % 3)
            sets.insert(Array(stride(from: from, to: from + length, by: step)))
        }
        if everyLeaf { sets.insert(Array(0..<leafCount)) }
        let ordered = sets.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        return (ordered, leafCount)
    }

    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func crossingsAreThePairwiseOnes(seed: UInt64) {
        let (sets, leafCount) = Self.randomSets(seed: seed, everyLeaf: false)
        #expect(LaminarFamilies.crossings(sets, leafCount: leafCount) == Self.oracle(sets))
    }

    /// A set of every leaf is passed over without counting (it holds every other set): the lists are still the
    /// pairwise ones.
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func aSetOfEveryLeafCrossesNone(seed: UInt64) {
        let (sets, leafCount) = Self.randomSets(seed: seed, everyLeaf: true)
        #expect(sets.first?.count == leafCount)
        #expect(LaminarFamilies.crossings(sets, leafCount: leafCount) == Self.oracle(sets))
    }

    /// Large sets (most of more than three fifths of the leaves, as the sets of a department's grand totals are),
    /// with runs among them, so that later sets nest in, cross and miss them: held to the same oracle.
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func setsOfMostLeavesCrossAsCounted(seed: UInt64) {
        var random = SplitMix64(seed: seed &+ 1_000)
        let (runs, leafCount) = Self.randomSets(seed: seed, everyLeaf: seed % 2 == 0)
        var sets = Set(runs)
        for _ in 0..<(5 + Int(random.next() % 20)) {
            let kept = 65 + Int(random.next() % 35)
            let set = (0..<leafCount).filter { _ in Int(random.next() % 100) < kept }
            if !set.isEmpty { sets.insert(set) }
        }
        let ordered = sets.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        let lists = LaminarFamilies.crossings(ordered, leafCount: leafCount)
        #expect(lists == Self.oracle(ordered))
        // Some set of more than three fifths (not all) of the leaves has later sets crossing it.
        #expect(ordered.indices.contains { id in
            5 * ordered[id].count > 3 * leafCount && ordered[id].count < leafCount && lists[id].contains { $0 > id }
        })
    }

    /// The sets holding each leaf (which the search reads as its sets per leaf, `AggregateStructure.setsOfLeaf`)
    /// held to a plain filter: for each leaf, every set holding it, ascending; also for leaves no set holds.
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func holdersAreTheSetsOfEachLeafAscending(seed: UInt64) {
        let (sets, leafCount) = Self.randomSets(seed: seed, everyLeaf: seed % 3 == 0)
        let holders = LaminarFamilies(sets, leafCount: leafCount + 2).holders
        #expect(holders.start.count == leafCount + 3)
        for leaf in 0..<(leafCount + 2) {
            #expect(Array(holders[leaf]) == sets.indices.filter { sets[$0].contains(leaf) })
        }
    }

    /// Each set's parent (read off its first leaf's holders) held to a plain search: the smallest other set of
    /// its family holding all its leaves, -1 when none (two such sets share its leaves, so one holds the other).
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func parentsAreTheSmallestHoldersInTheFamily(seed: UInt64) {
        let (sets, leafCount) = Self.randomSets(seed: seed, everyLeaf: seed % 2 == 0)
        let split = LaminarFamilies(sets, leafCount: leafCount)
        let members = sets.map(Set.init)
        for id in sets.indices {
            let holding = sets.indices.filter {
                $0 != id && split.family[$0] == split.family[id] && members[$0].isSuperset(of: members[id])
            }
            #expect(split.parent[id] == (holding.min { sets[$0].count < sets[$1].count } ?? -1))
        }
    }

    /// The colouring held to a plain one: breadth-first from each set not yet coloured (in set order), along
    /// the oracle's lists, each set taking the first family none of its coloured neighbours has (looked up in
    /// their families, not in masks kept as sets are coloured). With `clique`, 70 sets that all cross one
    /// another ({0, i + 1} over 70 more leaves), so that masks fill and families past 64 are taken.
    static func referenceFamilies(_ sets: [[Int]]) -> [Int] {
        let lists = oracle(sets)
        var family = [Int](repeating: -1, count: sets.count)
        for start in sets.indices where family[start] < 0 {
            family[start] = 0
            var queue = [start], head = 0
            while head < queue.count {
                let set = queue[head]
                head += 1
                for other in lists[set] where family[other] < 0 {
                    let used = Set(lists[other].map { family[$0] }.filter { $0 >= 0 })
                    family[other] = (0...).first { !used.contains($0) } ?? 0
                    queue.append(other)
                }
            }
        }
        return family
    }

    @Test(arguments: [false, true], 1...20 as ClosedRange<UInt64>)
    func familiesAreTheFirstFreeOnes(clique: Bool, seed: UInt64) {
        var (sets, leafCount) = Self.randomSets(seed: seed, everyLeaf: seed % 2 == 0)
        if clique {
            let extra = (0..<70).map { [leafCount, leafCount + 1 + $0] }
            sets = (sets + extra).sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
            leafCount += 71
        }
        let split = LaminarFamilies(sets, leafCount: leafCount)
        let expected = Self.referenceFamilies(sets)
        #expect(split.family == expected)
        #expect(split.count == (expected.max() ?? -1) + 1)
        if clique { #expect(split.count >= 70) }
    }

    /// Families are picked from a mask of the first 64 and, past them, from the neighbours' list: sets that all
    /// cross one another ({0, i + 1}: each pair shares leaf 0) take one family each, the 65th and 66th included.
    @Test func moreThanSixtyFourFamiliesTakeTheFirstFreeOne() {
        let sets = (0..<66).map { [0, $0 + 1] }
        let split = LaminarFamilies(sets, leafCount: 67)
        #expect(split.family == Array(0..<66))
        #expect(split.count == 66)
    }
}
