import YusuanCore

/// Compiles a budget into its disclosure: every table of the profile, in its order, and the narrative,
/// all printed from one set of leaves rounded once per print scale (see docs/rounding.md): each table in
/// its profile's unit (`Profile.unit(of:)`) and format (`Profile.format(of:)`: decimals, grouping), the
/// narrative in the profile's narrative unit.
public enum DisclosureCompiler {
    public static func compile(_ budget: Budget) -> Disclosure {
        compileKeepingLedger(budget).disclosure
    }

    /// `compile`, also returning the department's rounded ledger (for `Consolidation.share(of:)`).
    public static func compileKeepingLedger(_ budget: Budget) -> (disclosure: Disclosure, ledger: Ledger) {
        let profile = ProfileLibrary.profile(id: budget.profile) ?? ProfileLibrary.profile(id: "national-143")
        var ledger = Ledger(budget.lineItems)
        // Before rounding, the grids are built (their figures held as selections) and every printed set is noted;
        // after, the grids' tables read the rounded figures. Tables whose text depends on their figures, and the
        // narrative, are written once to note their sets and again to print.
        let recorder = Recorder()
        let index = LeafIndex(ledger)
        // What both passes work out alike (the summary tables' 类) is worked out once.
        let shared = BuildContext.Shared()
        let recording = context(budget, profile: profile, books: Books(ledger: ledger, recorder: recorder, index: index), shared: shared)
        let specs = profile?.tables ?? []
        let grids = specs.map { spec -> [Grid]? in
            let c = recording.printing(spec)
            guard let grids = Self.grids(spec, c) else {
                _ = Self.tables(spec, c)
                return nil
            }
            return grids
        }
        var recordingWriter = NarrativeWriter(recording)
        _ = recordingWriter.write()
        ledger.round(recorder.sets)

        let c = context(budget, profile: profile, books: Books(ledger: ledger, recorder: nil, index: index), shared: shared)
        var booksByScale: [Books] = [c.books]
        func books(_ scale: PrintScale) -> Books {
            if let known = booksByScale.first(where: { $0.scale == scale }) { return known }
            booksByScale.append(c.books.at(scale))
            return booksByScale[booksByScale.count - 1]
        }
        var tables: [DisclosureTable] = []
        for (spec, grids) in zip(specs, grids) {
            let unit = profile?.unit(of: spec) ?? .wanYuan
            let built = grids.map { $0.map { $0.table(books($0.scale)) } } ?? Self.tables(spec, c.printing(spec))
            tables += built.map { table in
                var t = table
                t.unit = unit
                t.unitDeclared = true
                return t
            }
        }
        var writer = NarrativeWriter(c)
        let narrative = writer.write().map { text in
            // The outline (the costly test) is read only for the short paragraphs that may be headings.
            Paragraph(text: text, location: SourceLocation(),
                      isHeading: text.hasAtMost(characters: 24) && !text.contains("：") && RowLabels.depth(text) != nil)
        }
        let disclosure = Disclosure(title: "\(budget.department)\(budget.year)年部门预算情况说明", department: budget.department,
                                    year: budget.year, phase: .budget, tables: tables, narrative: narrative, source: "build")
        return (disclosure, ledger)
    }

    /// The context of a build of `budget` (a department's, or the 汇总's with no profile): the catalogs of its year.
    static func context(_ budget: Budget, profile: Profile?, books: Books, shared: BuildContext.Shared) -> BuildContext {
        BuildContext(budget: budget, books: books,
                     functional: CatalogLibrary.catalog(.functional, year: budget.year),
                     economic: CatalogLibrary.catalog(.economicDepartment, year: budget.year), profile: profile,
                     shared: shared)
    }

    /// The grids of a table spec, their figures held as selections (`Grid.Value`); nil for the tables whose text
    /// depends on their figures (the 三公 table's note, the performance forms' amounts), built by `tables`.
    static func grids(_ spec: Profile.TableSpec, _ c: BuildContext) -> [Grid]? {
        let a = spec.attachment
        let t = spec.title
        switch spec.kind {
        case .fiscalSummary: return SummaryTables.fiscal(c, title: t, attachment: a)
        case .budgetSummary: return SummaryTables.department(c, title: t, attachment: a)
        case .revenueSummary: return [FunctionalTables.revenue(c, title: t, attachment: a)]
        case .generalExpenditure:
            return [FunctionalTables.expenditure(c, kind: .generalExpenditure, title: t, attachment: a,
                                                 scope: .fund(.generalBudget), priorYear: true, emptyNote: nil)]
        case .expenditureSummary:
            return [FunctionalTables.expenditure(c, kind: .expenditureSummary, title: t, attachment: a,
                                                 scope: .all, priorYear: false, emptyNote: nil)]
        case .govFundExpenditure:
            return [FunctionalTables.expenditure(c, kind: .govFundExpenditure, title: t, attachment: a, scope: .fund(.govFund),
                                                 priorYear: false, emptyNote: "（备注：本单位无政府性基金预算收支，故此表无数据。）")]
        case .stateCapitalExpenditure:
            return [FunctionalTables.expenditure(c, kind: .stateCapitalExpenditure, title: t, attachment: a, scope: .fund(.stateCapital),
                                                 priorYear: false, emptyNote: "（备注：本单位无国有资本经营预算收支，故此表无数据。）")]
        case .basicExpenditure: return [BasicTable.build(c, title: t, attachment: a)]
        case .projectList: return [ProjectTables.list(c, title: t, attachment: a)]
        case .procurement: return [ProjectTables.procurement(c, title: t, attachment: a)]
        case .other: return []
        case .threePublic, .overallPerformance, .projectPerformance: return nil
        }
    }

    /// The tables of a spec whose text depends on their figures, printed from `c`'s books.
    static func tables(_ spec: Profile.TableSpec, _ c: BuildContext) -> [DisclosureTable] {
        let a = spec.attachment
        let t = spec.title
        switch spec.kind {
        case .threePublic: return [ThreePublicTable.build(c, title: t, attachment: a)]
        case .overallPerformance: return [PerformanceTables.overall(c, title: t, attachment: a)]
        case .projectPerformance:
            return c.budget.projects.enumerated().map { i, p in
                PerformanceTables.project(c, p, title: t, attachment: a.map { "\($0)-\(i + 1)" })
            }
        default: return (grids(spec, c) ?? []).map { $0.table(c.books) }
        }
    }
}
