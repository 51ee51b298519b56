/// A split of sets into laminar families: within a family any two sets are nested or disjoint.
///
/// Sets come largest first, and each joins the first family it fits, or opens a new one. A set fits a
/// family when every one of its leaves has the same deepest set in that family (or none): the sets
/// already there are no smaller, so it then lies inside that deepest set and is disjoint from every
/// other, and when two of its leaves differ it crosses one of them. That deepest set is its parent.
/// A test costs a look-up per leaf and stops at the first leaf that differs, so the split is about
/// linear in the memberships times the families; no crossing between two sets is ever counted.
///
/// Families are then numbered by their memberships, most first: the rounding of a circulation holds
/// families 0 and 1 exactly, so they should carry as much of the problem as possible. A table's rows
/// against its columns (each with its own hierarchy) usually give two families this way; a sparse one
/// can give three, which the repair then brings back in range.
struct LaminarFamilies {
    /// The family of each set, and the smallest set of that family strictly holding it (-1: none).
    var family: [Int]
    var parent: [Int]
    var count = 0
    /// The sets holding each leaf, ascending (`holders`): the search reads them as its sets per leaf
    /// (`AggregateStructure.setsOfLeaf`).
    let holders: Lists
    /// The smallest set of each laminar family holding each leaf, -1 for none, as the split left them: the row of
    /// family `f` is `deepestRows[rowOfFamily[f] * leafCount ..< (rowOfFamily[f] + 1) * leafCount]` (rows are in the
    /// order the families opened); the last family, when the row limit was reached, has none (`deepest(in:)`).
    private let deepestRows: [Int]
    private let rowOfFamily: [Int]
    private let leafCount: Int

    /// - Parameters:
    ///   - sets: distinct sets of leaf positions (each sorted), largest first.
    ///   - rowLimit: the most entries the families' deepest sets may take (a row of `leafCount` per family), so
    ///     that no input can make the split exhaust memory. Past it (hundreds of families over many leaves) no
    ///     family opens beyond the second: the sets that fit none go into one last family, not laminar and
    ///     without parents, which only the repair and the search read (they take every family but the first
    ///     two alike).
    init(_ sets: [[Int]], leafCount: Int, rowLimit: Int = 1 << 24) {
        var family = [Int](repeating: -1, count: sets.count)
        var parent = [Int](repeating: -1, count: sets.count)
        let flat = LaminarFamilies.flattened(sets)
        holders = LaminarFamilies.holders(flat, leafCount: leafCount)
        // `deepest[f * leafCount + leaf]`: the last (so the smallest) set of first-fit family `f` holding the leaf,
        // -1 for none; a family's row is added (filled with -1) when the family opens.
        var deepest: [Int] = []
        var weight: [Int] = []
        // The sets that fit no family once no more may open.
        var overflow: [Int] = []
        /// Opens a family: no memberships yet, and a row with no set for any leaf.
        func open() {
            weight.append(0)
            deepest.append(contentsOf: repeatElement(-1, count: leafCount))
        }
        flat.start.withUnsafeBufferPointer { setStart in
        flat.entries.withUnsafeBufferPointer { members in
            for id in 0..<(setStart.count &- 1) {
                let first = setStart[id], end = setStart[id &+ 1]
                guard first < end else {
                    // An empty set (never given by `AggregateStructure`) fits the first family, under no set.
                    if weight.isEmpty { open() }
                    family[id] = 0
                    continue
                }
                var placed = -1
                deepest.withUnsafeMutableBufferPointer { deepest in
                    var row = 0
                    for f in 0..<weight.count {
                        let d = deepest[row &+ members[first]]
                        var k = first &+ 1
                        while k < end && deepest[row &+ members[k]] == d { k &+= 1 }
                        if k == end {
                            parent[id] = d
                            for m in first..<end { deepest[row &+ members[m]] = id }
                            placed = f
                            break
                        }
                        row &+= leafCount
                    }
                }
                if placed < 0 {
                    guard weight.count < 2 || leafCount <= rowLimit / (weight.count + 1) else {
                        overflow.append(id)
                        continue
                    }
                    placed = weight.count
                    open()
                    let row = placed * leafCount
                    for m in first..<end { deepest[row + members[m]] = id }
                }
                family[id] = placed
                weight[placed] &+= end &- first
            }
        }}
        // Renumbered by memberships, most first (ties: in the order they opened).
        let order = weight.indices.sorted { weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1 }
        var rank = [Int](repeating: 0, count: order.count)
        for (r, f) in order.enumerated() { rank[f] = r }
        for id in family.indices where family[id] >= 0 { family[id] = rank[family[id]] }
        // The sets that fit none come last, in a family of their own.
        for id in overflow { family[id] = weight.count }
        count = weight.count + (overflow.isEmpty ? 0 : 1)
        self.family = family
        self.parent = parent
        deepestRows = deepest
        rowOfFamily = order
        self.leafCount = leafCount
    }

    /// The smallest set of family `f` holding each leaf (-1: none), kept from the split: the last set placed in
    /// the family holding the leaf, which is the smallest (sets come largest first). -1 everywhere for a family
    /// past the laminar ones (none, or the last family once the row limit was reached).
    func deepest(in f: Int) -> [Int] {
        guard f >= 0 && f < rowOfFamily.count else { return [Int](repeating: -1, count: leafCount) }
        let row = rowOfFamily[f] * leafCount
        return Array(deepestRows[row..<(row + leafCount)])
    }

    /// The sets as lists in one flat array (list `id` is set `id`).
    static func flattened(_ sets: [[Int]]) -> Lists {
        var setStart = [Int](repeating: 0, count: sets.count + 1)
        for (id, set) in sets.enumerated() { setStart[id + 1] = setStart[id] + set.count }
        var flat: [Int] = []
        flat.reserveCapacity(setStart[sets.count])
        for set in sets { flat.append(contentsOf: set) }
        return Lists(start: setStart, entries: flat)
    }

    /// For each leaf, the sets holding it, ascending (`Lists.incidence` over the sets in order).
    /// - Parameter sets: `flattened(_:)` of sets of leaves below `leafCount`.
    static func holders(_ sets: Lists, leafCount: Int) -> Lists {
        sets.entries.withUnsafeBufferPointer { flat in
        sets.start.withUnsafeBufferPointer { setStart in
            Lists.incidence(count: leafCount, groups: 0..<(setStart.count &- 1)) { id, visit in
                for k in setStart[id]..<setStart[id &+ 1] { visit(flat[k]) }
            }
        }}
    }
}
