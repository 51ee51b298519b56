import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// `Ledger.init` numbers leaves through `FirstSeenNumbering` by a hash of their two codes: held to gathering by a
/// dictionary keyed by every field, on random line items whose fields collide often (codes of digits, with leading
/// zeros, and not digits; one pair of codes under several units, natures and funds).
@Suite struct LedgerGatheringTests {
    private struct Identity: Hashable {
        let unit: String, functional: String, economic: String, nature: SpendingNature, fund: RevenueSource
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func leavesAreTheDictionaryGathering(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        let units = ["001", "002", "本级"]
        let functional = ["2010101", "2010102", "201", "0", "00", "2x01", "２０１", ""]
        let economic = ["30101", "30201", "030101", "3010a", "301"]
        let natures: [SpendingNature] = [.personnel, .publicCost, .project("P1"), .project("P2"), .project("")]
        let funds: [RevenueSource] = [.generalBudget, .govFund, .carryover]
        func pick<T>(_ values: [T]) -> T { values[Int(rng.next() % UInt64(values.count))] }
        let items = (0..<600).map { _ in
            LineItem(unit: pick(units), functional: pick(functional), economic: pick(economic), nature: pick(natures),
                     fund: pick(funds), amount: Amount(fen: Int64(rng.next() % 1_000_000)))
        }
        var order: [Identity] = [], sums: [Identity: Amount] = [:]
        for item in items {
            let id = Identity(unit: item.unit, functional: item.functional, economic: item.economic, nature: item.nature, fund: item.fund)
            if let sum = sums[id] { sums[id] = sum + item.amount } else { order.append(id); sums[id] = item.amount }
        }
        let expected = order.map { id in
            Ledger.Leaf(unit: id.unit, functional: id.functional, economic: id.economic, nature: id.nature, fund: id.fund,
                        exact: sums[id] ?? .zero)
        }
        #expect(Ledger(items).leaves == expected)
    }

    /// The codes the ledger packs as it gathers (`packedCodes`, taken by `PackedLeaves`) are its leaves' codes packed;
    /// none when a code is not digits.
    @Test(arguments: [UInt64(5), 17])
    func packedCodesAreTheLeavesCodes(seed: UInt64) throws {
        let ledger = Ledger(BudgetGenerator.make(seed: seed, units: 3, items: 300, projects: 6).lineItems)
        let packed = try #require(ledger.packedCodes)
        #expect(packed.functional.map(Optional.some) == ledger.leaves.map { DigitCode.pack($0.functional) })
        #expect(packed.economic.map(Optional.some) == ledger.leaves.map { DigitCode.pack($0.economic) })
        let item = LineItem(unit: "001", functional: "2010101", economic: "3010a", nature: .personnel, fund: .generalBudget,
                            amount: Amount(fen: 1))
        #expect(Ledger([item]).packedCodes == nil)
    }
}
