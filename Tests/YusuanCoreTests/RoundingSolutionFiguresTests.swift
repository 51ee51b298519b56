import Testing
@testable import YusuanCore

/// `RoundingSolution`'s printed aggregates and violations for given units: the unsaturated walk (plain sums
/// over raw buffers) held to the reference, `sum(_:)` and `RoundingProblem.exactValue(of:)` per aggregate,
/// on random problems; amounts near the ends of Int64 take the saturating path, which must agree too.
@Suite struct RoundingSolutionFiguresTests {
    static func randomCase(seed: UInt64, extreme: Bool) -> (RoundingProblem, [Int64]) {
        var random = SplitMix64(seed: seed)
        let leafCount = 1 + Int(random.next() % 40)
        let unit = Int64([1, 7, 100, 10_000, 1 << 40][Int(random.next() % 5)])
        let leaves: [Int64] = (0..<leafCount).map { _ in
            if extreme && random.next() % 3 == 0 {
                return random.next() % 2 == 0 ? Int64.max - Int64(random.next() % 1000) : Int64.min + Int64(random.next() % 1000)
            }
            return Int64(random.next() % 2_000_000) - 1_000_000
        }
        let aggregates: [[Int]] = (0..<Int(random.next() % 12)).map { _ in
            (0..<Int(random.next() % UInt64(leafCount + 3))).map { _ in Int(random.next() % UInt64(leafCount + 2)) }
        }
        let problem = RoundingProblem(leaves: leaves, unit: unit, aggregates: aggregates)
        // Each leaf its floor or its ceiling, at random (saturating: the floor of Int64.max in units of 1 is
        // Int64.max itself).
        let units: [Int64] = problem.leaves.indices.map { leaf in
            let whole = problem.split(leaf: leaf).whole
            return random.next() % 2 == 0 ? whole : RoundingMath.adding(whole, 1)
        }
        return (problem, units)
    }

    static func reference(_ problem: RoundingProblem, units: [Int64]) -> (printed: [Int64], violations: [Int]) {
        let holder = RoundingSolution(problem: RoundingProblem(leaves: [], unit: 1, aggregates: []), units: units, familyCount: 0)
        var violations: [Int] = []
        let printed = problem.aggregates.map { holder.sum($0) }
        for (i, aggregate) in problem.aggregates.enumerated() {
            let (whole, remainder) = problem.exactValue(of: aggregate)
            let sum = printed[i]
            if !(sum == whole || (remainder > 0 && sum == RoundingMath.adding(whole, 1))) { violations.append(i) }
        }
        return (printed, violations)
    }

    @Test(arguments: 0..<300)
    func unsaturatedWalkMatchesReference(seed: Int) {
        let (problem, units) = Self.randomCase(seed: UInt64(seed), extreme: false)
        guard let fast = RoundingSolution.unsaturatedFigures(problem, units: units) else {
            Issue.record("small amounts cannot saturate")
            return
        }
        let expected = Self.reference(problem, units: units)
        #expect(fast.printed == expected.printed)
        #expect(fast.violations == expected.violations)
    }

    @Test(arguments: 0..<300)
    func solutionMatchesReferenceNearTheEnds(seed: Int) {
        let (problem, units) = Self.randomCase(seed: UInt64(seed), extreme: true)
        let solution = RoundingSolution(problem: problem, units: units, familyCount: 0)
        let expected = Self.reference(problem, units: units)
        #expect(solution.aggregateUnits == expected.printed)
        #expect(solution.violations == expected.violations)
    }

    @Test func saturatingSumsTakeTheReferencePath() {
        let problem = RoundingProblem(leaves: [.max, 1, -.max], unit: 1, aggregates: [[0, 1, 2]])
        let units: [Int64] = [.max, 1, -.max]
        #expect(RoundingSolution.unsaturatedFigures(problem, units: units) == nil)
        // Saturating left to right: max, then max again, then 0 (the plain sum would be 1).
        #expect(RoundingSolution(problem: problem, units: units, familyCount: 0).aggregateUnits == [0])
    }
}
