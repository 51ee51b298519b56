/// The aggregates of a rounding problem as the rounding sees them: only leaves with a fractional
/// part take a decision, so each aggregate is reduced to its fractional leaves, duplicates are
/// merged, and the distinct sets are split into laminar families (sets nested or disjoint; see
/// `LaminarFamilies`).
///
/// Positions: "leaf" below means a position in `fractionalLeaves`, "set" a position in `members`.
struct AggregateStructure {
    let unit: Int64
    /// The problem's index of each fractional leaf.
    let fractionalLeaves: [Int]
    /// Each fractional leaf's remainder in 分, `0 < r < unit`.
    let remainders: [Int64]
    /// For each aggregate of the problem, its set, or -1 when it has fewer than two fractional
    /// leaves (such an aggregate is within one unit whatever the leaves do).
    let setOfAggregate: [Int]
    /// Distinct sets of fractional leaves (sorted positions), largest first.
    let members: [[Int]]
    /// The sum of a set's remainders is `carry × unit + remainder`, `0 ≤ remainder < unit`: the set
    /// must get `carry` rounded-up leaves, or `carry + 1` when `remainder > 0`.
    let carry: [Int]
    let remainder: [Int64]
    /// The same for all fractional leaves together (the grand total, whether printed or not).
    let totalCarry: Int
    let totalRemainder: Int64
    /// The laminar family of each set, and the smallest set of that family strictly containing it (-1: none).
    let family: [Int]
    let parent: [Int]
    let familyCount: Int
    /// The sets holding each leaf, ascending (`LaminarFamilies.holders`).
    let setsOfLeaf: Lists
    /// The split into families, which keeps each family's deepest set per leaf (`deepest(in:)`).
    private let split: LaminarFamilies

    init(_ problem: RoundingProblem) {
        unit = problem.unit
        var position = [Int](repeating: -1, count: problem.leaves.count)
        var fractional: [Int] = []
        var rems: [Int64] = []
        var sumRemainder: Int64 = 0
        var sumCarry = 0
        for (i, amount) in problem.leaves.enumerated() {
            let r = RoundingMath.split(amount, unit: unit).remainder
            guard r > 0 else { continue }
            position[i] = fractional.count
            fractional.append(i)
            rems.append(r)
            sumRemainder += r
            if sumRemainder >= unit { sumRemainder -= unit; sumCarry += 1 }
        }
        fractionalLeaves = fractional
        remainders = rems
        totalCarry = sumCarry
        totalRemainder = sumRemainder

        // Reduce to fractional leaves and merge duplicates (aggregates are already sorted and unique).
        // Each reduced set is hashed once into a 64-bit key (`setKey`); sets are numbered by that key and
        // compared element by element only when keys are equal, so equal sets get one id and no array is
        // hashed. When every leaf is fractional (a merged problem, nearly always), positions are the leaves
        // themselves: each aggregate is its own reduced set and is kept as it is, not copied. Otherwise over raw
        // buffers: aggregates hold only the problem's leaves (`RoundingProblem.normalized`), and a reduced set
        // at most every fractional leaf once.
        var numbering = FirstSeenNumbering(expectedKeys: problem.aggregates.count)
        var distinct: [[Int]] = []
        var rawSetOfAggregate: [Int] = []
        rawSetOfAggregate.reserveCapacity(problem.aggregates.count)
        if fractional.count == problem.leaves.count {
            for aggregate in problem.aggregates {
                guard aggregate.count >= 2 else { rawSetOfAggregate.append(-1); continue }
                let key = aggregate.withUnsafeBufferPointer { Self.setKey($0) }
                let (id, isNew) = numbering.number(hash: key) { distinct[$0] == aggregate }
                rawSetOfAggregate.append(id)
                if isNew { distinct.append(aggregate) }
            }
        } else {
            var reducedBuffer = [Int](repeating: 0, count: fractional.count)
            position.withUnsafeBufferPointer { position in
            reducedBuffer.withUnsafeMutableBufferPointer { reducedBuffer in
                for aggregate in problem.aggregates {
                    var size = 0
                    for leaf in aggregate {
                        let p = position[leaf]
                        guard p >= 0 else { continue }
                        reducedBuffer[size] = p
                        size &+= 1
                    }
                    guard size >= 2 else { rawSetOfAggregate.append(-1); continue }
                    let reduced = UnsafeBufferPointer(rebasing: reducedBuffer[0..<size])
                    let (id, isNew) = numbering.number(hash: Self.setKey(reduced)) { distinct[$0].elementsEqual(reduced) }
                    rawSetOfAggregate.append(id)
                    if isNew { distinct.append(Array(reduced)) }
                }
            }}
        }
        // Largest first, equal sizes in first-seen order: a counting sort by size (no set is larger than the
        // leaf count), bucket `maxSize - size` holding the sets of that size.
        let sizes = distinct.map { $0.count }
        let maxSize = sizes.max() ?? 0
        var bucketStart = [Int](repeating: 0, count: maxSize + 2)
        for size in sizes { bucketStart[maxSize - size + 1] += 1 }
        for b in 1..<bucketStart.count { bucketStart[b] += bucketStart[b - 1] }
        var order = [Int](repeating: 0, count: sizes.count)
        for (id, size) in sizes.enumerated() {
            order[bucketStart[maxSize - size]] = id
            bucketStart[maxSize - size] += 1
        }
        var newID = [Int](repeating: 0, count: distinct.count)
        for (rank, old) in order.enumerated() { newID[old] = rank }
        setOfAggregate = rawSetOfAggregate.map { $0 < 0 ? -1 : newID[$0] }
        let sets = order.map { distinct[$0] }
        members = sets

        var carries: [Int] = []
        var remainderOfSet: [Int64] = []
        let unit = problem.unit
        // A set's remainders summed as a two-word number (each below 2^60, so the high word counts the carries out
        // of the low one), then divided by the unit once: the quotient is below the set's size.
        let divisor = UInt64(unit)
        rems.withUnsafeBufferPointer { rems in
            for set in sets {
                var (high, low): (UInt64, UInt64) = (0, 0)
                for leaf in set {
                    let (sum, overflow) = low.addingReportingOverflow(UInt64(truncatingIfNeeded: rems[leaf]))
                    low = sum
                    if overflow { high &+= 1 }
                }
                let (c, r) = high == 0 ? low.quotientAndRemainder(dividingBy: divisor)
                                       : divisor.dividingFullWidth((high, low))
                carries.append(Int(c))
                remainderOfSet.append(Int64(r))
            }
        }
        carry = carries
        remainder = remainderOfSet

        split = LaminarFamilies(members, leafCount: fractional.count)
        family = split.family
        parent = split.parent
        familyCount = split.count
        setsOfLeaf = split.holders
    }

    /// A set's 64-bit key for numbering: FNV-1a over its positions, then its size mixed in.
    static func setKey(_ set: UnsafeBufferPointer<Int>) -> UInt64 {
        var key: UInt64 = 0xCBF2_9CE4_8422_2325
        for p in set { key = (key ^ UInt64(truncatingIfNeeded: p)) &* 0x0000_0100_0000_01B3 }
        return key ^ (UInt64(truncatingIfNeeded: set.count) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The smallest set of family `f` holding each leaf (-1: none), as the split into families found it
    /// (`LaminarFamilies.deepest(in:)`); -1 everywhere past the laminar families.
    func deepest(in f: Int) -> [Int] {
        split.deepest(in: f)
    }

    /// Bounds on a set's count of rounded-up leaves: exactly `carry`, or `carry` or `carry + 1`.
    func bounds(of set: Int) -> (low: Int, high: Int) {
        (carry[set], carry[set] + (remainder[set] > 0 ? 1 : 0))
    }
}
