import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// A filter keeps its funds and natures as bit masks: these tests hold the masks to the sets they stand for.
@Suite struct LeafFilterMaskTests {
    /// Subsets of the funds from a seed (deterministic).
    static func fundSets(_ count: Int, seed: UInt64) -> [Set<RevenueSource>] {
        var state = seed
        var out: [Set<RevenueSource>] = [[], Set(RevenueSource.allCases)]
        while out.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = state >> 33
            out.append(Set(RevenueSource.allCases.enumerated().filter { bits >> UInt64($0.offset) & 1 == 1 }.map(\.element)))
        }
        return out
    }

    @Test func fundMasksIntersectAsSets() {
        let sets = Self.fundSets(24, seed: 7)
        for a in sets {
            #expect(LeafFilter.funds(a).funds == a)
            for b in sets {
                let both = LeafFilter.funds(a).and(.funds(b))
                #expect(both.funds == a.intersection(b))
                #expect(both == LeafFilter.funds(b).and(.funds(a)))
                #expect(both.hashValue == LeafFilter.funds(a.intersection(b)).hashValue)
            }
        }
        #expect(LeafFilter.fund(.govFund) == .funds([.govFund]))
        #expect(LeafFilter.all.funds == nil && LeafFilter.all.natures == nil)
    }

    @Test func natureMasksIntersectAsSets() {
        let filters: [(LeafFilter, Set<LeafFilter.NatureKind>)] = [
            (.basic, [.personnel, .publicCost]), (.project, [.project]), (.personnel, [.personnel]), (.publicCost, [.publicCost]),
        ]
        for (f, fs) in filters {
            #expect(f.natures == fs)
            for (g, gs) in filters {
                #expect(f.and(g).natures == fs.intersection(gs))
                #expect(f.and(g) == g.and(f))
            }
        }
    }

    /// Matching a leaf with the masks agrees with membership in the sets, for every fund and nature.
    @Test func masksMatchWhatTheSetsMatch() {
        let budget = BudgetGenerator.make(seed: 13, units: 3, items: 400, projects: 5)
        let ledger = Ledger(budget.lineItems)
        let index = LeafIndex(ledger)
        let natures: [LeafFilter] = [.all, .basic, .project, .personnel, .publicCost]
        for funds in Self.fundSets(12, seed: 3) {
            for n in natures {
                let filter = LeafFilter.funds(funds).and(n)
                let expected = ledger.select { leaf in
                    funds.contains(leaf.fund) && (n.natures.map { $0.contains(LeafFilter.NatureKind(leaf.nature)) } ?? true)
                }
                #expect(ledger.select(filter.matches) == expected)
                #expect(index.select(filter) == expected)
                // The dictionary path (a filter with a set of codes) agrees too.
                let units = Set(budget.units.map(\.code))
                #expect(index.select(filter.and(.units(units))) == expected)
            }
        }
    }
}
