import YusuanCore

/// Collects every set of leaves a printed figure covers, so that rounding can keep each within a unit.
final class Recorder {
    var aggregates: [[Int]] = []
    var seen = Set<[Int]>()

    func note(_ set: [Int]) {
        if set.count > 1, seen.insert(set).inserted { aggregates.append(set) }
    }
}

/// The ledger as the table builders see it: figures by predicate, recorded for rounding.
struct Books {
    let ledger: Ledger
    let recorder: Recorder?

    func figure(_ predicate: (Ledger.Leaf) -> Bool) -> Fixed {
        recorder?.note(ledger.select(predicate))
        return ledger.figure(predicate)
    }
}
