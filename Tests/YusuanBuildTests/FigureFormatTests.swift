import Foundation
import Testing
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanTestSupport

/// A profile says how many decimals each table prints and whether it groups thousands; build rounds at
/// that step and every renderer prints with it.
@Suite struct FigureFormatTests {
    static let shanghai = "shanghai-district-2024"

    @Test func formatsPrintDecimalsAndGroups() {
        let whole = FigureFormat(digits: 0, grouping: true)
        #expect(whole.text(Fixed(mantissa: 2_932_700, scale: 0)) == "2,932,700")
        #expect(whole.text(Fixed(mantissa: 156_211_123, scale: 0)) == "156,211,123")
        #expect(whole.text(Fixed(mantissa: 999, scale: 0)) == "999")
        #expect(whole.text(Fixed(mantissa: -1_000, scale: 0)) == "-1,000")
        #expect(whole.text(Fixed(mantissa: 123_450, scale: 2)) == "1,235")  // more decimals than printed: half up
        #expect(whole.excelCode == "#,##0")
        #expect(FigureFormat.standard.text(Fixed(mantissa: 95_181, scale: 2)) == "951.81")
        #expect(FigureFormat.standard.text(Fixed(mantissa: 123_456_789, scale: 2)) == "1234567.89")
        #expect(FigureFormat.standard.excelCode == "0.00")
        #expect(FigureFormat(digits: 2, grouping: true).text(Fixed(mantissa: 123_456_789, scale: 2)) == "1,234,567.89")
        #expect(FigureFormat(digits: 2, grouping: true).excelCode == "#,##0.00")
        #expect(FigureFormat(digits: 0).excelCode == "0")
        #expect(FigureFormat(digits: -3).digits == 0 && FigureFormat(digits: 40).digits == 6)
        // What the reader reads back is the figure printed.
        for text in ["2,932,700", "1,234,567.89", "999", "-1,000"] {
            #expect(NumberParser.parse(text)?.value.description == text.replacingOccurrences(of: ",", with: ""), "\(text)")
        }
    }

    @Test func theDecimalsSetTheStep() {
        #expect(PrintScale(.yuan, digits: 0).fen == 100 && PrintScale(.yuan, digits: 0).description == "1 元")
        #expect(PrintScale(.yuan).fen == 1 && PrintScale(.yuan).isExact)
        #expect(PrintScale.wanYuan.fen == 10_000 && PrintScale.wanYuan.description == "0.01 万元")
        #expect(PrintScale(.yuan, digits: 0).nearest(Amount(fen: 293_270_050)) == Fixed(mantissa: 2_932_701, scale: 0))
        #expect(PrintScale(.yuan, digits: 0) != PrintScale(.yuan))
    }

    @Test func profilesSayHowEachTablePrints() throws {
        let sh = try #require(ProfileLibrary.profile(id: Self.shanghai))
        // The template's cells are formatted "#,##0_ " in every table in 元; the 三公 table (万元) keeps two decimals.
        for spec in sh.tables {
            let f = sh.format(of: spec)
            if sh.unit(of: spec) == .yuan {
                #expect(f == FigureFormat(digits: 0, grouping: true), "\(spec.title): \(f)")
            } else {
                #expect(f == .standard, "\(spec.title): \(f)")
            }
        }
        #expect(sh.format(of: .threePublic) == .standard)
        for id in ["chongqing-district-2022", "national-143"] {
            let p = try #require(ProfileLibrary.profile(id: id))
            #expect(p.tables.allSatisfy { p.format(of: $0) == .standard }, "\(id)")
        }
    }

    /// The text of every table in 元 prints whole 元 grouped ("2,932,700"), the 三公 table two decimals.
    @Test func shanghaiTablesPrintWholeGroupedYuan() throws {
        let budget = BudgetGenerator.make(seed: 61, units: 3, items: 120, projects: 3, profile: Self.shanghai)
        let d = DisclosureCompiler.compile(budget)
        var grouped = 0
        for t in d.tables {
            for row in t.rows {
                for col in t.moneyColumns {
                    guard let cell = row.cell(col.index), let n = cell.number else { continue }
                    if t.unit == .yuan {
                        #expect(n.value.scale == 0 && !cell.text.contains("."), "\(t.displayName) \(row.label): \(cell.text)")
                        if n.value.mantissa.magnitude >= 1_000 {
                            #expect(cell.text.contains(","), "\(t.displayName) \(row.label): \(cell.text)")
                            grouped += 1
                        }
                    } else {
                        #expect(n.value.scale == 2 && !cell.text.contains(","), "\(t.displayName) \(row.label): \(cell.text)")
                    }
                }
            }
        }
        #expect(grouped > 20)
        let text = DisclosureText.render(d)
        #expect(text.contains("单位：元") && text.contains("单位：万元"))
        #expect(text.range(of: #"\b\d{1,3}(,\d{3})+\b"#, options: .regularExpression) != nil)
    }

    /// Controlled rounding at 1 元: every printed figure is within one step of its exact sum (the grand
    /// total within half a step), a quantity prints the same in every table of the scale, and the text
    /// audits clean (parents equal their printed children).
    @Test(arguments: [UInt64(71), 72, 73, 74])
    func wholeYuanRoundingIsControlled(seed: UInt64) throws {
        let budget = BudgetGenerator.make(seed: seed, units: 4, items: 400, projects: 5, profile: Self.shanghai)
        let ledger = Ledger(budget.lineItems)
        let d = DisclosureCompiler.compile(budget)
        let step: Int64 = 100
        let summary = try #require(d.tables.first { $0.kind == .expenditureSummary })
        let general = try #require(d.tables.first { $0.kind == .generalExpenditure })
        let revenue = try #require(d.tables.first { $0.kind == .revenueSummary })
        func fen(_ t: DisclosureTable, _ row: Row, column: Int = 2) -> Int64? {
            row.cell(column)?.number.flatMap { Amount($0.value, unit: t.unit)?.fen }
        }
        var checked = 0
        var off = 0
        for row in summary.rows {
            let printed = fen(summary, row) ?? 0
            let exact: Int64
            if let code = row.code?.digits {
                exact = ledger.exact { $0.functional.hasPrefix(code) }.fen
            } else {
                exact = ledger.leaves.reduce(0) { $0 + $1.exact.fen }
                #expect(abs(printed - exact) * 2 <= step, "合计 \(printed) against \(exact)")
            }
            #expect(printed % step == 0 && abs(printed - exact) < step, "\(row.label): \(printed) 分 against \(exact) 分")
            if printed != exact { off += 1 }
            checked += 1
            // The same quantity in the other tables of the scale: revenue by function, and (all items
            // being general budget) the general budget expenditure table.
            for other in [revenue, general] {
                guard let twin = other.rows.first(where: { $0.code == row.code && $0.name == row.name }) else { continue }
                let column = other.kind == .generalExpenditure ? other.columns.first { $0.measure == .total && $0.year == budget.year }?.index ?? 2 : 2
                #expect(fen(other, twin, column: column) == printed, "\(other.displayName) \(row.label)")
            }
        }
        #expect(checked > 10 && off > 0)
        let read = try Recogniser.recognise(TextReader.read(DisclosureText.render(d), source: "built.txt"))
        let report = Auditor.audit(read, profileID: Self.shanghai)
        #expect(report.findings.isEmpty, "\(TableUnitTests.describe(report))")
    }

    /// Every renderer prints the table's format: HTML and CSV the grouped text, the XLSX numbers with
    /// "#,##0" (and "0.00" in the 三公 table), JSON the printed text with its value.
    @Test func renderersHonourTheFormat() throws {
        let budget = BudgetGenerator.make(seed: 62, units: 2, items: 80, projects: 2, profile: Self.shanghai)
        let d = DisclosureCompiler.compile(budget)
        let summary = try #require(d.tables.first { $0.kind == .expenditureSummary })
        let totalCell = try #require(summary.rows.first?.cells[2])
        let total = try #require(totalCell.number?.value)
        #expect(totalCell.text.contains(","))

        #expect(DisclosureHTML.render(d).contains(">\(totalCell.text)<"))

        let lines = DisclosureBudgetLines.lines(d).filter { $0.tableKind == TableKind.expenditureSummary.rawValue }
        let line = try #require(lines.first { $0.printed == totalCell.text })
        #expect(NumberParser.parse(line.amount)?.value == total && !line.amount.contains(",") && line.printedUnit == "元")
        #expect(DisclosureBudgetLines.csv(d).contains("\"\(totalCell.text)\""))

        let json = DisclosureJSON.render(d)
        #expect(json.contains("\"text\" : \"\(totalCell.text)\""))
        let back = try DisclosureJSON.read(Data(json.utf8))
        #expect(back.tables.first { $0.kind == .expenditureSummary }?.rows.first?.cells[2].number?.value == total)

        var formats: [String: Set<String>] = [:]
        for sheet in DisclosureXLSX.workbook(d).sheets {
            for row in sheet.rows {
                for cell in row.compactMap({ $0 }) {
                    if case .number(let v) = cell.value, cell.style.horizontal == .right {
                        formats[sheet.name, default: []].insert(cell.style.numberFormat)
                        #expect(!v.contains(","), "\(sheet.name): \(v)")
                    }
                }
            }
        }
        let threePublic = formats.filter { $0.key.contains("三公") }.values.flatMap { $0 }
        let others = formats.filter { !$0.key.contains("三公") }.values.flatMap { $0 }
        #expect(Set(others) == ["#,##0"], "\(formats)")
        #expect(Set(threePublic).isSubset(of: ["0.00"]), "\(formats)")
    }

    /// The Chongqing profile is unchanged: two decimals, no grouping, "0.00" in the workbook.
    @Test func aWanYuanProfileStillPrintsTwoDecimals() throws {
        let budget = BudgetGenerator.make(seed: 63, units: 2, items: 80, projects: 2)
        let d = DisclosureCompiler.compile(budget)
        for t in d.tables where t.kind != .projectPerformance && t.kind != .overallPerformance {
            for row in t.rows {
                for col in t.moneyColumns {
                    guard let cell = row.cell(col.index), let n = cell.number else { continue }
                    #expect(n.value.scale == 2 && !cell.text.contains(","), "\(t.displayName) \(row.label): \(cell.text)")
                }
            }
        }
    }
}
