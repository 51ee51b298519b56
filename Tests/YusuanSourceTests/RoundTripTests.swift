import Foundation
import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanSource

@Suite struct RoundTripTests {
    @Test func exampleIsValidAndComplete() throws {
        let b = try exampleBudget()
        #expect(b.units.count == 2)
        #expect(b.lineItems.count == 22)
        #expect(b.projects.count == 3)
        #expect(b.projects.allSatisfy { !$0.indicators.isEmpty })
        #expect(b.lineItems[16].amount == Amount(fen: 680_050))
        #expect(b.lineItems[0].origin == examplePath + ":36:5")
        #expect(b.duties.hasSuffix("展示。\n"))
        #expect(b.priorYear.threePublic["3p-reception"] == Amount(fen: 1_800_000))
    }

    @Test func yamlToCSVToYAMLKeepsEverything() throws {
        let fromYAML = try exampleBudget()
        let dir = try temporaryDirectory()
        let csv = dir.appendingPathComponent("budget").path
        try BudgetSource.write(fromYAML, format: .csv, to: csv)
        let fromCSV = try BudgetSource.read(path: csv)
        #expect(fromCSV.withoutOrigins == fromYAML.withoutOrigins)
        #expect(fromCSV.lineItems[0].origin == csv + "/line_items.csv, row 2")

        let yaml = dir.appendingPathComponent("again.yaml").path
        try BudgetSource.write(fromCSV, format: .yaml, to: yaml)
        let again = try BudgetSource.read(path: yaml)
        #expect(again.withoutOrigins == fromYAML.withoutOrigins)
        // Writing is deterministic: the same budget gives the same text.
        #expect(try BudgetSource.yaml(again) == BudgetSource.yaml(fromYAML))
    }

    @Test func csvFilesAreExcelFriendly() throws {
        let dir = try temporaryDirectory()
        try BudgetSource.write(try exampleBudget(), format: .csv, to: dir.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == SourceTableKind.allCases.map(\.file).sorted())
        let data = try Data(contentsOf: dir.appendingPathComponent("line_items.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("单位编码,功能科目,功能科目名称,经济科目,经济科目名称,政府经济科目,性质,项目编码,资金来源,金额（元）\r\n"))
        #expect(text.contains("327001,2070101,行政运行,30101,基本工资,50101,人员经费,,一般公共预算拨款,1236000.00\r\n"))
        let department = String(decoding: try Data(contentsOf: dir.appendingPathComponent("department.csv")).dropFirst(3), as: UTF8.self)
        #expect(department.contains("职能职责,负责全区公共文化服务体系建设，组织实施文化惠民工程，指导群众文化活动。\r\n"))
    }

    @Test func yamlWritesAmountsAsQuotedDecimals() throws {
        let text = try BudgetSource.yaml(try exampleBudget())
        #expect(text.contains("amount: \"6800.50\""))
        #expect(text.contains("functional: \"2070101\""))
        #expect(text.contains("duties: |\n"))
        #expect(!text.contains("\\u"))
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func generatedBudgetsSurviveEveryTextEncoding(seed: UInt64) throws {
        var b = BudgetGenerator.make(seed: seed, units: 3, items: 60, projects: 4)
        b.duties = "  第一段，前有空格。\n\n第三段: 有冒号, 逗号和\"引号\"\n"
        b.contact = "null"
        b.overallGoals = ["true", "", "12.50"]
        b.reasons = [ChangeReason(subject: "2010101", text: "- 以连字符开头")]
        let yaml = try BudgetSource.yaml(b)
        let fromYAML = try #require(BudgetSource.decodeYAML(yaml).budget)
        #expect(fromYAML.withoutOrigins == b)
        let dir = try temporaryDirectory()
        try BudgetSource.write(b, format: .csv, to: dir.path)
        let fromCSV = try #require(BudgetSource.decode(path: dir.path).budget)
        #expect(fromCSV.withoutOrigins == b)
        // The build's generator makes valid budgets: the validator agrees.
        let errors = BudgetValidator.validate(b).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    @Test func templateIsValidInEveryProfile() throws {
        for profile in ProfileLibrary.all() {
            let t = BudgetTemplate.make(year: 2024, profile: profile.id)
            let problems = BudgetValidator.validate(t)
            #expect(problems.isEmpty, "\(profile.id): \(problems.map(\.description))")
        }
    }

    @Test func templateWritesCodeListsBesideTheTables() throws {
        let dir = try temporaryDirectory()
        let t = BudgetTemplate.make(year: 2022, profile: "chongqing-district-2022")
        try BudgetSource.write(t, format: .csv, to: dir.path, codeLists: true)
        let codes = String(decoding: try Data(contentsOf: dir.appendingPathComponent("codes_functional.csv")), as: UTF8.self)
        #expect(codes.contains("2010301,行政运行,项,是\r\n"))
        #expect(try BudgetSource.read(path: dir.path).withoutOrigins == t)

        let yaml = dir.appendingPathComponent("template.yaml").path
        try BudgetSource.write(t, format: .yaml, to: yaml, codeLists: true)
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
        #expect(text.hasPrefix("# Yusuan 部门预算编制源文件"))
        #expect(text.contains("# 30101 基本工资 款 是\n"))
        #expect(try BudgetSource.read(path: yaml).withoutOrigins == t)
    }
}
