import YusuanCore

/// Collects every set of leaves a printed figure covers, per print scale, so that rounding can keep
/// each within a unit at the scale it is printed at.
final class Recorder {
    private(set) var sets: [PrintScale: [[Int]]] = [:]
    /// Per scale, the sets noted so far by a 64-bit key of their leaves: the first set (its position in
    /// `sets`) with each key, and for each set the next one with the same key; equal keys are compared
    /// element by element. No array is hashed by `Hasher`, and growing the table rehashes only integers.
    private var firstWithKey: [PrintScale: [UInt64: Int]] = [:]
    private var nextWithKey: [PrintScale: [Int]] = [:]
    /// Selections (`LeafIndex` numbers) already noted, per scale: a figure printed again adds nothing, so
    /// its set need not be hashed again. Few scales: a list, searched in order.
    private var noted: [(scale: PrintScale, selections: [Bool])] = []

    /// The sets printed at 0.01 万元.
    var aggregates: [[Int]] { sets[.wanYuan] ?? [] }

    func note(_ set: [Int], at scale: PrintScale = .wanYuan) {
        guard set.count > 1 else { return }
        var key: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: set.count)
        for leaf in set { key = (key ^ UInt64(truncatingIfNeeded: leaf)) &* 0x0000_0100_0000_01B3 }
        let first = firstWithKey[scale]?[key] ?? -1
        var id = first
        while id >= 0 {
            if sets[scale]?[id] == set { return }
            id = nextWithKey[scale]?[id] ?? -1
        }
        let count = sets[scale]?.count ?? 0
        firstWithKey[scale, default: [:]][key] = count
        nextWithKey[scale, default: []].append(first)
        sets[scale, default: []].append(set)
    }

    /// Notes the leaves of selection number `selection` at `scale`, once.
    func note(selection: Int, _ set: [Int], at scale: PrintScale) {
        guard !scale.isExact else { return }
        let slot: Int
        if let known = noted.firstIndex(where: { $0.scale == scale }) {
            slot = known
        } else {
            slot = noted.count
            noted.append((scale, []))
        }
        if selection >= noted[slot].selections.count {
            noted[slot].selections += Array(repeating: false, count: selection + 1 - noted[slot].selections.count + 64)
        }
        guard !noted[slot].selections[selection] else { return }
        noted[slot].selections[selection] = true
        note(set, at: scale)
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
    private let units: [Int64]

    init(ledger: Ledger, recorder: Recorder?, index: LeafIndex? = nil, scale: PrintScale = .wanYuan) {
        self.ledger = ledger
        self.recorder = recorder
        self.index = index ?? LeafIndex(ledger)
        self.scale = scale
        self.units = ledger.units(scale)
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
        let selection = index.selection(filter)
        let set = index.results[selection]
        recorder?.note(selection: selection, set, at: scale)
        var sum: Int64 = 0
        for i in set { sum += units[i] }
        return scale.figure(units: sum)
    }

    /// The printed figure of the leaves the filter selects, as the exact amount it stands for.
    func amount(_ filter: LeafFilter) -> Amount {
        scale.amount(figure(filter))
    }
}
