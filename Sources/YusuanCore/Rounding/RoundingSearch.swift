/// Local search over every set at once, for what the circulation and its repair left out of range
/// (three or more laminar families, where a controlled rounding may not exist but usually does).
///
/// The state is the floor/ceiling choice of each fractional leaf; its cost is the total distance of
/// every set's count of rounded-up leaves from its range (`AggregateStructure.bounds`). Each step takes
/// a set out of range and the leaves of it that may move the needed way, and applies the best of:
/// - one of those leaves switched alone;
/// - one of those leaves switched together with any other leaf (a swap that leaves the sets holding
///   both, or neither, unchanged: the moves that fix one set without breaking its neighbours).
/// Ties are broken by a seeded generator, so the result is deterministic. When no move lowers the
/// cost, the best one is applied anyway (a sideways or uphill step) and the leaves it moved are
/// frozen for a few steps (tabu), so the search does not undo it at once. It stops when every set is
/// in range or after `workLimit` elementary steps.
///
/// Weights (the breakout method): a set gains weight for every step it stays out of range, so that a
/// local minimum does not hold the search; and one step in eight is a random switch of one of the
/// chosen set's leaves.
///
/// Cost per step: single gains are kept up to date incrementally (a move or a weight changes the gains
/// only of the leaves in the sets it touched, and only when that set's cost change differs), then for up
/// to `candidateLimit` leaves of the chosen set one pass over every leaf (pairs), walking the incidences
/// only of the leaves whose pair could match the best move so far (a bound from the single gains and the
/// first leaf's sets), and passing over whole blocks of leaves whose lowest gains rule out every pair. The
/// sets out of range are kept as a sorted list updated from the sets a move touched. `work` still counts
/// what a full recomputation would cost, so the work limit stops the search at the same step as before.
///
/// The state and the steps are here; the choice of a step's move is in RoundingSearch+Pairs.swift (the
/// members it reads are internal rather than private for that reason only).
struct RoundingSearch {
    let s: AggregateStructure
    private(set) var up: [Bool]
    /// Leaves up in each set.
    var count: [Int]
    /// Sets holding each leaf (CSR: start offsets, entries).
    let setsStart: [Int]
    let setsOfLeaf: [Int]
    /// Change in total cost if the leaf alone switches: the sum over its sets of `upDelta` (a leaf up
    /// goes down) or `downDelta`, kept up to date as counts and weights change.
    var gain: [Int]
    /// Per set: the change in its cost when one of its leaves goes down (`upDelta`) or up (`downDelta`).
    var upDelta: [Int]
    var downDelta: [Int]
    /// Sets out of range, sorted, and a flag per set.
    private var violated: [Int] = []
    private var isViolated: [Bool]
    /// Per set: `touchStamp` when a step already listed it among the sets whose gains to refresh.
    private var touched: [Int]
    private var touchStamp = 0
    private var touchedSets: [Int] = []
    /// Each set's weight in the cost: 1, plus one for every step it stayed out of range (so that the
    /// search leaves a local minimum by weighing more the sets it keeps failing).
    private var weight: [Int]
    /// Per set holding the first leaf of the pair being weighed, the second difference of its cost for that
    /// leaf and a second one moving the same way (`pairSame`) or the opposite way (`pairOpposite`), worked
    /// out once per first leaf rather than once per pair; 0 for every other set (`bestMove` clears them).
    var pairSame: [Int]
    var pairOpposite: [Int]
    /// The step until which each leaf may not move except to lower the cost.
    var frozenUntil: [Int]
    var random: SplitMix64
    var work = 0
    private let workLimit: Int

    /// Leaves of the chosen set weighed as the first of a pair in one step: up to 24, fewer in a large
    /// problem, so that a step weighs at most about two million incidences.
    private let candidateLimit: Int
    /// One step in this many is a random switch.
    private let noiseOneIn = 8

    /// Leaves per block in the pair loop, and per block the lowest gain of its leaves that are up and of
    /// those that are down (`Int.max`: none), as of the step being weighed.
    static let blockSize = 64
    let blockCount: Int
    var blockMinUp: [Int]
    var blockMinDown: [Int]

    /// Improves `up` (which fractional leaves round up) in place; returns the work spent and how many sets stay out of range.
    static func improve(_ s: AggregateStructure, up: inout [Bool], workLimit: Int) -> (work: Int, unresolved: Int) {
        var search = RoundingSearch(s, up: up, workLimit: workLimit)
        let unresolved = search.run()
        up = search.up
        return (search.work, unresolved)
    }

    private init(_ s: AggregateStructure, up: [Bool], workLimit: Int) {
        self.s = s
        self.up = up
        self.workLimit = workLimit
        let leafCount = s.fractionalLeaves.count
        // The sets at each leaf, in set order, as the structure lists them.
        setsStart = s.setsOfLeaf.start
        setsOfLeaf = s.setsOfLeaf.entries
        candidateLimit = max(2, min(24, 2_000_000 / max(1, setsOfLeaf.count + leafCount)))
        count = s.members.map { $0.reduce(0) { $0 + (up[$1] ? 1 : 0) } }
        gain = [Int](repeating: 0, count: leafCount)
        pairSame = [Int](repeating: 0, count: s.members.count)
        pairOpposite = [Int](repeating: 0, count: s.members.count)
        weight = [Int](repeating: 1, count: s.members.count)
        frozenUntil = [Int](repeating: 0, count: leafCount)
        random = SplitMix64(seed: UInt64(leafCount) &* 0x9E37_79B9 &+ UInt64(s.members.count))
        upDelta = [Int](repeating: 0, count: s.members.count)
        downDelta = [Int](repeating: 0, count: s.members.count)
        isViolated = [Bool](repeating: false, count: s.members.count)
        touched = [Int](repeating: 0, count: s.members.count)
        blockCount = (leafCount + Self.blockSize - 1) / Self.blockSize
        blockMinUp = [Int](repeating: Int.max, count: blockCount)
        blockMinDown = [Int](repeating: Int.max, count: blockCount)
        for set in s.members.indices {
            (upDelta[set], downDelta[set]) = deltas(set)
            if excess(set, count[set]) > 0 {
                isViolated[set] = true
                violated.append(set)
            }
        }
        for leaf in 0..<leafCount { gain[leaf] = fullGain(leaf) }
    }

    /// A set's cost change when one of its leaves goes down, and when one goes up.
    private func deltas(_ set: Int) -> (up: Int, down: Int) {
        let c = count[set], now = cost(set, c)
        return (cost(set, c - 1) - now, cost(set, c + 1) - now)
    }

    /// A leaf's gain summed over its sets (their deltas must be current).
    private func fullGain(_ leaf: Int) -> Int {
        var g = 0
        if up[leaf] {
            for k in setsStart[leaf]..<setsStart[leaf + 1] { g += upDelta[setsOfLeaf[k]] }
        } else {
            for k in setsStart[leaf]..<setsStart[leaf + 1] { g += downDelta[setsOfLeaf[k]] }
        }
        return g
    }

    /// Lists `set` among those whose deltas to refresh at the end of the step (once).
    private mutating func touch(_ set: Int) {
        if touched[set] != touchStamp {
            touched[set] = touchStamp
            touchedSets.append(set)
        }
    }

    /// After counts and weights changed: refreshes the deltas of the touched sets, and the gains of their
    /// leaves where a delta changed; the leaves that switched (`moved`) get their gains summed afresh.
    private mutating func refreshGains(moved: Move) {
        // A changed set's members are walked on raw buffers, the gains moved out of `self` for it: a set's
        // members are fractional leaves of the problem, each with its gain and bound.
        var gains: [Int] = []
        swap(&gains, &gain)
        gains.withUnsafeMutableBufferPointer { gains in
        up.withUnsafeBufferPointer { up in
            for set in touchedSets {
                let (u, d) = deltas(set)
                let du = u - upDelta[set], dd = d - downDelta[set]
                guard du != 0 || dd != 0 else { continue }
                upDelta[set] = u
                downDelta[set] = d
                s.members[set].withUnsafeBufferPointer { members in
                    for leaf in members { gains[leaf] += up[leaf] ? du : dd }
                }
            }
        }}
        swap(&gains, &gain)
        for leaf in [moved.first, moved.second] where leaf >= 0 { gain[leaf] = fullGain(leaf) }
    }

    /// Updates the sorted list of sets out of range for a set whose count changed.
    private mutating func updateViolation(_ set: Int) {
        let now = excess(set, count[set]) > 0
        guard now != isViolated[set] else { return }
        isViolated[set] = now
        var low = 0, high = violated.count
        while low < high {
            let mid = (low + high) / 2
            if violated[mid] < set { low = mid + 1 } else { high = mid }
        }
        if now { violated.insert(set, at: low) } else { violated.remove(at: low) }
    }

    private func excess(_ set: Int, _ value: Int) -> Int {
        let (low, high) = s.bounds(of: set)
        return value > high ? value - high : (value < low ? low - value : 0)
    }

    /// The weighted distance of a set from its range.
    func cost(_ set: Int, _ value: Int) -> Int { weight[set] * excess(set, value) }

    func direction(_ leaf: Int) -> Int { up[leaf] ? -1 : 1 }

    /// Runs until every set is in range or the work is spent; returns the sets still out of range.
    private mutating func run() -> Int {
        var step = 0
        while !violated.isEmpty && work < workLimit {
            step += 1
            let set = violated[random.below(violated.count)]
            let wantsUp = count[set] < s.bounds(of: set).low
            var candidates = s.members[set].filter { up[$0] != wantsUp }
            if candidates.count > candidateLimit {
                for i in 0..<candidateLimit {
                    candidates.swapAt(i, i + random.below(candidates.count - i))
                }
                candidates.removeLast(candidates.count - candidateLimit)
            }
            // Now and then a random switch instead of the best move (a random walk step).
            let move = random.below(noiseOneIn) == 0 ? Move(candidates[random.below(candidates.count)]) : bestMove(candidates, step: step)
            touchStamp += 1
            touchedSets.removeAll(keepingCapacity: true)
            for leaf in [move.first, move.second] where leaf >= 0 {
                let d = direction(leaf)
                up[leaf].toggle()
                for k in setsStart[leaf]..<setsStart[leaf + 1] {
                    let set = setsOfLeaf[k]
                    count[set] += d
                    touch(set)
                }
                frozenUntil[leaf] = step + 5 + random.below(8)
            }
            for i in touchedSets.indices { updateViolation(touchedSets[i]) }
            for set in violated {
                weight[set] += 1
                touch(set)
            }
            refreshGains(moved: move)
            work += s.members.count
        }
        return violated.count
    }
}
