import YusuanCore

/// Everything a rule may read: the disclosure, its profile, the catalogs of its year and the fact index.
public struct AuditContext: Sendable {
    public let disclosure: Disclosure
    public let profile: Profile?
    public let functionalCatalog: Catalog?
    public let economicCatalog: Catalog?
    public let governmentEconomicCatalog: Catalog?
    public let facts: FactIndex
    /// The document states that its totals equal their printed parts (`RoundingStatement`): a cent's
    /// difference contradicts it and is an error.
    public let exactTotals: Bool
    /// The narrative's paragraphs joined into blocks and sentences, once for every rule that reads them.
    let narrativeBlocks: [NarrativeBlock]
    /// The narrative's statements, parsed once for every rule that reads them.
    let statements: [NarrativeStatement]
    /// The 项目绩效目标表 and 整体绩效目标表 forms, read once for every rule that reads them.
    let projectForms: [PerformanceForm]
    let overallForms: [PerformanceForm]
    /// The classification codes of the tables, derived ones included (`PrintedCodes.find`), found once for
    /// CLS-002 and CLS-003.
    let printedCodes: [PrintedCode]
    /// Every grid table (`DisclosureTable.isGrid`), in document order: found once for the five rules that read
    /// them (each filtering the tables copied every grid).
    let grids: [DisclosureTable]
    /// The total and part columns of each grid (`TotalColumns.identities`; none for a 三公 table), in the order of
    /// `grids`: found once for SUM-003, which checks them, and FIN-003, which leaves them to it.
    let gridColumnIdentities: [[TotalColumns.Identity]]

    public init(disclosure: Disclosure, profile: Profile?) {
        self.disclosure = disclosure
        self.profile = profile
        let year = disclosure.year ?? 2022
        functionalCatalog = CatalogLibrary.catalog(.functional, year: year)
        economicCatalog = CatalogLibrary.catalog(.economicDepartment, year: year)
        governmentEconomicCatalog = CatalogLibrary.catalog(.economicGovernment, year: year)
        overallForms = PerformanceForm.overall(in: disclosure)
        facts = FactIndex(disclosure: disclosure, overallForms: overallForms)
        exactTotals = RoundingStatement.isDeclared(in: disclosure)
        narrativeBlocks = NarrativeText.blocks(disclosure.narrative)
        statements = NarrativeParser.statements(disclosure, blocks: narrativeBlocks, catalog: functionalCatalog)
        projectForms = disclosure.tables(.projectPerformance).map(PerformanceForm.init)
        printedCodes = PrintedCodes.find(disclosure, derived: true)
        grids = disclosure.tables.filter(\.isGrid)
        gridColumnIdentities = grids.map { $0.kind == .threePublic ? [] : TotalColumns.identities($0) }
    }

    public var year: Int? { disclosure.year }

    public func catalog(for scheme: ClassificationScheme) -> Catalog? {
        switch scheme {
        case .functional: functionalCatalog
        case .economicDepartment: economicCatalog
        case .economicGovernment: governmentEconomicCatalog
        }
    }

    /// Location of a row of a table.
    public func location(_ table: DisclosureTable, row: Row? = nil, column: Column? = nil) -> FindingLocation {
        let src = row.flatMap { r in column.flatMap { r.cells[safe: $0.index]?.location } } ?? row?.location ?? table.location
        return FindingLocation(table: table.displayName, attachment: table.attachment, row: row?.label,
                               column: column?.header, source: src)
    }

    /// Location of a narrative paragraph.
    public func location(_ paragraph: Paragraph) -> FindingLocation {
        FindingLocation(table: "情况说明", row: nil, column: nil, source: paragraph.location)
    }
}
