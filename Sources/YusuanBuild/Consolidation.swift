import YusuanCore

/// The consolidated 汇总 of many departments (a city's or a province's budget): expenditure by 功能科目
/// (类/款/项) and by 经济科目 (类/款), each split into 基本支出 and 项目支出.
///
/// It reuses the department build: every department's ledger leaves become line items of one
/// consolidated `Ledger` (unit and project dropped, so leaves are 功能 × 经济 × nature × fund), whose
/// leaves are rounded once by controlled rounding over the sets the two tables print, exactly as a
/// department's disclosure is. Shares can be merged in any grouping (per worker, then together):
/// merging is `Ledger`'s own grouping of line items.
public struct Consolidation: Sendable {
    /// The consolidated leaves with their exact amounts and printed units.
    public let ledger: Ledger
    /// 汇总 by 功能科目 and 汇总 by 经济科目.
    public let tables: [DisclosureTable]

    /// One department's (or one group's) contribution: its leaves without unit and project.
    public static func share(of ledger: Ledger) -> [LineItem] {
        ledger.leaves.map { leaf in
            LineItem(unit: "", functional: leaf.functional, economic: leaf.economic,
                     nature: leaf.nature.isBasic ? leaf.nature : .project(""), fund: leaf.fund, amount: leaf.exact)
        }
    }

    /// Merges shares (of departments or of already merged groups) into one ledger's line items.
    public static func merge(_ shares: [[LineItem]]) -> [LineItem] {
        share(of: Ledger(shares.flatMap { $0 }))
    }

    /// Rounds the merged shares and prints the two 汇总 tables for `name` (a city, a province) and `year`.
    public init(_ items: [LineItem], name: String, year: Int) {
        // The shares arrive in whatever order the workers finished; sorted, the leaves (and so the
        // rounding, which is deterministic for a given problem) do not depend on it.
        self.init(sorted: Self.sortedLedger(items), name: name, year: year)
    }

    /// `init(gathering.items, name:year:)`, taking the gathering's leaves as it packed them: when every code is
    /// digits, no line item is made and no code packed again.
    public init(_ gathering: Gathering, name: String, year: Int) {
        self.init(sorted: gathering.sortedLedger(), name: name, year: year)
    }

    /// Rounds the leaves, already in `leafOrder`, and prints the two 汇总 tables.
    private init(sorted: Ledger, name: String, year: Int) {
        var ledger = sorted
        let budget = Budget(department: name, year: year, profile: "", units: [])
        let index = LeafIndex(ledger)
        let recorder = Recorder()
        // The grids are built once, noting their sets; their figures are read after rounding.
        let grids = Self.grids(budget, Books(ledger: ledger, recorder: recorder, index: index))
        ledger.round(recorder.sets, workLimit: Self.roundingWorkLimit)
        self.ledger = ledger
        let books = Books(ledger: ledger, recorder: nil, index: index)
        self.tables = grids.map { $0.table(books.at($0.scale)) }
    }

    /// Work allowed to controlled rounding: the consolidated 汇总 is one large problem (a city's has
    /// about 230,000 leaves and 4,000 printed sets, rounded once), so it gets more than a department.
    static let roundingWorkLimit = 8 * ControlledRounding.defaultWorkLimit

    /// 功能, 经济, nature (人员, 公用, then projects by code), unit, fund: the order of the consolidated leaves.
    static func leafOrder(_ a: LineItem, _ b: LineItem) -> Bool {
        if a.functional != b.functional { return a.functional < b.functional }
        if a.economic != b.economic { return a.economic < b.economic }
        let (na, nb) = (natureRank(a.nature), natureRank(b.nature))
        if na != nb { return na < nb }
        if a.unit != b.unit { return a.unit < b.unit }
        return a.fund.bit < b.fund.bit
    }

    /// `Ledger(items.sorted(by: leafOrder))`. When every code is digits and no item has a unit or a
    /// project code (gathered or merged items), the items are sorted by integer keys (`DigitCode.aligned`)
    /// and equal neighbours summed, with no string compared or hashed: the same leaves in the same order.
    static func sortedLedger(_ items: [LineItem]) -> Ledger {
        var keys: [SortKey] = [], packed: [(functional: UInt64, economic: UInt64)] = []
        keys.reserveCapacity(items.count)
        packed.reserveCapacity(items.count)
        for item in items {
            guard item.unit.isEmpty, item.nature.projectCode?.isEmpty ?? true,
                  let f = DigitCode.pack(item.functional), let e = DigitCode.pack(item.economic) else {
                return Ledger(items.sorted(by: Self.leafOrder))
            }
            packed.append((f, e))
            keys.append(SortKey(f, e, nature: item.nature, fund: item.fund))
        }
        return sortedLedger(keys: keys, packed: packed, amount: { items[$0].amount }) { i in
            let item = items[i]
            return Ledger.Leaf(unit: item.unit, functional: item.functional, economic: item.economic,
                               nature: item.nature, fund: item.fund, exact: item.amount)
        }
    }

    /// Leaves `0..<keys.count` (`packed`: their codes, `keys`: their `SortKey`s) sorted by their keys, equal neighbours
    /// summed (`amount`); `leaf` makes the first leaf of each key.
    static func sortedLedger(keys: [SortKey], packed: [(functional: UInt64, economic: UInt64)],
                             amount: (Int) -> Amount, leaf: (Int) -> Ledger.Leaf) -> Ledger {
        let order = Self.order(keys)
        var leaves: [Ledger.Leaf] = []
        var functional: [UInt64] = [], economic: [UInt64] = []
        leaves.reserveCapacity(keys.count)
        var previous: SortKey?
        for i in order {
            if keys[i] == previous, let last = leaves.indices.last {
                leaves[last].exact = leaves[last].exact + amount(i)
            } else {
                leaves.append(leaf(i))
                functional.append(packed[i].functional)
                economic.append(packed[i].economic)
                previous = keys[i]
            }
        }
        return Ledger(leaves: leaves, packedCodes: (functional, economic))
    }

    /// `keys.indices` sorted by key, equal keys by index. Counted into buckets by 功能 code (its aligned value and
    /// length, the first part of the key: few distinct ones, sorted once), then each bucket sorted by the rest of the
    /// key. One sort of all a city's 231,000 leaves (18 rounds of merging) took about 780 instructions a leaf, this
    /// about 310.
    static func order(_ keys: [SortKey]) -> [Int] {
        // A 功能 code as one integer ordered as (aligned value, length): the value is below 10^17 < 2^57.
        func code(_ key: SortKey) -> UInt64 { key.functional << 5 | key.rest >> 48 }
        var numbering = FirstSeenNumbering(expectedKeys: 1024)
        var codes: [UInt64] = []
        let bucket = keys.map { key in
            let c = code(key)
            let found = numbering.number(hash: c) { codes[$0] == c }
            if found.isNew { codes.append(c) }
            return found.number
        }
        // Buckets in code order; each one's leaves placed in index order, then sorted by the rest of the key.
        var rank = [Int](repeating: 0, count: codes.count)
        for (r, c) in codes.indices.sorted(by: { codes[$0] < codes[$1] }).enumerated() { rank[c] = r }
        var start = [Int](repeating: 0, count: codes.count + 1)
        for b in bucket { start[rank[b] + 1] += 1 }
        for r in codes.indices { start[r + 1] += start[r] }
        var next = start
        var order = [Int](repeating: 0, count: keys.count)
        for (i, b) in bucket.enumerated() {
            order[next[rank[b]]] = i
            next[rank[b]] += 1
        }
        keys.withUnsafeBufferPointer { keys in
            order.withUnsafeMutableBufferPointer { order in
                for r in codes.indices where start[r + 1] - start[r] > 1 {
                    var run = UnsafeMutableBufferPointer(rebasing: order[start[r]..<start[r + 1]])
                    run.sort { a, b in
                        (keys[a].economic, keys[a].rest, a) < (keys[b].economic, keys[b].rest, b)
                    }
                }
            }
        }
        return order
    }

    /// `leafOrder` as integers, compared in the order (functional, 功能 length, economic, `rest`): aligned
    /// codes (`DigitCode.aligned`), and in `rest` the 功能 length (bit 48), the 经济 length (bit 40), the
    /// nature's rank (bit 32) and the fund's bit.
    struct SortKey: Equatable {
        let functional: UInt64
        let economic: UInt64
        let rest: UInt64

        /// The key of a leaf of packed codes `f` and `e`.
        init(_ f: UInt64, _ e: UInt64, nature: SpendingNature, fund: RevenueSource) {
            functional = DigitCode.aligned(f)
            economic = DigitCode.aligned(e)
            rest = UInt64(DigitCode.length(f)) << 48 | UInt64(DigitCode.length(e)) << 40
                | UInt64(Consolidation.natureRank(nature).0) << 32 | UInt64(fund.bit)
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.functional != b.functional { return a.functional < b.functional }
            let (la, lb) = (a.rest >> 48, b.rest >> 48)
            if la != lb { return la < lb }
            if a.economic != b.economic { return a.economic < b.economic }
            return a.rest < b.rest
        }
    }

    private static func natureRank(_ n: SpendingNature) -> (Int, String) {
        switch n {
        case .personnel: (0, "")
        case .publicCost: (1, "")
        case .project(let code): (2, code)
        }
    }

    /// The exact amount (分) of the leaves whose 功能科目 and 经济科目 start with the prefixes given.
    public func exact(functional: String = "", economic: String = "", basic: Bool? = nil) -> Amount {
        ledger.exact { leaf in
            leaf.functional.hasPrefix(functional) && leaf.economic.hasPrefix(economic) && (basic == nil || leaf.nature.isBasic == basic)
        }
    }

    static func grids(_ budget: Budget, _ books: Books) -> [Grid] {
        let c = DisclosureCompiler.context(budget, profile: nil, books: books, shared: .init())
        let byFunction = FunctionalTables.expenditure(c, kind: .expenditureSummary, title: "支出功能分类汇总表", attachment: nil,
                                                      scope: .all, priorYear: false, emptyNote: nil)
        return [byFunction, economic(c)]
    }

    /// 支出经济分类汇总表: rows 合计 + 经济 类/款 with money, columns 合计 | 基本支出 | 项目支出.
    static func economic(_ c: BuildContext) -> Grid {
        var g = Grid(kind: .other, title: c.title("支出经济分类汇总表"), attachment: nil, format: c.format, scale: c.scale)
        g.columns = [.code, .name, .money(["合计"], .total, year: c.year), .money(["基本支出"], .basic, year: c.year),
                     .money(["项目支出"], .project, year: c.year)]
        func values(_ p: LeafFilter) -> [Grid.Value?] {
            [nil, nil, c.books.printed(p), c.books.printed(p.and(.basic)), c.books.printed(p.and(.project))]
        }
        g.lines.append(.init(code: nil, name: "合计", kind: .subtotal, values: values(.all)))
        for code in c.economicCodes(.all) {
            g.lines.append(.init(code: code, name: c.economicName(code), kind: .item, values: values(.economic(code))))
        }
        return g
    }
}
