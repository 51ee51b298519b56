import Testing
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanTestSupport

/// build → text → read → audit must be clean, from a small department to a large one; and a printed
/// figure changed by 0.01 must be found as an error (the built text declares controlled rounding).
@Suite struct BuildRoundTripTests {
    static func audited(_ d: Disclosure, profile: String) throws -> AuditReport {
        let text = DisclosureText.render(d)
        let read = try Recogniser.recognise(TextReader.read(text, source: "built.txt"))
        return Auditor.audit(read, profileID: profile)
    }

    static func describe(_ r: AuditReport) -> String {
        r.findings.prefix(8).map { "\($0.rule) \($0.location.table ?? "") \($0.location.row ?? "") \($0.message)" }.joined(separator: "\n")
    }

    @Test(arguments: [(UInt64(11), 1, 5, 1), (12, 2, 40, 3), (13, 5, 300, 6), (14, 12, 1_500, 10), (15, 50, 10_000, 40)])
    func builtTextAuditsClean(seed: UInt64, units: Int, items: Int, projects: Int) throws {
        let budget = BudgetGenerator.make(seed: seed, units: units, items: items, projects: projects)
        let report = try Self.audited(DisclosureCompiler.compile(budget), profile: budget.profile)
        #expect(report.findings.isEmpty, "\(Self.describe(report))")
    }

    @Test(arguments: [UInt64(21), 22, 23, 24, 25, 26])
    func aFigureChangedByOneCentIsFound(seed: UInt64) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 2, items: 30, projects: 2)
        var d = DisclosureCompiler.compile(budget)
        var rng = SeededRandom(seed: seed)
        // A printed, non-blank figure of a grid table, chosen at random.
        var cells: [(Int, Int, Int)] = []
        for (t, table) in d.tables.enumerated() where !table.moneyColumns.isEmpty && table.kind != .overallPerformance && table.kind != .projectPerformance {
            for (r, row) in table.rows.enumerated() {
                for col in table.moneyColumns where row.cell(col.index)?.number != nil { cells.append((t, r, col.index)) }
            }
        }
        let (t, r, c) = try #require(cells.randomElement(using: &rng))
        let before = try #require(d.tables[t].rows[r].cells[c].number?.value)
        let after = before + Fixed(mantissa: 1, scale: 2)
        d.tables[t].rows[r].cells[c] = Cell(text: after.formatted(digits: 2), location: SourceLocation())
        let label = d.tables[t].rows[r].label
        let report = try Self.audited(d, profile: budget.profile)
        // The built document states that its totals equal their parts, so even a cent is an error.
        let errors = report.findings.filter { $0.severity == .error }
        #expect(!errors.isEmpty, "changed \(d.tables[t].displayName) \(label) from \(before) to \(after); no error: \(Self.describe(report))")
        // The change is named: its row, or (for a line printed once) the line that sums it.
        let named = errors.contains { f in
            f.location.row == label || (d.tables[t].rows[r].code?.ancestors.contains { f.location.row?.hasPrefix($0.digits) == true } ?? false)
                || f.location.row.map { ["合计", "总计", "本年"].contains(where: $0.contains) } == true
        }
        #expect(named, "changed \(label): \(Self.describe(report))")
    }
}
