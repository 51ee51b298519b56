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

    /// Filters of projects only are numbered by their projects' numbers: held to numbering the filters themselves in
    /// the order first seen (the dictionary by filter), on random sets of codes that are ASCII, not ASCII, absent,
    /// empty, and two spellings of one code (equal as `String`s, not as bytes), each set built in two ways.
    @Test(arguments: [UInt64(11), 12, 13])
    func projectSelectionsAreNumberedByFilter(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let present = ["P1", "P2", "P3", "", "100000P0003", "项目甲", composed,
                       "a-project-code-longer-than-fifteen-bytes"]
        var leaves: [Ledger.Leaf] = []
        for i in 0..<300 {
            let nature: SpendingNature = i % 5 == 0 ? .personnel : .project(present[Int(rng.next() % UInt64(present.count))])
            leaves.append(Ledger.Leaf(unit: "001", functional: "2010101", economic: "30101", nature: nature,
                                      fund: .generalBudget, exact: Amount(fen: 1)))
        }
        let codes = present + ["P4", decomposed]
        let index = LeafIndex(Ledger(leaves: leaves))
        var model: [LeafFilter: Int] = [:]
        for _ in 0..<400 {
            var chosen: Set<String> = []
            for code in codes where rng.next() % 4 == 0 { chosen.insert(code) }
            // The same set, made larger and narrowed: its codes may come in another order.
            let filter = rng.next() % 2 == 0 ? LeafFilter.projects(chosen)
                : .projects(chosen.union(["P1", "P2", "P3", "P4"])).and(.projects(chosen))
            let expected = model[filter] ?? model.count
            model[filter] = expected
            #expect(index.selection(filter) == expected, "\(chosen)")
            if !chosen.contains(decomposed) {
                #expect(index.select(filter) == leaves.indices.filter { filter.matches(leaves[$0]) })
            }
        }
    }
}
