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
        /// (`FirstSeenNumbering`, so a line item's lookup hashes nothing through `Hasher`), with each one's leaf by
        /// number: no line item (nor code string) is made per leaf until the leaves are taken.
        private var packed = FirstSeenNumbering(expectedKeys: 4096)
        private var packedKeys: [PackedLeaves.Key] = []
        private var packedLeaves: [PackedLeaf] = []
        private var index: [Key: Int] = [:]
        /// Leaves with a code that is not all digits.
        private var unpacked: [LineItem] = []

        /// A leaf of packed codes: its nature (基本, or 项目 without a code), fund and exact sum.
        private struct PackedLeaf {
            let nature: SpendingNature
            let fund: RevenueSource
            var amount: Amount
        }

        /// The leaves gathered, as line items (no unit, no project code): those of digit codes in the order first
        /// seen, then the others in the order first seen.
        public var items: [LineItem] {
            packedKeys.indices.map { n in
                LineItem(unit: "", functional: DigitCode.string(packedKeys[n].functional),
                         economic: DigitCode.string(packedKeys[n].economic), nature: packedLeaves[n].nature,
                         fund: packedLeaves[n].fund, amount: packedLeaves[n].amount)
            } + unpacked
        }

        /// `Consolidation.sortedLedger(items)`: when every code is digits, sorted from the packed keys as gathered,
        /// each leaf's codes spelled once.
        func sortedLedger() -> Ledger {
            guard unpacked.isEmpty else { return Consolidation.sortedLedger(items) }
            let keys = packedKeys.indices.map { n in
                Consolidation.SortKey(packedKeys[n].functional, packedKeys[n].economic,
                                      nature: packedLeaves[n].nature, fund: packedLeaves[n].fund)
            }
            // Leaves come in code order, so a leaf often has its predecessor's codes (other nature or fund): the
            // strings spelled last are taken again.
            var functional: (code: UInt64, text: String) = (0, ""), economic: (code: UInt64, text: String) = (0, "")
            return Consolidation.sortedLedger(keys: keys, packed: packedKeys.map { ($0.functional, $0.economic) },
                                              amount: { packedLeaves[$0].amount }) { n in
                let (f, e) = (packedKeys[n].functional, packedKeys[n].economic)
                if f != functional.code { functional = (f, DigitCode.string(f)) }
                if e != economic.code { economic = (e, DigitCode.string(e)) }
                return Ledger.Leaf(unit: "", functional: functional.text, economic: economic.text,
                                   nature: packedLeaves[n].nature, fund: packedLeaves[n].fund, exact: packedLeaves[n].amount)
            }
        }

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
                packedLeaves[found.number].amount = packedLeaves[found.number].amount + amount
            } else {
                packedKeys.append(key)
                packedLeaves.append(PackedLeaf(nature: nature.isBasic ? nature : .project(""), fund: fund, amount: amount))
            }
        }

        private mutating func addByStrings(_ functional: String, _ economic: String, nature: SpendingNature, fund: RevenueSource, amount: Amount) {
            let nature: SpendingNature = nature.isBasic ? nature : .project("")
            let key = Key(functional: functional, economic: economic, nature: nature, fund: fund)
            if let i = index[key] {
                unpacked[i].amount = unpacked[i].amount + amount
            } else {
                index[key] = unpacked.count
                unpacked.append(LineItem(unit: "", functional: functional, economic: economic, nature: nature,
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
