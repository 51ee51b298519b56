import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// The 汇总's integer paths (round 6 of the build at scale): codes gathered and sorted as packed integers
/// (`DigitCode.pack(_:)` of bytes, `DigitCode.aligned`, `Consolidation.sortedLedger`) give exactly what the
/// string paths gave, and codes that are not all digits still take the string path.
@Suite struct IntegerKeyedConsolidationTests {
    /// Random digit codes of 0–9 digits, leading zeros included.
    static func codes(_ count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0...9, using: &random)).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
    }

    @Test func alignedCodesSortAsTheirStrings() throws {
        let codes = Self.codes(400, seed: 5) + ["", "0", "00", "2", "20", "200", "201", "2010101", "21", "3", "30101"]
        let packed = try codes.map { try #require(DigitCode.pack($0)) }
        for (a, pa) in zip(codes, packed) {
            #expect(DigitCode.string(pa) == a)
            for (b, pb) in zip(codes, packed) {
                let integers = (DigitCode.aligned(pa), DigitCode.length(pa)) < (DigitCode.aligned(pb), DigitCode.length(pb))
                #expect(integers == (a < b), "\(a) \(b)")
            }
        }
    }

    @Test func bytesPackAsTheString() {
        for code in Self.codes(200, seed: 6) + ["20a", "２０１", "1234567890123456789", "123456789012345678"] {
            let fromBytes = Array(code.utf8).withUnsafeBufferPointer { DigitCode.pack($0) }
            #expect(fromBytes == DigitCode.pack(code), "\(code)")
        }
    }

    /// Line items of a few 汇总-shaped departments, with some codes shortened or lengthened so that codes of
    /// one aligned value but different lengths meet.
    static func items(seed: UInt64) -> [LineItem] {
        let budgets = (1...4).map { BudgetGenerator.make(seed: seed &+ UInt64($0), units: 2, items: 90, projects: 3) }
        var random = SeededRandom(seed: seed)
        return budgets.flatMap(\.lineItems).map { item in
            var changed = item
            switch Int.random(in: 0..<10, using: &random) {
            case 0: changed.functional = String(item.functional.prefix(5))
            case 1: changed.functional += "0"
            case 2: changed.economic = String(item.economic.prefix(3))
            default: break
            }
            return changed
        }
    }

    @Test(arguments: [UInt64(31), 32, 33])
    func gatheredLeavesSortAsByStrings(seed: UInt64) {
        var gathering = Consolidation.Gathering()
        gathering.add(Self.items(seed: seed))
        let items = gathering.items
        let byStrings = Ledger(items.sorted(by: Consolidation.leafOrder))
        let byIntegers = Consolidation.sortedLedger(items)
        #expect(byIntegers.leaves == byStrings.leaves)
        #expect(!byIntegers.leaves.isEmpty)
        // Merged shares (duplicates of one leaf) are summed as `Ledger` sums them.
        let doubled = items + items.reversed()
        #expect(Consolidation.sortedLedger(doubled).leaves == Ledger(doubled.sorted(by: Consolidation.leafOrder)).leaves)
    }

    /// The 汇总 of a gathering, sorted from its packed keys, is the 汇总 of its line items (digit codes or not).
    @Test(arguments: [UInt64(34), 35, 36])
    func gatheringSortsAsItsItems(seed: UInt64) {
        var items = Self.items(seed: seed)
        for digitsOnly in [true, false] {
            if !digitsOnly { items[seed == 34 ? 0 : 7].functional = "2O1O1O1" }
            var gathering = Consolidation.Gathering()
            gathering.add(items)
            let fromGathering = Consolidation(gathering, name: "示例市", year: 2022)
            let fromItems = Consolidation(gathering.items, name: "示例市", year: 2022)
            #expect(fromGathering.ledger.leaves == fromItems.ledger.leaves)
            #expect(fromGathering.ledger.packedCodes.map { [$0.functional, $0.economic] }
                    == fromItems.ledger.packedCodes.map { [$0.functional, $0.economic] })
            #expect(fromGathering.ledger.units == fromItems.ledger.units)
            #expect(fromGathering.tables == fromItems.tables)
            #expect(!fromGathering.ledger.leaves.isEmpty)
        }
    }

    @Test func codesThatAreNotDigitsTakeTheStringPath() {
        var gathering = Consolidation.Gathering()
        var items = Self.items(seed: 40)
        items[0].functional = "2O1O1O1"
        items[1].economic = "３０１０１"
        gathering.add(items)
        let merged = Ledger(items.map { item in
            var i = item
            if !i.nature.isBasic { i.nature = .project("") }
            i.unit = ""
            return i
        })
        #expect(gathering.items.count == merged.leaves.count)
        #expect(gathering.items.reduce(0) { $0 + $1.amount.fen } == items.reduce(0) { $0 + $1.amount.fen })
        #expect(gathering.items.contains { $0.functional == "2O1O1O1" })
        let byIntegers = Consolidation.sortedLedger(gathering.items)
        #expect(byIntegers.leaves == Ledger(gathering.items.sorted(by: Consolidation.leafOrder)).leaves)
        // Bytes of a code that is not digits are read as the string.
        var fromBytes = Consolidation.Gathering()
        for item in items {
            Array(item.functional.utf8).withUnsafeBufferPointer { f in
                Array(item.economic.utf8).withUnsafeBufferPointer { e in
                    fromBytes.add(functional: f, economic: e, nature: item.nature, fund: item.fund, amount: item.amount)
                }
            }
        }
        #expect(fromBytes.items == gathering.items)
    }
}
