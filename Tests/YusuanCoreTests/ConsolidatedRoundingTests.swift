import Testing
@testable import YusuanCore

/// Controlled rounding of a problem shaped like a city's consolidated 汇总: leaves of 功能 项 × 经济 款 ×
/// nature (personnel, public cost, project) × fund, printed only by 功能 (类/款/项) and by 经济 (类/款),
/// each as 合计 / 基本支出 / 项目支出. Leaves that differ by fund or by personnel/public cost lie in the
/// same sets, so `MergedLeaves` rounds them as one.
@Suite struct ConsolidatedRoundingTests {
    /// A seeded consolidated-shaped problem: about 9,000 leaves and 900 sets in four crossing families.
    static func problem(seed: UInt64) -> RoundingProblem {
        var random = SplitMix64(seed: seed)
        var functional: [String] = []
        for c in 0..<8 { for k in 0..<5 { for x in 0..<4 { functional.append("2\(10 + c)\(10 + k)\(10 + x)") } } }
        var economic: [String] = []
        for c in 0..<4 { for k in 0..<6 { economic.append("30\(c + 1)\(10 + k)") } }
        struct Leaf { let functional: String, economic: String, nature: Int, fund: Int }
        var leaves: [Leaf] = []
        var amounts: [Int64] = []
        for f in functional {
            for e in economic where random.below(3) == 0 {
                for nature in 0..<3 where random.below(2) == 0 {
                    for fund in 0..<3 where fund == 0 || random.below(3) == 0 {
                        leaves.append(Leaf(functional: f, economic: e, nature: nature, fund: fund))
                        amounts.append(Int64(random.below(5_000_000)) + 1)
                    }
                }
            }
        }
        var sets: [[Int]] = []
        func add(_ matches: (Leaf) -> Bool) {
            for basic in [nil, true, false] as [Bool?] {
                sets.append(leaves.indices.filter { i in
                    matches(leaves[i]) && (basic == nil || (leaves[i].nature < 2) == basic)
                })
            }
        }
        add { _ in true }
        var prefixes = Set<String>()
        for f in functional { prefixes.formUnion([String(f.prefix(3)), String(f.prefix(5)), f]) }
        for p in prefixes.sorted() { add { $0.functional.hasPrefix(p) } }
        prefixes = []
        for e in economic { prefixes.formUnion([String(e.prefix(3)), e]) }
        for p in prefixes.sorted() { add { $0.economic.hasPrefix(p) } }
        return RoundingProblem(leaves: amounts, unit: 10_000, aggregates: sets)
    }

    @Test(arguments: [1, 2] as [UInt64])
    func aConsolidatedProblemIsControlled(seed: UInt64) throws {
        let p = Self.problem(seed: seed)
        let merged = try #require(MergedLeaves(p))
        // Funds and personnel/public cost fall together: at most 功能 × 经济 × 基本/项目 groups.
        #expect(merged.problem.leaves.count <= 160 * 24 * 2)
        #expect(merged.problem.leaves.count * 3 < p.leaves.count * 2)
        let solution = ControlledRounding.solve(p)
        RoundingSearchTests.expectControlled(p, solution)
    }

    /// Sharing a group's units out among its leaves keeps each leaf at its floor or ceiling and each
    /// group's sum as the merged problem rounded it.
    @Test func groupsAreSharedOutExactly() throws {
        let p = RoundingProblem(leaves: [15_000, 25_000, 7_000, 33_000, 4_000], unit: 10_000,
                                aggregates: [[0, 1, 2, 3, 4], [0, 1, 2], [3, 4]])
        let merged = try #require(MergedLeaves(p))
        #expect(merged.problem.leaves == [47_000, 37_000])
        let units = merged.distribute([5, 3])
        #expect(units == [2, 2, 1, 3, 0])
        let solution = ControlledRounding.solve(p)
        RoundingSearchTests.expectControlled(p, solution)
    }
}
