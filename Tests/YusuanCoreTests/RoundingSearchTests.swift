import Foundation
import PropertyBased
import Testing
import YusuanTestSupport
@testable import YusuanCore

/// Controlled rounding of problems shaped like a department's disclosure: leaves of 功能 项 × nature ×
/// fund × 经济 款, printed as the tables print them (three or more crossing families of sets).
@Suite struct RoundingSearchTests {
    /// A rounding problem saved as text: the unit in 分, the leaves in 分, then one aggregate per line.
    static func load(_ name: String) throws -> RoundingProblem {
        let url = Fixtures.root.appendingPathComponent("Tests/Fixtures/rounding/\(name)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let unit = try #require(lines.first.flatMap { Int64($0) })
        let leaves = lines.dropFirst().first?.split(separator: " ").compactMap { Int64($0) } ?? []
        let aggregates = lines.dropFirst(2).map { $0.split(separator: " ").compactMap { Int($0) } }
        return RoundingProblem(leaves: leaves, unit: unit, aggregates: aggregates)
    }

    /// Every leaf at its floor or ceiling, every aggregate the sum of its leaves and within one unit.
    static func expectControlled(_ problem: RoundingProblem, _ solution: RoundingSolution,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (leaf, units) in solution.units.enumerated() {
            let (whole, remainder) = problem.split(leaf: leaf)
            #expect(units == whole || (remainder > 0 && units == whole + 1), sourceLocation: sourceLocation)
        }
        var outside = 0
        for (i, aggregate) in problem.aggregates.enumerated() {
            #expect(solution.aggregateUnits[i] == solution.sum(aggregate), sourceLocation: sourceLocation)
            let (whole, remainder) = problem.exactValue(of: aggregate)
            let printed = solution.aggregateUnits[i]
            if !(printed == whole || (remainder > 0 && printed == whole + 1)) { outside += 1 }
        }
        #expect(outside == 0, "\(outside) aggregates out of range", sourceLocation: sourceLocation)
        #expect(solution.isControlled, sourceLocation: sourceLocation)
    }

    /// One department of `yusuan-bench city` (seed 1, 100 departments of 1,000 line items) whose
    /// 0.01 万元 rounding the repair alone left with one figure out of range (seven laminar families).
    @Test func aCityDepartmentThatFailedBefore() throws {
        let problem = try Self.load("city-department-2022.txt")
        #expect(problem.leaves.count > 600 && problem.aggregates.count > 200)
        let solution = ControlledRounding.solve(problem)
        #expect(solution.familyCount > 2)
        Self.expectControlled(problem, solution)
        #expect(ControlledRounding.solve(problem) == solution, "deterministic")
    }

    /// A department-shaped problem: leaves 功能 项 (3 类 × 3 款 × 3 项) × nature (personnel, public
    /// cost, `projects` projects) × fund (4) × 经济 款 (4 per nature), with the sets the tables print:
    /// 功能 类/款/项 × (all, basic, project) for all funds and for each of the first three funds,
    /// 功能 × each fund, fund totals, 经济 款 and 类 × (basic, personnel, public cost) in the first
    /// fund, each project, and a few sets of 经济 款 across 类 (the 三公 columns).
    static func department(amounts: [Int64], projects: Int) -> RoundingProblem {
        struct Leaf { let f: Int; let nature: Int; let fund: Int; let e: Int }
        var leaves: [Leaf] = []
        for f in 0..<27 {
            for nature in 0..<(2 + projects) {
                for fund in 0..<4 {
                    for e in 0..<4 { leaves.append(Leaf(f: f, nature: nature, fund: fund, e: e + (nature == 1 ? 4 : 0))) }
                }
            }
        }
        let count = min(leaves.count, amounts.count)
        leaves = Array(leaves.prefix(count))
        func set(_ keep: (Leaf) -> Bool) -> [Int] { leaves.indices.filter { keep(leaves[$0]) } }
        let functional: [(Leaf) -> Bool] = [{ _ in true }] + (0..<3).map { c in { $0.f / 9 == c } }
            + (0..<9).map { k in { $0.f / 3 == k } } + (0..<27).map { x in { $0.f == x } }
        let natures: [(Leaf) -> Bool] = [{ _ in true }, { $0.nature < 2 }, { $0.nature >= 2 }]
        let scopes: [(Leaf) -> Bool] = [{ _ in true }, { $0.fund == 0 }, { $0.fund == 1 }, { $0.fund == 2 }]
        var aggregates: [[Int]] = []
        for f in functional {
            for n in natures { for s in scopes { aggregates.append(set { f($0) && n($0) && s($0) }) } }
            for fund in 0..<4 { aggregates.append(set { f($0) && $0.fund == fund }) }
        }
        let economic: [(Leaf) -> Bool] = [{ _ in true }, { $0.e < 4 }, { $0.e >= 4 }] + (0..<8).map { e in { $0.e == e } }
        let basic: [(Leaf) -> Bool] = [{ $0.nature < 2 }, { $0.nature == 0 }, { $0.nature == 1 }]
        for e in economic { for b in basic { aggregates.append(set { e($0) && b($0) && $0.fund == 0 }) } }
        for p in 0..<projects { aggregates.append(set { $0.nature == 2 + p }) }
        aggregates.append(set { $0.fund == 0 && ($0.e == 2 || $0.e == 5) })
        aggregates.append(set { $0.fund == 0 && ($0.e == 3 || $0.e == 6 || $0.e == 7) })
        return RoundingProblem(leaves: Array(amounts.prefix(count)), unit: 10_000, aggregates: aggregates)
    }

    /// Amounts of 10 元 to 500,000 元 in 分 (as the city's line items), a few zeros and whole units.
    static let amounts = Gen.int64(in: 1_000...50_000_000)
        .map { $0 % 13 == 0 ? 0 : $0 % 17 == 0 ? $0 / 10_000 * 10_000 : $0 }
        .array(of: 27 * 5 * 4 * 4)

    @Test func departmentShapedProblemsAreControlled() async {
        await propertyCheck(count: 6, input: Self.amounts, Gen.int(in: 0...3)) { fen, projects in
            let problem = Self.department(amounts: fen, projects: projects)
            Self.expectControlled(problem, ControlledRounding.solve(problem))
        }
    }

    @Test func withoutWorkTheResultStillAddsUp() async {
        await propertyCheck(count: 3, input: Self.amounts, Gen.int(in: 0...3)) { fen, projects in
            let problem = Self.department(amounts: fen, projects: projects)
            let solution = ControlledRounding.solve(problem, workLimit: 0)
            for (i, aggregate) in problem.aggregates.enumerated() {
                #expect(solution.aggregateUnits[i] == solution.sum(aggregate))
            }
            for (leaf, units) in solution.units.enumerated() {
                let (whole, remainder) = problem.split(leaf: leaf)
                #expect(units == whole || (remainder > 0 && units == whole + 1))
            }
        }
    }
}
