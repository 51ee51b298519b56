import YusuanCore

/// What every table builder needs: the budget, the books, the catalogs and the profile.
struct BuildContext {
    let budget: Budget
    let books: Books
    let functional: Catalog?
    let economic: Catalog?
    let profile: Profile?
    /// How figures print here: the decimals and grouping of the table being written.
    var format: FigureFormat = .standard
    /// What the contexts of one build work out once and share (the summary tables' 类).
    var shared = Shared()

    final class Shared {
        var summaryClasses: [String]?
    }

    var year: Int { budget.year }
    /// The scale figures print at here: the unit of the table (or narrative figure) being written.
    var scale: PrintScale { books.scale }

    /// The same context printing figures in `unit` with `format` (its decimals set the printed step).
    func printing(in unit: MoneyUnit, format: FigureFormat = .standard) -> BuildContext {
        BuildContext(budget: budget, books: books.at(PrintScale(unit, digits: format.digits)), functional: functional,
                     economic: economic, profile: profile, format: format, shared: shared)
    }

    /// The same context printing figures as the profile prints the table `spec`.
    func printing(_ spec: Profile.TableSpec) -> BuildContext {
        printing(in: profile?.unit(of: spec) ?? .wanYuan, format: profile?.format(of: spec) ?? .standard)
    }

    /// The same context printing figures as the profile's table of `kind` prints them (unit and step), so
    /// that a narrative figure is the figure of that table.
    func printing(like kind: TableKind) -> BuildContext {
        printing(in: profile?.unit(of: kind) ?? .wanYuan, format: profile?.format(of: kind) ?? .standard)
    }

    /// The unit the 情况说明 states figures in.
    var narrativeUnit: MoneyUnit { profile?.narrativeMoneyUnit ?? .wanYuan }
    var department: String { budget.department }

    func title(_ template: String) -> String {
        "\(department)\(year)年\(template)"
    }

    func functionalName(_ code: String) -> String {
        functional?.entry(code)?.name ?? code
    }

    func economicName(_ code: String) -> String {
        economic?.entry(code)?.name ?? code
    }

    /// Every functional code (类, 款, 项) that has money among the leaves that match, in catalog order.
    func functionalCodes(_ filter: LeafFilter, extra: [String] = []) -> [String] {
        // They depend on the leaves only (not on their rounding): both passes share them through the index.
        let key = LeafIndex.CodesKey(filter: filter, extra: extra)
        if let known = books.index.functionalCodeLists[key] { return known }
        let codes = Self.functionalCodes(books, filter, extra: extra)
        books.index.functionalCodeLists[key] = codes
        return codes
    }

    private static func functionalCodes(_ books: Books, _ filter: LeafFilter, extra: [String]) -> [String] {
        if let packed = books.index.packedFunctional, let codes = packedFunctionalCodes(packed, books, filter, extra: extra) {
            return codes
        }
        return stringFunctionalCodes(books, filter, extra: extra)
    }

    /// `functionalCodes` over the codes as strings: any code.
    static func stringFunctionalCodes(_ books: Books, _ filter: LeafFilter, extra: [String]) -> [String] {
        // Distinct codes first (many leaves share one; neighbours often do), then their prefixes once each.
        let leaves = books.ledger.leaves
        let distinct = distinctCodes(books, filter) { leaves[$0].functional }
        var codes = Set<String>(minimumCapacity: 3 * distinct.count + 3 * extra.count)
        for f in distinct {
            codes.insert(String(f.prefix(3)))
            codes.insert(String(f.prefix(5)))
            codes.insert(f)
        }
        for e in extra {
            codes.insert(String(e.prefix(3)))
            if e.count >= 5 { codes.insert(String(e.prefix(5))) }
            codes.insert(e)
        }
        return codes.sorted()
    }

    /// `functionalCodes` when every leaf's 功能 code is digits (`packed`: the leaves' packed codes) and so is every
    /// extra code (nil otherwise): the same codes, gathered as integers (`DigitCode`) and spelled once each.
    static func packedFunctionalCodes(_ packed: PackedCodes, _ books: Books, _ filter: LeafFilter,
                                              extra: [String]) -> [String]? {
        var extraCodes: [UInt64] = []
        for e in extra {
            guard let code = DigitCode.pack(e) else { return nil }
            extraCodes.append(code)
        }
        let distinct = distinctPacked(packed, books, filter).union(extraCodes)
        return DigitCode.spelled(distinct, withPrefixes: [3, 5])
    }

    /// Every 经济 code (类 and 款) that has money among the leaves that match, in code order.
    func economicCodes(_ filter: LeafFilter) -> [String] {
        if let packed = books.index.packedEconomic {
            return DigitCode.spelled(Self.distinctPacked(packed, books, filter), withPrefixes: [3])
        }
        return Self.stringEconomicCodes(books, filter)
    }

    /// `economicCodes` over the codes as strings: any code.
    static func stringEconomicCodes(_ books: Books, _ filter: LeafFilter) -> [String] {
        // Distinct codes first (neighbouring leaves often share one), then their 类 once each.
        let leaves = books.ledger.leaves
        let distinct = distinctCodes(books, filter) { leaves[$0].economic }
        var codes = distinct
        for e in distinct { codes.insert(String(e.prefix(3))) }
        return codes.sorted()
    }

    /// The distinct packed codes of the leaves with money that the filter selects.
    private static func distinctPacked(_ packed: PackedCodes, _ books: Books, _ filter: LeafFilter) -> Set<UInt64> {
        let leaves = books.ledger.leaves
        return leaves.withUnsafeBufferPointer { leaves in
            packed.distinctCodes(of: books.select(filter)) { leaves[$0].exact.fen }
        }
    }

    /// The distinct codes (`code` of a leaf's index) of the leaves with money that the filter selects; a code equal
    /// to the previous leaf's (neighbours often share one) is not hashed again.
    private static func distinctCodes<Code: Hashable>(_ books: Books, _ filter: LeafFilter,
                                                      _ code: (Int) -> Code) -> Set<Code> {
        var distinct = Set<Code>()
        var previous: Code?
        let leaves = books.ledger.leaves
        for i in books.select(filter) where leaves[i].exact.fen != 0 {
            let c = code(i)
            if c == previous { continue }
            previous = c
            distinct.insert(c)
        }
        return distinct
    }

    /// The 类 of the summary tables: every 类 of the catalog but those the profile leaves out.
    var summaryClasses: [String] {
        if let known = shared.summaryClasses { return known }
        let excluded = Set(profile?.excludedSummaryClasses ?? [])
        let all = (functional?.derived(CatalogClasses.self) { CatalogClasses($0) }.codes ?? []).filter { !excluded.contains($0) }
        shared.summaryClasses = all
        return all
    }

    /// Every 类 of a catalog (codes of three characters), in order: kept with the catalog (`Catalog.derived`), so
    /// that its thousands of codes are sifted once per process, not once per department.
    private struct CatalogClasses: Sendable {
        let codes: [String]

        init(_ catalog: Catalog) {
            // A code of digits has one character per digit (`DigitCode`): only other keys need their characters counted.
            func isClass(_ code: String) -> Bool { DigitCode.pack(code).map { DigitCode.length($0) == 3 } ?? (code.count == 3) }
            codes = catalog.entries.keys.filter(isClass).sorted()
        }
    }

    static func inFunctional(_ code: String) -> LeafFilter {
        .functional(code)
    }
}

extension SpendingNature {
    var isPersonnel: Bool { if case .personnel = self { return true }; return false }
    var isPublicCost: Bool { if case .publicCost = self { return true }; return false }
    var projectCode: String? { if case .project(let c) = self { return c }; return nil }
}
