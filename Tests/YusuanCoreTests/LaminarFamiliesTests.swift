import Testing
@testable import YusuanCore

/// `LaminarFamilies` (first fit by each leaf's deepest set, over raw buffers) held to plain definitions: two
/// sets cross when they share a leaf and neither holds the other, which the oracle tests pair by pair.
@Suite struct LaminarFamiliesTests {
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

    /// First fit held to a plain one: each set, in order, joins the first family (in the order families opened)
    /// none of whose sets it crosses by the pairwise oracle, else opens one; families are then numbered by their
    /// memberships, most first (ties: the order they opened). With `clique`, 70 sets that all cross one another
    /// ({0, i + 1} over 70 more leaves), so that there are more than 64 families.
    static func referenceFamilies(_ sets: [[Int]]) -> [Int] {
        let crossing = oracle(sets).map(Set.init)
        var opened: [[Int]] = []
        var family = [Int](repeating: -1, count: sets.count)
        for id in sets.indices {
            let f = opened.firstIndex { members in !members.contains { crossing[id].contains($0) } } ?? opened.count
            if f == opened.count { opened.append([]) }
            opened[f].append(id)
            family[id] = f
        }
        let weight = opened.map { $0.reduce(0) { $0 + sets[$1].count } }
        let order = opened.indices.sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1 }
        var rank = [Int](repeating: 0, count: order.count)
        for (r, f) in order.enumerated() { rank[f] = r }
        return family.map { rank[$0] }
    }

    @Test(arguments: [false, true], 1...30 as ClosedRange<UInt64>)
    func familiesAreTheFirstThatFit(clique: Bool, seed: UInt64) {
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

    /// Whatever the order of the sets (largest first or not), no two sets of one family cross, and families are
    /// numbered by their memberships, most first.
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func everyFamilyIsLaminarAndTheLargestComeFirst(seed: UInt64) {
        var random = SplitMix64(seed: seed &+ 500)
        let (ordered, leafCount) = Self.randomSets(seed: seed, everyLeaf: seed % 3 == 0)
        var sets = ordered
        for i in sets.indices.reversed() where i > 0 { sets.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let split = LaminarFamilies(sets, leafCount: leafCount)
        let crossing = Self.oracle(sets)
        for id in sets.indices {
            #expect(!crossing[id].contains { split.family[$0] == split.family[id] }, "seed \(seed), set \(id)")
        }
        let weight = (0..<split.count).map { f in sets.indices.filter { split.family[$0] == f }.reduce(0) { $0 + sets[$1].count } }
        #expect(weight == weight.sorted(by: >))
        #expect(weight.allSatisfy { $0 > 0 })
    }

    /// Sets that all cross one another ({0, i + 1}: each pair shares leaf 0) take one family each, 66 of them, in
    /// the order they come (equal memberships keep the order they opened).
    @Test func setsThatAllCrossTakeAFamilyEach() {
        let sets = (0..<66).map { [0, $0 + 1] }
        let split = LaminarFamilies(sets, leafCount: 67)
        #expect(split.family == Array(0..<66))
        #expect(split.count == 66)
    }

    /// Past the row limit no family opens beyond the ones that fit it: the 66 sets that all cross one another,
    /// over 67 leaves with room for three rows, take three families, and the other 63 go into a fourth, last, with
    /// no parents. At least two families always open, whatever the limit.
    @Test func pastTheRowLimitTheRestShareOneLastFamily() {
        let sets = (0..<66).map { [0, $0 + 1] }
        let split = LaminarFamilies(sets, leafCount: 67, rowLimit: 3 * 67)
        #expect(split.family == [0, 1, 2] + Array(repeating: 3, count: 63))
        #expect(split.count == 4)
        #expect(split.parent.allSatisfy { $0 == -1 })
        let tight = LaminarFamilies(sets, leafCount: 67, rowLimit: 0)
        #expect(tight.family == [0, 1] + Array(repeating: 2, count: 64))
        #expect(tight.count == 3)
        // Sets that all fit stay in their families under any limit.
        let nested = [[0, 1, 2, 3], [0, 1], [2, 3]]
        let one = LaminarFamilies(nested, leafCount: 4, rowLimit: 0)
        #expect(one.family == [0, 0, 0] && one.count == 1 && one.parent == [-1, 0, 0])
    }

    /// A table's rows against its columns, with a subtotal over some rows: two families, the rows' (more
    /// memberships: the total and the subtotal are among them) first.
    @Test func rowsAgainstColumnsMakeTwoFamilies() {
        // Cells r * 4 + c of a 3 × 4 table; rows 0 and 1 have a subtotal.
        let rows = (0..<3).map { r in (0..<4).map { r * 4 + $0 } }
        let columns = (0..<4).map { c in (0..<3).map { $0 * 4 + c } }
        let sets = ([Array(0..<12), Array(0..<8)] + rows + columns)
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        let split = LaminarFamilies(sets, leafCount: 12)
        #expect(split.count == 2)
        for (id, set) in sets.enumerated() {
            let isColumn = columns.contains(set)
            #expect(split.family[id] == (isColumn ? 1 : 0), "set \(set)")
        }
        // A row nests under the subtotal or the total, the total under nothing.
        #expect(split.parent[sets.firstIndex(of: rows[0]) ?? -1] == sets.firstIndex(of: Array(0..<8)))
        #expect(split.parent[sets.firstIndex(of: rows[2]) ?? -1] == sets.firstIndex(of: Array(0..<12)))
        #expect(split.parent[0] == -1)
    }
}
