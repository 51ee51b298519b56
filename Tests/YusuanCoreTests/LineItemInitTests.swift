import Foundation
import Testing
import YusuanCore
import YusuanTestSupport

/// `LineItem`'s public initialiser delegates to the memberwise one, whose fields come in another order (build round 34:
/// the value formed whole, not field by field); every field must be what it was given, and the item must encode to the
/// same keys and decode back to itself.
@Suite struct LineItemInitTests {
    @Test func initialiserKeepsEveryField() {
        var rng = SeededRandom(seed: 3401)
        let codes = ["", "2010301", "2080501", "30101", "30201", "501", "中文", "a b"]
        func code() -> String { codes[Int.random(in: 0..<codes.count, using: &rng)] }
        func optionalCode() -> String? { Bool.random(using: &rng) ? code() : nil }
        let funds = RevenueSource.allCases
        for _ in 0..<20_000 {
            let (unit, functional, economic) = (code(), code(), code())
            let governmentEconomic = optionalCode(), origin = optionalCode()
            let nature: SpendingNature = switch Int.random(in: 0..<3, using: &rng) {
            case 0: .personnel
            case 1: .publicCost
            default: .project(code())
            }
            let fund = funds[Int.random(in: 0..<funds.count, using: &rng)]
            let amount = Amount(fen: Int64.random(in: -1_000_000_000...1_000_000_000, using: &rng))
            let item = LineItem(unit: unit, functional: functional, economic: economic, governmentEconomic: governmentEconomic,
                                nature: nature, fund: fund, amount: amount, origin: origin)
            #expect(item.unit == unit && item.functional == functional && item.economic == economic
                    && item.governmentEconomic == governmentEconomic && item.nature == nature && item.fund == fund
                    && item.amount == amount && item.origin == origin)
        }
        // The defaults: no 政府经济 code, no origin.
        let plain = LineItem(unit: "1", functional: "2010301", economic: "30101", nature: .personnel, fund: .generalBudget,
                             amount: Amount(fen: 1))
        #expect(plain.governmentEconomic == nil && plain.origin == nil)
    }

    @Test func codingKeepsKeysAndValues() throws {
        let item = LineItem(unit: "101", functional: "2010301", economic: "30101", governmentEconomic: "50101",
                            nature: .project("P1"), fund: .govFund, amount: Amount(fen: 12_345), origin: "line_items.csv:12")
        let data = try JSONEncoder().encode(item)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys) == ["unit", "functional", "economic", "governmentEconomic", "nature", "fund", "amount", "origin"])
        #expect(try JSONDecoder().decode(LineItem.self, from: data) == item)
    }
}
