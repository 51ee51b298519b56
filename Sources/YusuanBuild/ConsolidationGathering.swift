import YusuanCore

extension Consolidation {
    /// Departments' line items gathered straight into the consolidation's leaves (功能 × 经济 × 基本/项目
    /// nature × fund, no unit, no project), one department at a time: the same leaves and exact sums as
    /// merging the departments' compiled ledgers (`share(of:)`, `merge`), so the 汇总 can be built on a
    /// task of its own from the start instead of after every department. Sums are exact, so the order the
    /// departments come in changes only the order of the leaves, which `Consolidation.init` sorts.
    ///
    /// Codes of ASCII digits (every real 功能 and 经济 code) are packed into integers (`DigitCode`) and the
    /// leaves found under an integer key, with no string hashed or built per item; other codes go through a
    /// dictionary keyed by the strings.
    public struct Gathering: Sendable {
        /// Packed keys (the fund's bit in bits 0–9, the nature's bit from bit 10) numbered in the order first seen
        /// (`FirstSeenNumbering`, so a line item's lookup hashes nothing through `Hasher`), with each one's key and
        /// its leaf's position in `items`.
        private var packed = FirstSeenNumbering(expectedKeys: 4096)
        private var packedKeys: [PackedLeaves.Key] = []
        private var packedItems: [Int] = []
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
            if let f = DigitCode.pack(functional), let e = DigitCode.pack(economic) {
                addPacked(f, e, nature: nature, fund: fund, amount: amount)
                return
            }
            addByStrings(functional, economic, nature: nature, fund: fund, amount: amount)
        }

        /// One line item whose 功能 and 经济 codes are given as their UTF-8 bytes (a reader's fields, read in
        /// place): no string is built unless the item makes a new leaf or a code is not all digits.
        public mutating func add(functional: UnsafeBufferPointer<UInt8>, economic: UnsafeBufferPointer<UInt8>,
                                 nature: SpendingNature, fund: RevenueSource, amount: Amount) {
            if let f = DigitCode.pack(functional), let e = DigitCode.pack(economic) {
                addPacked(f, e, nature: nature, fund: fund, amount: amount)
                return
            }
            addByStrings(String(decoding: functional, as: UTF8.self), String(decoding: economic, as: UTF8.self),
                         nature: nature, fund: fund, amount: amount)
        }

        private mutating func addPacked(_ f: UInt64, _ e: UInt64, nature: SpendingNature, fund: RevenueSource, amount: Amount) {
            let key = PackedLeaves.Key(functional: f, economic: e, masks: UInt64(PackedLeaves.natureBit(nature)) << 10 | UInt64(fund.bit))
            let found = packed.number(key, keys: packedKeys)
            if !found.isNew {
                let i = packedItems[found.number]
                items[i].amount = items[i].amount + amount
            } else {
                packedKeys.append(key)
                packedItems.append(items.count)
                items.append(LineItem(unit: "", functional: DigitCode.string(f), economic: DigitCode.string(e),
                                      nature: nature.isBasic ? nature : .project(""), fund: fund, amount: amount))
            }
        }

        private mutating func addByStrings(_ functional: String, _ economic: String, nature: SpendingNature, fund: RevenueSource, amount: Amount) {
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
