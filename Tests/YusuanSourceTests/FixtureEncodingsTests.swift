import Foundation
import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanSource

/// The example in its other encodings, committed next to example.yaml: Tests/Fixtures/budget/example-csv/
/// (written by this suite with YUSUAN_RECORD=1) and example.xlsx (built from the CSV files by
/// make-example-xlsx.py, the way an officer's workbook stores it: amounts as numbers, codes as text).
@Suite struct FixtureEncodingsTests {
    let csvPath = Fixtures.path("Tests/Fixtures/budget/example-csv")
    let xlsxPath = Fixtures.path("Tests/Fixtures/budget/example.xlsx")

    @Test func theCSVFolderHoldsTheSameBudget() throws {
        let yaml = try exampleBudget()
        if ProcessInfo.processInfo.environment["YUSUAN_RECORD"] == "1" {
            try BudgetSource.write(yaml, format: .csv, to: csvPath)
        }
        let r = BudgetSource.load(path: csvPath)
        #expect(r.problems.isEmpty, "\(r.problems.map(\.description))")
        #expect(r.budget?.withoutOrigins == yaml.withoutOrigins)
    }

    @Test func theWorkbookHoldsTheSameBudget() throws {
        let r = BudgetSource.load(path: xlsxPath)
        #expect(r.problems.isEmpty, "\(r.problems.map(\.description))")
        #expect(r.budget?.withoutOrigins == (try exampleBudget()).withoutOrigins)
        #expect(r.budget?.lineItems.first?.origin == xlsxPath + ", sheet 支出明细, row 2")
    }

    @Test func workbookProblemsNameSheetRowAndHeader() throws {
        let log = DecodeLog()
        let lines: [XLSXSource.SheetRow] = [
            ("部门", 1, ["字段", "内容"]),
            ("部门", 2, ["部门名称", "某局"]),
            ("部门", 3, ["预算年度", "2022"]),
            ("部门", 4, ["模板", "national-143"]),
            ("单位", nil, []),
            ("单位", 3, ["单位编码", "单位名称", "单位类型"]),
            ("单位", 4, []),
            ("单位", 5, ["001", "本级", "机关"]),
            ("功能科目代码", nil, []),
            ("功能科目代码", 1, ["编码", "名称"]),
            ("Sheet1", nil, []),
            ("Sheet1", 1, ["x"]),
        ]
        let tables = XLSXSource.tables(lines, file: "b.xlsx", log: log)
        #expect(tables.map(\.kind) == [.department, .units])
        #expect(tables.last?.rowNumbers == [5])
        let b = SourceTableReader.decode(tables, source: "b.xlsx", log: log)
        #expect(b.department == "某局")
        #expect(log.sorted.map(\.description) == [
            "b.xlsx, sheet Sheet1: warning [unknown-field]: not a sheet of the budget source (部门、单位、收入、支出明细、项目、绩效指标、政府采购、车辆、上年数、变动原因); ignored",
            "b.xlsx, sheet 单位, row 5, column 单位类型: error [bad-value]: unknown unit kind “机关”; one of 行政、事业、其他",
        ])
    }
}
