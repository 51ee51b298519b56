import YusuanCore

extension Consolidation {
    /// Departments' line items gathered straight into the consolidation's leaves (功能 × 经济 × 基本/项目
    /// nature × fund, no unit, no project), one department at a time: the same leaves and exact sums as
    /// merging the departments' compiled ledgers (`share(of:)`, `merge`), so the 汇总 can be built on a
    /// task of its own from the start instead of after every department. Sums are exact, so the order the
    /// departments come in changes only the order of the leaves, which `Consolidation.init` sorts.
    public struct Gathering: Sendable {
        private var index: [Key: Int] = [:]
        public private(set) var items: [LineItem] = []

        public init() {}

        public mutating func add(_ lineItems: [LineItem]) {
            for item in lineItems {
                add(functional: item.functional, economic: item.economic, nature: item.nature, fund: item.fund, amount: item.amount)
            }
        }

        /// One line item given by its fields (unit and project code are not needed: the 汇总 has neither), so a
        /// reader can gather without building each department's `Budget`.
        public mutating func add(functional: String, economic: String, nature: SpendingNature, fund: RevenueSource, amount: Amount) {
            let nature: SpendingNature = nature.isBasic ? nature : .project("")
            let key = Key(functional: functional, economic: economic, nature: nature, fund: fund)
            if let i = index[key] {
                items[i].amount = items[i].amount + amount
            } else {
                index[key] = items.count
                items.append(LineItem(unit: "", functional: functional, economic: economic, nature: nature,
                                      fund: fund, amount: amount))
            }
        }

        /// A leaf's identity; the fund is compared but hashed as its bit (its raw value is a Chinese name).
        private struct Key: Hashable {
            let functional: String
            let economic: String
            let nature: SpendingNature
            let fund: RevenueSource

            func hash(into hasher: inout Hasher) {
                hasher.combine(functional)
                hasher.combine(economic)
                hasher.combine(nature)
                hasher.combine(fund.bit)
            }
        }
    }
}
