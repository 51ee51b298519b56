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
        // Before rounding, every table is made ready and the narrative planned, noting every printed set in the order
        // they print (grids hold their figures as selections, `Grid.Value`; text that depends on its figures holds
        // them as `PendingFigure`s); after, each is written once from the rounded books.
        let recorder = Recorder()
        let index = LeafIndex(ledger)
        let recording = context(budget, profile: profile, books: Books(ledger: ledger, recorder: recorder, index: index),
                                shared: BuildContext.Shared())
        let specs = profile?.tables ?? []
        let planned = specs.map { Self.tables($0, recording.printing($0)) }
        let writer = NarrativeWriter(recording)
        let bodies = writer.sectionBodies()
        ledger.round(recorder.sets)

        let rounded = RoundedBooks(Books(ledger: ledger, recorder: nil, index: index))
        var tables: [DisclosureTable] = []
        for (spec, make) in zip(specs, planned) {
            let unit = profile?.unit(of: spec) ?? .wanYuan
            tables += make(rounded).map { table in
                var t = table
                t.unit = unit
                t.unitDeclared = true
                return t
            }
        }
        let narrative = writer.write(bodies(rounded)).map { text in
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
    /// depends on their figures (the 三公 table's note, the performance forms' amounts), made by `tables`.
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

    /// The tables of a spec, their figures noted now (`c`'s books, before rounding), made from the rounded books: a
    /// spec's grids (`grids`), or the tables whose text depends on their figures.
    static func tables(_ spec: Profile.TableSpec, _ c: BuildContext) -> (RoundedBooks) -> [DisclosureTable] {
        let a = spec.attachment
        let t = spec.title
        switch spec.kind {
        case .threePublic:
            let table = ThreePublicTable.build(c, title: t, attachment: a)
            return { [table($0)] }
        case .overallPerformance:
            let form = PerformanceTables.overall(c, title: t, attachment: a)
            return { [form($0)] }
        case .projectPerformance:
            let forms = c.budget.projects.enumerated().map { i, p in
                PerformanceTables.project(c, p, title: t, attachment: a.map { "\($0)-\(i + 1)" })
            }
            return { rounded in forms.map { $0(rounded) } }
        default:
            let grids = grids(spec, c) ?? []
            return { rounded in grids.map { $0.table(rounded.at($0.scale)) } }
        }
    }
}
