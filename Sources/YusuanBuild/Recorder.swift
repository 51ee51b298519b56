import YusuanCore

/// Collects every set of leaves a printed figure covers, so that rounding can keep each within a unit.
final class Recorder {
    var aggregates: [[Int]] = []
    var seen = Set<[Int]>()
    /// Filters already noted: a figure printed again adds nothing, so its set need not be hashed again.
    private var noted = Set<LeafFilter>()

    func note(_ set: [Int]) {
        if set.count > 1, seen.insert(set).inserted { aggregates.append(set) }
    }

    func note(_ filter: LeafFilter, _ select: () -> [Int]) {
        guard noted.insert(filter).inserted else { return }
        note(select())
    }
}

/// The ledger as the table builders see it: figures by filter, recorded for rounding.
struct Books {
    let ledger: Ledger
    let recorder: Recorder?
    /// Selections by filter; they depend on the leaves only, so both passes share one index.
    let index: LeafIndex

    init(ledger: Ledger, recorder: Recorder?, index: LeafIndex? = nil) {
        self.ledger = ledger
        self.recorder = recorder
        self.index = index ?? LeafIndex(ledger)
    }

    /// The indices (ascending) of the leaves the filter selects.
    func select(_ filter: LeafFilter) -> [Int] {
        index.select(filter)
    }

    /// The printed figure (万元, two decimals) of the leaves the filter selects.
    func figure(_ filter: LeafFilter) -> Fixed {
        let set = index.select(filter)
        recorder?.note(filter) { set }
        var sum: Int64 = 0
        let units = ledger.units
        for i in set { sum += units[i] }
        return Fixed(mantissa: sum, scale: 2)
    }
}
