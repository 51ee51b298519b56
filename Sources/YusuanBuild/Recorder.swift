import YusuanCore

/// Collects every set of leaves a printed figure covers, per print scale, so that rounding can keep
/// each within a unit at the scale it is printed at.
final class Recorder {
    /// What is noted at one print scale: the sets in the order first noted, numbered (their positions in `sets`)
    /// by a 64-bit hash of their leaves (`FirstSeenNumbering`: sets of equal hash are compared element by element,
    /// no array is hashed by `Hasher`); and the selections (`LeafIndex` numbers) already noted, so that a figure
    /// printed again is not hashed again.
    private struct Scaled {
        let scale: PrintScale
        var sets: [[Int]] = []
        var numbering = FirstSeenNumbering(expectedKeys: 1024)
        var selections: [Bool] = []

        /// Notes `set` once.
        mutating func note(_ set: [Int]) {
            var key = FNV1a()
            key.add(UInt64(truncatingIfNeeded: set.count))
            for leaf in set { key.add(UInt64(truncatingIfNeeded: leaf)) }
            if Self.isNew(set, hash: key.value, sets: sets, numbering: &numbering) { sets.append(set) }
        }

        /// Numbers `set` among `sets`; whether it is new. (The sets are passed borrowed, not copied: the caller
        /// then appends to them in place.)
        private static func isNew(_ set: [Int], hash: UInt64, sets: [[Int]], numbering: inout FirstSeenNumbering) -> Bool {
            numbering.number(hash: hash) { sets[$0] == set }.isNew
        }

        /// Notes the leaves of selection number `selection`, once.
        mutating func note(selection: Int, _ set: [Int]) {
            if selection >= selections.count {
                selections += Array(repeating: false, count: selection + 1 - selections.count + 64)
            }
            guard !selections[selection] else { return }
            selections[selection] = true
            guard set.count > 1 else { return }
            note(set)
        }
    }

    /// Few scales (one or two per disclosure): a list searched in order, so that a note hashes no
    /// `PrintScale` (whose unit would hash its name).
    private var scaled: [Scaled] = []

    /// The sets noted, per scale.
    var sets: [PrintScale: [[Int]]] {
        Dictionary(scaled.map { ($0.scale, $0.sets) }, uniquingKeysWith: { a, _ in a })
    }

    /// The sets printed at 0.01 万元.
    var aggregates: [[Int]] { sets[.wanYuan] ?? [] }

    // A note is one access to `scaled` (passed inout to a static function): each access to a class's stored
    // property is checked for exclusivity at run time, and a note made several (slot, lookup, append).

    /// The position of `scale`'s notes in `scaled`, added when new.
    private static func slot(_ scale: PrintScale, in scaled: inout [Scaled]) -> Int {
        // By index, comparing the scale in place (`firstIndex(where:)` hands each element over whole, copying it).
        for i in scaled.indices where scaled[i].scale == scale { return i }
        scaled.append(Scaled(scale: scale))
        return scaled.count - 1
    }

    func note(_ set: [Int], at scale: PrintScale = .wanYuan) {
        guard set.count > 1 else { return }
        Self.note(set, at: scale, in: &scaled)
    }

    private static func note(_ set: [Int], at scale: PrintScale, in scaled: inout [Scaled]) {
        let slot = slot(scale, in: &scaled)
        scaled[slot].note(set)
    }

    /// Notes the leaves of selection number `selection` at `scale`, once.
    func note(selection: Int, _ set: [Int], at scale: PrintScale) {
        guard !scale.isExact else { return }
        Self.note(selection: selection, set, at: scale, in: &scaled)
    }

    private static func note(selection: Int, _ set: [Int], at scale: PrintScale, in scaled: inout [Scaled]) {
        let slot = slot(scale, in: &scaled)
        scaled[slot].note(selection: selection, set)
    }
}

/// The ledger as the table builders see it: figures by filter at one print scale, recorded for rounding.
struct Books {
    let ledger: Ledger
    let recorder: Recorder?
    /// Selections by filter; they depend on the leaves only, so both passes share one index.
    let index: LeafIndex
    /// The scale figures print at: the unit of the table (or narrative) being written.
    let scale: PrintScale
    /// The printed units of each leaf at `scale`.
    private let units: LeafUnits

    init(ledger: Ledger, recorder: Recorder?, index: LeafIndex? = nil, scale: PrintScale = .wanYuan) {
        self.ledger = ledger
        self.recorder = recorder
        self.index = index ?? LeafIndex(ledger)
        self.scale = scale
        self.units = LeafUnits(ledger.units(scale))
    }

    /// The same books printing at another scale.
    func at(_ scale: PrintScale) -> Books {
        scale == self.scale ? self : Books(ledger: ledger, recorder: recorder, index: index, scale: scale)
    }

    /// The indices (ascending) of the leaves the filter selects.
    func select(_ filter: LeafFilter) -> [Int] {
        index.select(filter)
    }

    /// The printed figure (two decimals, in the scale's unit) of the leaves the filter selects.
    func figure(_ filter: LeafFilter) -> Fixed {
        figure(selection: pending(filter).selection)
    }

    /// The printed figure of the leaves the filter selects, held as their selection (`Grid.Value`) until the grid's
    /// table is made from the rounded books; noted for rounding like `figure`.
    func printed(_ filter: LeafFilter) -> Grid.Value {
        .selection(pending(filter).selection)
    }

    /// The printed figure of the leaves the filter selects, read after rounding (`RoundedBooks.figure`); noted for
    /// rounding like `figure`.
    func pending(_ filter: LeafFilter) -> PendingFigure {
        let (selection, set) = index.selected(filter)
        recorder?.note(selection: selection, set, at: scale)
        return PendingFigure(selection: selection, scale: scale)
    }

    /// The printed figure of selection number `selection` (`printed`).
    func figure(selection: Int) -> Fixed {
        figure(of: index.results[selection])
    }

    /// The printed figure of the leaves `set`.
    func figure(of set: [Int]) -> Fixed {
        scale.figure(units: units.sum(set))
    }

    /// Whether the filter selects no leaf: its figure, and the figure of any filter narrower than it, prints zero
    /// (`zero`) and is noted for no rounding, so a table need not ask for them one by one.
    func selectsNothing(_ filter: LeafFilter) -> Bool {
        index.selected(filter).leaves.isEmpty
    }

    /// The figure of no leaf (what `figure` prints for a filter that selects nothing).
    var zero: Fixed { scale.figure(units: 0) }

    /// `zero` as a grid's value.
    var printedZero: Grid.Value { .fixed(zero) }
}
