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
        // First pass: learn which sets of leaves are printed; round them; second pass: print.
        let recorder = Recorder()
        let index = LeafIndex(ledger)
        // What both passes work out alike (the summary tables' 类) is worked out once.
        let shared = BuildContext.Shared()
        _ = assemble(budget, profile: profile, books: Books(ledger: ledger, recorder: recorder, index: index), shared: shared)
        ledger.round(recorder.sets)
        return (assemble(budget, profile: profile, books: Books(ledger: ledger, recorder: nil, index: index), shared: shared), ledger)
    }

    static func assemble(_ budget: Budget, profile: Profile?, books: Books, shared: BuildContext.Shared = .init()) -> Disclosure {
        let c = BuildContext(budget: budget, books: books,
                             functional: CatalogLibrary.catalog(.functional, year: budget.year),
                             economic: CatalogLibrary.catalog(.economicDepartment, year: budget.year), profile: profile,
                             shared: shared)
        var tables: [DisclosureTable] = []
        for spec in profile?.tables ?? [] {
            let unit = profile?.unit(of: spec) ?? .wanYuan
            tables += build(spec, c.printing(spec)).map { table in
                var t = table
                t.unit = unit
                t.unitDeclared = true
                return t
            }
        }
        var writer = NarrativeWriter(c)
        let texts = writer.write()
        // The recording pass's disclosure is thrown away: its paragraphs are not needed.
        let narrative = c.recording ? [] : texts.map { text in
            // `dropFirst(24).isEmpty`: at most 24 characters, counting no further than the 25th. The outline (the
            // costly test) is read only for the short paragraphs that may be headings.
            Paragraph(text: text, location: SourceLocation(),
                      isHeading: text.dropFirst(24).isEmpty && !text.contains("：") && RowLabels.depth(text) != nil)
        }
        return Disclosure(title: "\(budget.department)\(budget.year)年部门预算情况说明", department: budget.department,
                          year: budget.year, phase: .budget, tables: tables, narrative: narrative, source: "build")
    }

    static func build(_ spec: Profile.TableSpec, _ c: BuildContext) -> [DisclosureTable] {
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
        case .threePublic: return [ThreePublicTable.build(c, title: t, attachment: a)]
        case .projectList: return [ProjectTables.list(c, title: t, attachment: a)]
        case .procurement: return [ProjectTables.procurement(c, title: t, attachment: a)]
        case .overallPerformance: return [PerformanceTables.overall(c, title: t, attachment: a)]
        case .projectPerformance:
            return c.budget.projects.enumerated().map { i, p in
                PerformanceTables.project(c, p, title: t, attachment: a.map { "\($0)-\(i + 1)" })
            }
        case .other: return []
        }
    }
}
