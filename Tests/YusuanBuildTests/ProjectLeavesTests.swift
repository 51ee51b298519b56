import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `ProjectLeaves` numbers the leaves' project codes by an FNV-1a hash and lists leaves by number: held to the
/// dictionary of lists by code it replaced, and `LeafIndex` selections of projects to scanning every leaf, on random
/// leaves in runs and scattered, with codes small and long (heap strings), not ASCII, empty and absent.
@Suite struct ProjectLeavesTests {
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func listsAreTheDictionaryGrouping(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let codes = ["P1", "P2", "", "100000P0003", "100000P0010", "项目甲", "a-project-code-longer-than-fifteen-bytes",
                     "a-project-code-longer-than-fifteen-bytez"]
        func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }
        var leaves: [Ledger.Leaf] = []
        while leaves.count < 500 {
            // A run of one to four leaves of one nature.
            let nature: SpendingNature = rng.next() % 3 == 0 ? pick([.personnel, .publicCost]) : .project(pick(codes))
            for _ in 0..<Int(1 + rng.next() % 4) {
                leaves.append(Ledger.Leaf(unit: "001", functional: pick(["2010101", "2050201"]), economic: "30101",
                                          nature: nature, fund: .generalBudget, exact: Amount(fen: 1)))
            }
        }
        var expected: [String: [Int]] = [:]
        for (i, leaf) in leaves.enumerated() {
            if case .project(let code) = leaf.nature { expected[code, default: []].append(i) }
        }
        let projects = ProjectLeaves(leaves)
        for code in codes + ["P3", "p1", "100000P000"] {
            #expect(projects.leaves(of: code) == expected[code] ?? [], "project \(code)")
        }
        let index = LeafIndex(Ledger(leaves: leaves))
        for filter in [LeafFilter.projects(["P1"]), .projects(["P1", "项目甲", "P3"]), .projects([""]),
                       .projects(["100000P0003"]).and(.functional("201")), .projects(Set(codes)).and(.basic)] {
            #expect(index.select(filter) == leaves.indices.filter { filter.matches(leaves[$0]) })
        }
    }
}
