/// The choice of a move in `RoundingSearch`: the best single switch or pair of switches for a step, weighed
/// against the search's gains (the state and the steps themselves are in RoundingSearch.swift).
extension RoundingSearch {
    /// One leaf switched, or two (`second` is -1 for a single switch). A value, not an array: a step
    /// weighs a pair for every leaf of the problem, and an array per pair was an allocation each.
    struct Move {
        var first: Int
        var second: Int

        init(_ first: Int, _ second: Int = -1) {
            self.first = first
            self.second = second
        }
    }

    /// The move of lowest cost among single switches of `candidates` and pairs starting with one of them;
    /// a frozen leaf moves only in a move that lowers the cost.
    mutating func bestMove(_ candidates: [Int], step: Int) -> Move {
        let leafCount = up.count
        // The gains are current (kept by `refreshGains`); the work is counted as for a full pass.
        work += setsOfLeaf.count + leafCount
        var best: Move? = nil
        var bestGain = Int.max
        var ties = 0
        func consider(_ move: Move, _ g: Int, frozen: Bool) {
            if frozen && g >= 0 { return }
            if g < bestGain {
                (best, bestGain, ties) = (move, g, 1)
            } else if g == bestGain {
                ties += 1
                if random.below(ties) == 0 { best = move }
            }
        }
        for leaf in candidates { consider(Move(leaf), gain[leaf], frozen: frozenUntil[leaf] > step) }
        if bestGain < 0, let best { return best }
        // Per block of leaves, the lowest gain among its leaves that are up and among those that are down,
        // so that a block none of whose pairs could match the best move is passed over whole.
        computeBlockMinima()
        for first in candidates {
            let d1 = direction(first)
            let firstUp = up[first]
            // A pair's cost is the two single gains plus, for each set holding both, the cost's second
            // difference: at least 0 when both move the same way (the cost is convex in the count), and
            // exactly minus the set's `upDelta + downDelta` (at least 0) when they move opposite ways. So
            // the pair costs at least `gain[first] + gain[second]`, less `firstSpread` (that sum over the
            // first leaf's sets) when they move opposite ways. A pair whose bound is above the best so far
            // would not be considered (nor draw a random number): skipped before its sets are walked, and
            // a block whose lowest gains give a bound above the best is skipped whole (the best only goes
            // down while the pairs are weighed). Same moves as weighing every pair, far fewer visits. A set
            // not holding the first leaf has both differences 0, so a pair's sets are summed without a test.
            var firstSpread = 0
            for k in setsStart[first]..<setsStart[first + 1] {
                let set = setsOfLeaf[k]
                firstSpread += upDelta[set] + downDelta[set]
                let c = count[set]
                pairSame[set] = cost(set, c + 2 * d1) - 2 * cost(set, c + d1) + cost(set, c)
                pairOpposite[set] = cost(set, c) - cost(set, c + d1) - cost(set, c - d1) + cost(set, c)
            }
            let firstGain = gain[first]
            let firstFrozen = frozenUntil[first] > step
            // The bound as a limit on the second leaf's gain, for each way it moves: `gain[second]` above it
            // rules the pair out (`Int.max` while no move is best: nothing is ruled out). Kept in step with
            // `bestGain`, so that each leaf passed over costs one comparison and no arithmetic.
            func limits() -> (same: Int, opposite: Int) {
                bestGain == Int.max ? (Int.max, Int.max) : (bestGain - firstGain, bestGain - firstGain + firstSpread)
            }
            var (limitSame, limitOpposite) = limits()
            // The pair loop reads raw buffers: every index in it is a leaf or a set of the problem.
            setsStart.withUnsafeBufferPointer { setsStart in
            setsOfLeaf.withUnsafeBufferPointer { setsOfLeaf in
            gain.withUnsafeBufferPointer { gain in
            up.withUnsafeBufferPointer { up in
            pairSame.withUnsafeBufferPointer { pairSame in
            pairOpposite.withUnsafeBufferPointer { pairOpposite in
                for block in 0..<blockCount {
                    // A block with no leaf (`Int.max`) one way is ruled out that way too.
                    let same = firstUp ? blockMinUp[block] : blockMinDown[block]
                    let opposite = firstUp ? blockMinDown[block] : blockMinUp[block]
                    if same > limitSame && opposite > limitOpposite { continue }
                    let end = min(leafCount, (block + 1) &* Self.blockSize)
                    for second in (block &* Self.blockSize)..<end where second != first {
                        let sameWay = up[second] == firstUp
                        if gain[second] > (sameWay ? limitSame : limitOpposite) { continue }
                        var g = firstGain + gain[second]
                        let difference = sameWay ? pairSame : pairOpposite
                        for k in setsStart[second]..<setsStart[second &+ 1] { g += difference[setsOfLeaf[k]] }
                        // Above the best, `consider` would pass it over whether frozen or not.
                        if g > bestGain { continue }
                        consider(Move(first, second), g, frozen: firstFrozen || frozenUntil[second] > step)
                        (limitSame, limitOpposite) = limits()
                    }
                }
            }}}}}}
            for k in setsStart[first]..<setsStart[first + 1] {
                pairSame[setsOfLeaf[k]] = 0
                pairOpposite[setsOfLeaf[k]] = 0
            }
            work += setsOfLeaf.count + leafCount
        }
        if let best { return best }
        return Move(candidates.first ?? -1)
    }

    /// Fills `blockMinUp` and `blockMinDown` from the current gains.
    mutating func computeBlockMinima() {
        let leafCount = up.count
        for block in 0..<blockCount {
            var lowUp = Int.max, lowDown = Int.max
            for leaf in (block &* Self.blockSize)..<min(leafCount, (block + 1) &* Self.blockSize) {
                if up[leaf] { lowUp = min(lowUp, gain[leaf]) } else { lowDown = min(lowDown, gain[leaf]) }
            }
            blockMinUp[block] = lowUp
            blockMinDown[block] = lowDown
        }
    }
}
