import PropertyBased
import Testing
@testable import YusuanCore

/// `RoundingSearch` keeps its single gains and its list of sets out of range up to date incrementally. These
/// tests run it side by side with the search as it was before (every gain summed afresh at every step, the
/// sets out of range found by a pass over all of them), kept below as `ReferenceRoundingSearch`, from the same
/// start: both must make exactly the same moves, so they end with the same leaves up, the same work spent
/// and the same sets left out of range.
@Suite struct RoundingSearchIncrementalTests {
    /// A start far from controlled: each fractional leaf up or down at random (seeded), so that the search
    /// takes many steps, single switches, pairs, random steps and tabu included.
    static func randomStart(_ s: AggregateStructure, seed: UInt64) -> [Bool] {
        var random = SplitMix64(seed: seed)
        return s.fractionalLeaves.indices.map { _ in random.below(2) == 0 }
    }

    static func expectSameMoves(_ problem: RoundingProblem, seed: UInt64, workLimit: Int,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let s = AggregateStructure(problem)
        let start = randomStart(s, seed: seed)
        var incremental = start, reference = start
        let a = RoundingSearch.improve(s, up: &incremental, workLimit: workLimit)
        let b = ReferenceRoundingSearch.improve(s, up: &reference, workLimit: workLimit)
        #expect(incremental == reference, "the same leaves up", sourceLocation: sourceLocation)
        #expect(a.work == b.work, sourceLocation: sourceLocation)
        #expect(a.unresolved == b.unresolved, sourceLocation: sourceLocation)
    }

    @Test func departmentShapedProblemsTakeTheSameMoves() async {
        await propertyCheck(count: 8, input: RoundingSearchTests.amounts, Gen.int(in: 0...3), Gen.int(in: 1...1_000)) { fen, projects, seed in
            let problem = RoundingSearchTests.department(amounts: fen, projects: projects)
            Self.expectSameMoves(problem, seed: UInt64(seed), workLimit: 3_000_000)
        }
    }

    /// A budget too small to finish: both must stop at the same step, in the same state.
    @Test func aShortWorkLimitStopsBothAtTheSameStep() async {
        await propertyCheck(count: 4, input: RoundingSearchTests.amounts, Gen.int(in: 0...3), Gen.int(in: 1...1_000)) { fen, projects, seed in
            let problem = RoundingSearchTests.department(amounts: fen, projects: projects)
            Self.expectSameMoves(problem, seed: UInt64(seed), workLimit: 40_000)
        }
    }

    @Test func theCityDepartmentTakesTheSameMoves() throws {
        let problem = try RoundingSearchTests.load("city-department-2022.txt")
        for seed: UInt64 in [1, 2, 3] { Self.expectSameMoves(problem, seed: seed, workLimit: 5_000_000) }
    }

    /// The search as it was before its gains were kept incrementally (stop 13), for comparison only.
    struct ReferenceRoundingSearch {
        private let s: AggregateStructure
        private(set) var up: [Bool]
        /// Leaves up in each set.
        private var count: [Int]
        /// Sets holding each leaf (CSR: start offsets, entries).
        private let setsStart: [Int]
        private let setsOfLeaf: [Int]
        /// Change in total cost if the leaf alone switches.
        private var gain: [Int]
        /// Each set's weight in the cost: 1, plus one for every step it stayed out of range (so that the
        /// search leaves a local minimum by weighing more the sets it keeps failing).
        private var weight: [Int]
        /// Per set: `stamp` when it holds the first leaf of the pair being weighed.
        private var mark: [Int]
        private var stamp = 0
        /// The step until which each leaf may not move except to lower the cost.
        private var frozenUntil: [Int]
        private var random: SplitMix64
        private(set) var work = 0
        private let workLimit: Int

        /// Leaves of the chosen set weighed as the first of a pair in one step: up to 24, fewer in a large
        /// problem, so that a step weighs at most about two million incidences.
        private let candidateLimit: Int
        /// One step in this many is a random switch.
        private let noiseOneIn = 8

        /// Improves `up` (which fractional leaves round up) in place; returns the work spent and how many sets stay out of range.
        static func improve(_ s: AggregateStructure, up: inout [Bool], workLimit: Int) -> (work: Int, unresolved: Int) {
            var search = ReferenceRoundingSearch(s, up: up, workLimit: workLimit)
            let unresolved = search.run()
            up = search.up
            return (search.work, unresolved)
        }

        private init(_ s: AggregateStructure, up: [Bool], workLimit: Int) {
            self.s = s
            self.up = up
            self.workLimit = workLimit
            let leafCount = s.fractionalLeaves.count
            var start = [Int](repeating: 0, count: leafCount + 1)
            for set in s.members { for leaf in set { start[leaf + 1] += 1 } }
            for i in 1..<start.count { start[i] += start[i - 1] }
            var entries = [Int](repeating: 0, count: start.last ?? 0)
            var fill = start
            for (id, set) in s.members.enumerated() {
                for leaf in set {
                    entries[fill[leaf]] = id
                    fill[leaf] += 1
                }
            }
            setsStart = start
            setsOfLeaf = entries
            candidateLimit = max(2, min(24, 2_000_000 / max(1, entries.count + leafCount)))
            count = s.members.map { $0.reduce(0) { $0 + (up[$1] ? 1 : 0) } }
            gain = [Int](repeating: 0, count: leafCount)
            mark = [Int](repeating: 0, count: s.members.count)
            weight = [Int](repeating: 1, count: s.members.count)
            frozenUntil = [Int](repeating: 0, count: leafCount)
            random = SplitMix64(seed: UInt64(leafCount) &* 0x9E37_79B9 &+ UInt64(s.members.count))
        }

        private func excess(_ set: Int, _ value: Int) -> Int {
            let (low, high) = s.bounds(of: set)
            return value > high ? value - high : (value < low ? low - value : 0)
        }

        /// The weighted distance of a set from its range.
        private func cost(_ set: Int, _ value: Int) -> Int { weight[set] * excess(set, value) }

        private func direction(_ leaf: Int) -> Int { up[leaf] ? -1 : 1 }

        /// Runs until every set is in range or the work is spent; returns the sets still out of range.
        private mutating func run() -> Int {
            var violated = s.members.indices.filter { excess($0, count[$0]) > 0 }
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
                for leaf in [move.first, move.second] where leaf >= 0 {
                    let d = direction(leaf)
                    up[leaf].toggle()
                    for k in setsStart[leaf]..<setsStart[leaf + 1] { count[setsOfLeaf[k]] += d }
                    frozenUntil[leaf] = step + 5 + random.below(8)
                }
                violated = s.members.indices.filter { excess($0, count[$0]) > 0 }
                for set in violated { weight[set] += 1 }
                work += s.members.count
            }
            return violated.count
        }

        /// A move as the search makes it (a plain value: the reference differs in how it weighs moves, not in them).
        typealias Move = RoundingSearch.Move

        /// The move of lowest cost among single switches of `candidates` and pairs starting with one of them;
        /// a frozen leaf moves only in a move that lowers the cost.
        private mutating func bestMove(_ candidates: [Int], step: Int) -> Move {
            let leafCount = up.count
            for leaf in 0..<leafCount {
                let d = direction(leaf)
                var g = 0
                for k in setsStart[leaf]..<setsStart[leaf + 1] {
                    let set = setsOfLeaf[k]
                    g += cost(set, count[set] + d) - cost(set, count[set])
                }
                gain[leaf] = g
            }
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
            for first in candidates {
                stamp += 1
                let d1 = direction(first)
                // A pair's cost is the two single gains plus, for each set holding both, the cost's second
                // difference: at least 0 when both move the same way (the cost is convex in the count), and
                // at least minus twice the set's weight when they move opposite ways. A pair whose bound is
                // above the best so far would not be considered (nor draw a random number): skipped before
                // its sets are walked. Same moves as weighing every pair, far fewer set visits.
                var firstWeight = 0
                for k in setsStart[first]..<setsStart[first + 1] {
                    mark[setsOfLeaf[k]] = stamp
                    firstWeight += weight[setsOfLeaf[k]]
                }
                let firstFrozen = frozenUntil[first] > step
                for second in 0..<leafCount where second != first {
                    var g = gain[first] + gain[second]
                    let d2 = direction(second)
                    if g - (d2 == d1 ? 0 : 2 * firstWeight) > bestGain { continue }
                    for k in setsStart[second]..<setsStart[second + 1] where mark[setsOfLeaf[k]] == stamp {
                        let set = setsOfLeaf[k]
                        let c = count[set]
                        g += cost(set, c + d1 + d2) - cost(set, c + d1) - cost(set, c + d2) + cost(set, c)
                    }
                    consider(Move(first, second), g, frozen: firstFrozen || frozenUntil[second] > step)
                }
                work += setsOfLeaf.count + leafCount
            }
            if let best { return best }
            return Move(candidates.first ?? -1)
        }
    }
}
