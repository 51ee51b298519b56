import Testing
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanSource
import YusuanTestSupport

/// Each table prints in its profile's unit (单位：元 or 单位：万元), the text renderer says so in the
/// table's header, the reader reads it back, and the result audits clean.
@Suite struct TableUnitTests {
    static let budgetProfiles = ProfileLibrary.all().filter { $0.phase == .budget }.map(\.id)
    /// 预算 profiles with at least one table in 元 (Shanghai district).
    static let yuanProfiles = ProfileLibrary.all().filter { p in p.phase == .budget && p.tables.contains { p.unit(of: $0) == .yuan } }.map(\.id)

    static func readBack(_ d: Disclosure) throws -> Disclosure {
        try Recogniser.recognise(TextReader.read(DisclosureText.render(d), source: "built.txt"))
    }

    static func describe(_ r: AuditReport) -> String {
        r.findings.prefix(8).map { "\($0.rule) \($0.location.table ?? "") \($0.location.row ?? "") \($0.message)" }.joined(separator: "\n")
    }

    @Test(arguments: budgetProfiles)
    func everyTablePrintsItsProfilesUnit(profileID: String) throws {
        var budget = try BudgetSource.read(path: Fixtures.path("Tests/Fixtures/budget/example.yaml"))
        budget.profile = profileID
        let profile = try #require(ProfileLibrary.profile(id: profileID))
        let d = DisclosureCompiler.compile(budget)
        let text = DisclosureText.render(d)
        for t in d.tables {
            let expected = profile.unit(of: t.kind)
            #expect(t.unit == expected && t.unitDeclared, "\(profileID) \(t.displayName): \(t.unit.rawValue)")
            // Money prints in the table's own unit with its profile's decimals and grouping.
            let format = profile.format(of: t.kind)
            for row in t.rows {
                for col in t.moneyColumns {
                    guard let cell = row.cell(col.index), let n = cell.number else { continue }
                    #expect(n.value.scale == format.digits, "\(profileID) \(t.displayName) \(row.label): \(n.value)")
                    #expect(cell.text == format.text(n.value), "\(profileID) \(t.displayName) \(row.label): \(cell.text)")
                }
            }
        }
        for unit in Set(d.tables.map(\.unit)) {
            #expect(text.contains("单位：" + unit.rawValue), "\(profileID): no 单位：\(unit.rawValue) in the text")
        }
        // The reader takes each table's unit from its header.
        let read = try Self.readBack(d)
        let kinds = Set(profile.tables.map(\.kind)).filter { k in d.tables.contains { $0.kind == k && !$0.rows.isEmpty } }
        for kind in kinds {
            let units = Set(read.tables.filter { $0.kind == kind && !$0.hasNoData }.map(\.unit))
            #expect(units.isEmpty || units == [profile.unit(of: kind)], "\(profileID) \(kind): read back as \(units)")
        }
        let report = Auditor.audit(read, profileID: profileID)
        #expect(report.findings.isEmpty, "\(profileID): \(Self.describe(report))")
    }

    @Test func theShanghaiProfilePrintsYuanAndItsThreePublicTableInWanYuan() throws {
        let profile = try #require(ProfileLibrary.profile(id: "shanghai-district-2024"))
        #expect(profile.unit(of: .budgetSummary) == .yuan)
        #expect(profile.unit(of: .basicExpenditure) == .yuan)
        #expect(profile.unit(of: .threePublic) == .wanYuan)
        #expect(profile.narrativeMoneyUnit == .wanYuan)
        let chongqing = try #require(ProfileLibrary.profile(id: "chongqing-district-2022"))
        #expect(chongqing.tables.allSatisfy { chongqing.unit(of: $0) == .wanYuan })
    }

    /// A table in 元 prints at its profile's step: the 合计 is the exact sum of the line items rounded
    /// to nearest at that step (exact at 0.01 元, the nearest 元 at 0 decimals).
    @Test(arguments: yuanProfiles)
    func yuanTablesPrintTheTotalAtTheirStep(profileID: String) throws {
        let profile = try #require(ProfileLibrary.profile(id: profileID))
        let budget = BudgetGenerator.make(seed: 31, units: 3, items: 200, projects: 4, profile: profileID)
        let d = DisclosureCompiler.compile(budget)
        let exact = Ledger(budget.lineItems).leaves.reduce(Int64(0)) { $0 + $1.exact.fen }
        let table = try #require(d.tables.first { $0.kind == .expenditureSummary })
        #expect(table.unit == .yuan)
        let step = PrintScale(.yuan, digits: profile.format(of: .expenditureSummary).digits).fen
        let total = try #require(table.rows.first?.cells[2].number?.value)
        let printed = try #require(Amount(total, unit: .yuan)?.fen)
        #expect(printed % step == 0 && abs(printed - exact) * 2 <= step, "printed \(printed) 分, exact \(exact) 分, step \(step)")
    }

    /// The narrative states figures in its profile's unit and equals the tables exactly.
    @Test(arguments: yuanProfiles)
    func theNarrativeStatesTheTableFiguresInItsUnit(profileID: String) throws {
        let profile = try #require(ProfileLibrary.profile(id: profileID))
        let budget = BudgetGenerator.make(seed: 32, units: 2, items: 60, projects: 3, profile: profileID)
        let d = DisclosureCompiler.compile(budget)
        let narrative = d.narrative.map(\.text).joined(separator: "\n")
        let unit = profile.narrativeMoneyUnit.rawValue
        #expect(narrative.contains("年初预算数") && narrative.contains(unit))
        // The figure is the total as the tables print it (the 部门支出总表's 合计: the same leaves at the
        // same step as the 部门收支总表), in the narrative's unit.
        let summary = try #require(d.tables.first { $0.kind == .expenditureSummary })
        let printed = try #require(summary.rows.first?.cells[2].number?.value)
        let tableTotal = try #require(Amount(printed, unit: summary.unit))
        var shown = tableTotal.value(in: profile.narrativeMoneyUnit)
        while shown.scale > 2, let s = shown.rescaled(to: shown.scale - 1) { shown = s }
        #expect(narrative.contains("年初预算数\(shown.formatted(digits: shown.scale))\(unit)"), "\(narrative.prefix(300))")
    }
}

/// The property test in a profile printing 元: build → text → audit is clean, and a printed 元 figure
/// changed by one printed step (1 元 in whole 元, 0.01 元 at two decimals) is an error that names its cell.
@Suite struct YuanRoundTripTests {
    static let profileID = TableUnitTests.yuanProfiles.first ?? "shanghai-district-2024"

    @Test(arguments: [(UInt64(41), 1, 5, 1), (42, 2, 40, 3), (43, 5, 300, 6), (44, 12, 1_500, 10)])
    func builtTextAuditsClean(seed: UInt64, units: Int, items: Int, projects: Int) throws {
        let budget = BudgetGenerator.make(seed: seed, units: units, items: items, projects: projects, profile: Self.profileID)
        let read = try TableUnitTests.readBack(DisclosureCompiler.compile(budget))
        let report = Auditor.audit(read, profileID: Self.profileID)
        #expect(report.findings.isEmpty, "\(TableUnitTests.describe(report))")
    }

    @Test(arguments: [UInt64(51), 52, 53, 54, 55, 56])
    func aYuanFigureChangedByOneStepIsFound(seed: UInt64) throws {
        let profile = try #require(ProfileLibrary.profile(id: Self.profileID))
        let budget = BudgetGenerator.make(seed: seed, units: 2, items: 30, projects: 2, profile: Self.profileID)
        var d = DisclosureCompiler.compile(budget)
        var rng = SeededRandom(seed: seed)
        var cells: [(Int, Int, Int)] = []
        for (t, table) in d.tables.enumerated() where table.unit == .yuan {
            for (r, row) in table.rows.enumerated() {
                for col in table.moneyColumns where row.cell(col.index)?.number != nil { cells.append((t, r, col.index)) }
            }
        }
        let (t, r, c) = try #require(cells.randomElement(using: &rng))
        let format = profile.format(of: d.tables[t].kind)
        let before = try #require(d.tables[t].rows[r].cells[c].number?.value)
        let after = before + Fixed(mantissa: 1, scale: format.digits)
        d.tables[t].rows[r].cells[c] = Cell(text: format.text(after), location: SourceLocation())
        let label = d.tables[t].rows[r].label
        let report = Auditor.audit(try TableUnitTests.readBack(d), profileID: Self.profileID)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "changed \(d.tables[t].displayName) \(label) from \(before) to \(after) 元: \(TableUnitTests.describe(report))")
        let named = errors.contains { f in
            f.location.row == label || (d.tables[t].rows[r].code?.ancestors.contains { f.location.row?.hasPrefix($0.digits) == true } ?? false)
                || f.location.row.map { ["合计", "总计", "本年"].contains(where: $0.contains) } == true
        }
        #expect(named, "changed \(label): \(TableUnitTests.describe(report))")
    }
}

/// XT-003 where the 三公 table prints 万元 and the basic table 元: rounding of the 三公 item is not
/// under-reporting, a real shortfall still is.
@Suite struct MixedUnitThreePublicTests {
    @Test func roundingOfTheCoarserFigureIsNotUnderReporting() throws {
        let profileID = YuanRoundTripTests.profileID
        // Seed 43 prints a 三公 item in 万元 below its basic line in 元 (by less than 0.01 万元).
        let budget = BudgetGenerator.make(seed: 43, units: 5, items: 300, projects: 6, profile: profileID)
        let d = DisclosureCompiler.compile(budget)
        let clean = Auditor.audit(try TableUnitTests.readBack(d), profileID: profileID)
        #expect(!clean.findings.contains { $0.rule == "XT-003" }, "\(TableUnitTests.describe(clean))")

        // Half the 三公 items: far below the basic lines, an error.
        var cut = d
        let t = try #require(cut.tables.firstIndex { $0.kind == .threePublic })
        let year = cut.tables[t].columns.filter { $0.year == budget.year && $0.role == .money }.map(\.index)
        for r in cut.tables[t].rows.indices {
            for c in year {
                guard let v = cut.tables[t].rows[r].cell(c)?.number?.value, !v.isZero else { continue }
                let half = Fixed(mantissa: v.mantissa / 2, scale: v.scale)
                cut.tables[t].rows[r].cells[c] = Cell(text: half.formatted(digits: v.scale), location: SourceLocation())
            }
        }
        let report = Auditor.audit(try TableUnitTests.readBack(cut), profileID: profileID)
        #expect(report.findings.contains { $0.rule == "XT-003" && $0.severity == .error }, "\(TableUnitTests.describe(report))")
    }
}
