import Foundation
import Testing
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanTestSupport
import YusuanXLSX
@testable import YusuanSource

/// Writing the XLSX encoding: what is written reads back as the same budget, codes are text cells,
/// amounts number cells, and LibreOffice (when installed) sees the same.
@Suite struct XLSXSourceWriteTests {
    /// Writes `budget` as a workbook in a fresh folder and returns its path.
    func written(_ budget: Budget, codeLists: Bool = false, name: String = #function) throws -> String {
        let path = try temporaryDirectory(name).appendingPathComponent("budget.xlsx").path
        try BudgetSource.write(budget, format: .xlsx, to: path, codeLists: codeLists)
        return path
    }

    @Test func exampleRoundTripsThroughAWorkbook() throws {
        let yaml = try exampleBudget()
        let path = try written(yaml)
        let r = BudgetSource.load(path: path)
        #expect(r.problems.isEmpty, "\(r.problems.map(\.description))")
        let fromXLSX = try #require(r.budget)
        #expect(fromXLSX.withoutOrigins == yaml.withoutOrigins)
        #expect(fromXLSX.lineItems.first?.origin == path + ", sheet 支出明细, row 2")
        // The same YAML text: indicator values and weights keep their decimals too.
        #expect(try BudgetSource.yaml(fromXLSX) == BudgetSource.yaml(yaml))
    }

    @Test func templateRoundTripsWithItsCodeLists() throws {
        let template = BudgetTemplate.make(year: 2024, profile: "national-143")
        let path = try written(template, codeLists: true)
        let r = BudgetSource.load(path: path)
        #expect(r.problems.isEmpty, "\(r.problems.map(\.description))")
        let read = try #require(r.budget)
        #expect(read.withoutOrigins == template.withoutOrigins)
        #expect(read.units.first?.code == "001")
        #expect(read.departmentCode == "001")

        let doc = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
        var sheets: [String] = []
        for line in doc.lines { if let s = line.location.sheet, sheets.last != s { sheets.append(s) } }
        #expect(sheets == SourceTableKind.allCases.map(\.sheet) + ["功能科目代码", "经济科目代码", "政府经济科目代码"])
        let functional = doc.lines.filter { $0.location.sheet == "功能科目代码" }.map(\.cells)
        #expect(functional.contains(["编码", "名称", "级次", "可用于支出明细"]))
        #expect(functional.contains(["2010101", "行政运行", "项", "是"]))
    }

    @Test func codesAreTextAndAmountsAreNumbers() throws {
        let b = try exampleBudget()
        let book = XLSXSource.workbook(SourceTableWriter.tables(b))
        #expect(book.sheets.map(\.name) == SourceTableKind.allCases.map(\.sheet))
        let items = try #require(book.sheets.first { $0.name == "支出明细" })
        let header = try #require(items.rows.first)
        #expect(header.compactMap { $0 }.map(\.value) == SourceTableKind.lineItems.columns.map { XLSXValue.text($0.header) })
        #expect(header.allSatisfy { $0?.style.bold == true })
        #expect(items.headerRows == 0..<1)
        #expect(items.columnWidths.count == header.count && items.columnWidths.allSatisfy { ($0 ?? 0) >= XLSXSource.minWidth })

        let text = XLSXCellStyle(numberFormat: "@"), amount = XLSXCellStyle(numberFormat: "0.00")
        let first = try #require(items.rows[safe: 1])
        #expect(first[safe: 0] == XLSXCell(.text("327001"), style: text))
        #expect(first[safe: 1] == XLSXCell(.text("2070101"), style: text))
        #expect(first[safe: 3] == XLSXCell(.text("30101"), style: text))
        #expect(first[safe: 7] == .some(nil))  // no project code: no cell
        #expect(first[safe: 9] == XLSXCell(.number("1236000.00"), style: amount))
        let water = items.rows.first { $0[safe: 4] == XLSXCell(.text("水费"), style: text) }
        #expect(water?[safe: 9] == XLSXCell(.number("6800.50"), style: amount))

        let template = XLSXSource.workbook(SourceTableWriter.tables(BudgetTemplate.make(year: 2024, profile: "national-143")))
        let units = try #require(template.sheets.first { $0.name == "单位" })
        #expect(units.rows[safe: 1]?[safe: 0] == XLSXCell(.text("001"), style: text))
        let indicators = try #require(template.sheets.first { $0.name == "绩效指标" })
        #expect(indicators.rows[safe: 1]?[safe: 7] == XLSXCell(.number("50"), style: XLSXCellStyle(numberFormat: "0")))

        // In the package: the amount is a plain <v> (no shared string) in a style with format 2 ("0.00"),
        // the codes shared strings in a style with format 49 ("@").
        var writer = XLSXWorkbookWriter(book)
        let parts = writer.parts()
        let sheet = try #require(parts.first { $0.path == "xl/worksheets/sheet4.xml" }?.xml)
        let styles = try #require(parts.first { $0.path == "xl/styles.xml" }?.xml)
        let amountCell = try #require(sheet.range(of: #"<c r="J2" s="\d+"><v>1236000.00</v></c>"#, options: .regularExpression))
        let codeCell = try #require(sheet.range(of: #"<c r="A2" s="\d+" t="s">"#, options: .regularExpression))
        let xfs = styles.components(separatedBy: "<cellXfs").last?.components(separatedBy: "<xf ").dropFirst().map { $0 } ?? []
        func format(_ cell: Substring) -> Substring? {
            guard let s = cell.split(separator: "\"").dropFirst(3).first, let i = Int(s), i < xfs.count else { return nil }
            return xfs[i].split(separator: "\"").dropFirst().first
        }
        #expect(format(sheet[amountCell]) == "2")
        #expect(format(sheet[codeCell]) == "49")
    }

    @Test func cellsTakeTheirColumnsType() {
        let text = XLSXCellStyle(numberFormat: "@")
        #expect(XLSXSource.columnType(.lineItems, header: SourceTableKind.amountHeader) == .amount)
        #expect(XLSXSource.columnType(.priorYear, header: "编码") == .text)
        #expect(XLSXSource.columnType(.vehicles, header: "数量") == .decimal)
        #expect(XLSXSource.columnType(nil, header: "编码") == .text)
        #expect(XLSXSource.cell("", type: .amount, wrap: false) == nil)
        #expect(XLSXSource.cell("-12.30", type: .amount, wrap: false) == XLSXCell(.number("-12.30"), style: XLSXCellStyle(numberFormat: "0.00")))
        #expect(XLSXSource.cell("12.50", type: .decimal, wrap: false) == XLSXCell(.number("12.50"), style: XLSXCellStyle(numberFormat: "0.00")))
        // Beyond what a spreadsheet number holds exactly, or not a plain decimal: text.
        #expect(XLSXSource.cell("12345678901234567.89", type: .amount, wrap: false) == XLSXCell(.text("12345678901234567.89"), style: text))
        #expect(XLSXSource.cell("1.005", type: .amount, wrap: false) == XLSXCell(.text("1.005"), style: text))
        #expect(XLSXSource.cell("1,234.50", type: .amount, wrap: false) == XLSXCell(.text("1,234.50"), style: text))
        #expect(XLSXSource.cell("007", type: .text, wrap: false) == XLSXCell(.text("007"), style: text))
        #expect(XLSXSource.cell("第一行\n第二行", type: .text, wrap: false)?.style.wrap == true)
        #expect(XLSXSource.decimalPlaces("9999999999999.99") == 2)
        #expect(XLSXSource.decimalPlaces("99999999999999.99") == nil)
        #expect(XLSXSource.decimalPlaces("1.") == nil)
        #expect(XLSXSource.decimalPlaces("-") == nil)
        #expect(XLSXSource.displayWidth("行政运行") == 8)
        #expect(XLSXSource.displayWidth("ab\n行政") == 4)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func generatedBudgetsSurviveAWorkbook(seed: UInt64) throws {
        var b = BudgetGenerator.make(seed: seed, units: 3, items: 60, projects: 4)
        b.duties = "  第一段，前有空格。\n\n第三段: 有冒号, 逗号和\"引号\"\n"
        b.contact = "null"
        b.overallGoals = ["true", "", "12.50"]
        b.reasons = [ChangeReason(subject: "2010101", text: "- 以连字符开头")]
        let path = try written(b, name: "generated\(seed)")
        let read = BudgetSource.decode(path: path)
        #expect(read.errors.isEmpty, "\(read.errors.map(\.description))")
        #expect(read.budget?.withoutOrigins == b)
    }

    @Test func aLineBreakInsideARecordCell() throws {
        var b = try exampleBudget().withoutOrigins
        b.projects[0].overview = "第一段。\n第二段。"
        let read = try BudgetSource.read(path: try written(b))
        #expect(read.projects[0].overview.hasPrefix("第一段。"))
        withKnownIssue("XLSXReader joins the lines of a cell with a line break (a wrapped header), so only department prose, written one row per line, keeps its line breaks") {
            #expect(read.projects[0].overview == "第一段。\n第二段。")
        }
    }

    @Test func anUnwritablePathIsAnError() throws {
        let path = try temporaryDirectory().appendingPathComponent("missing/budget.xlsx").path
        do {
            try BudgetSource.write(try exampleBudget(), format: .xlsx, to: path)
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect("\(error)".contains("cannot write"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test(.enabled(if: LibreOffice.executable != nil, "LibreOffice (soffice) is not installed: the workbook is not opened by it"))
    func libreOfficeReadsCodesAsTextAndAmountsAsNumbers() throws {
        let soffice = try #require(LibreOffice.executable)
        let b = try exampleBudget()
        let path = try written(b)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }  // the LibreOffice profile is large
        // Sheet 4 (支出明细) as CSV, UTF-8, text cells quoted, numbers as shown (so "0.00" prints two decimals).
        try LibreOffice.convert(soffice, path, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,4",
                                outdir: dir.appendingPathComponent("csv").path, profile: dir.appendingPathComponent("profile").path)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("csv").path)
        let file = try #require(files.first { $0.hasSuffix(".csv") })
        let csv = try String(contentsOf: dir.appendingPathComponent("csv").appendingPathComponent(file), encoding: .utf8)
        #expect(csv.contains(#""327002","2070109","群众文化","30205","水费",,"日常公用经费",,"事业收入",6800.50"#), "\(csv)")
        #expect(csv.contains(#""327001","2070101","行政运行","30101","基本工资","50101","人员经费",,"一般公共预算拨款",1236000.00"#))

        // Saved again by LibreOffice, the workbook still reads as the same budget.
        let again = dir.appendingPathComponent("again").path
        try LibreOffice.convert(soffice, path, to: "xlsx:Calc MS Excel 2007 XML", outdir: again, profile: dir.appendingPathComponent("profile").path)
        let resaved = BudgetSource.load(path: (again as NSString).appendingPathComponent("budget.xlsx"))
        #expect(resaved.errors.isEmpty, "\(resaved.errors.map(\.description))")
        #expect(resaved.budget?.withoutOrigins == b.withoutOrigins)
    }
}

/// LibreOffice run headless, when installed.
enum LibreOffice {
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = (String(dir) as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    struct Failed: Error, CustomStringConvertible { var description: String }

    /// `soffice --headless --convert-to FILTER --outdir DIR FILE` with its own profile (tests run in parallel).
    static func convert(_ soffice: String, _ file: String, to filter: String, outdir: String, profile: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        p.arguments = ["-env:UserInstallation=" + URL(fileURLWithPath: profile).absoluteString, "--headless", "--norestore",
                       "--convert-to", filter, "--outdir", outdir, file]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(180)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if p.isRunning {
            p.terminate()
            throw Failed(description: "soffice did not finish within 180 s")
        }
        if p.terminationStatus != 0 { throw Failed(description: "soffice exited with \(p.terminationStatus)") }
    }
}
