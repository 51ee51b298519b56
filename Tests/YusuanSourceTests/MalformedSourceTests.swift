import Foundation
import Testing
import YusuanCore
import YusuanTestSupport
@testable import YusuanSource

/// Broken sources give every problem with line and column, never a crash and never a budget.
@Suite struct MalformedSourceTests {
    func decode(_ yaml: String) -> SourceReading { BudgetSource.decodeYAML(yaml, file: "b.yaml") }

    @Test func yamlSyntaxErrorsGiveLineAndColumn() {
        let r = decode("department: 某局\nyear: 2022\nunits:\n  - code: \"001\n    name: 本级\n")
        #expect(r.budget == nil)
        #expect(r.problems.count == 1)
        let d = r.problems.first?.description ?? ""
        #expect(d.hasPrefix("b.yaml:6:1: error [syntax]: YAML syntax: while scanning a quoted scalar (line 4), found unexpected end of stream"), "\(d)")
    }

    @Test func badIndentationIsASyntaxError() {
        let r = decode("department: 某局\n  year: 2022\n")
        #expect(r.problems.map(\.kind) == [.syntax])
        #expect(r.problems.first?.position?.line == 2)
    }

    @Test func wrongShapesAndUnknownKeysAreReportedTogether() {
        let r = decode("""
            department: 某局
            year: 二〇二二
            profile: national-143
            units: 5
            line_item:
              - amount: "1"
            staffing: {in_post: 三十}
            """)
        #expect(r.budget == nil)
        #expect(r.problems.map(\.description) == [
            "b.yaml:2:7: error [bad-value]: “二〇二二” is not a whole number",
            "b.yaml:4:8: error [structure]: expected a list (items starting with “- ”)",
            "b.yaml:5:1: error [unknown-field]: unknown key “line_item” (did you mean line_items?)",
            "b.yaml:7:21: error [bad-value]: “三十” is not a whole number",
        ])
    }

    @Test func aBasicLineItemTakesNoProjectCode() {
        let r = decode("department: x\nyear: 2022\nprofile: national-143\nline_items:\n  - {unit: \"1\", functional: \"2010301\", economic: \"30101\", nature: 人员经费, project: \"P1\", fund: 其他收入, amount: \"1\"}\n")
        #expect(r.problems.map(\.description) == ["b.yaml:5:67: error [bad-value]: a 人员经费 line item has project code “P1”; project spending is 性质 项目"])
    }

    @Test func amountsAreReadExactlyAndRefusedWhenNotIn元() {
        let r = decode("""
            department: 某局
            year: 2022
            profile: national-143
            revenue:
              - {unit: "001", source: 一般公共预算, amount: 0.1}
              - {unit: "001", source: 事业, amount: "12万元"}
              - {unit: "001", source: 其他收入, amount: "5%"}
              - {unit: "001", source: 上年结转, amount: "1,234.50"}
              - {unit: "001", source: 上年结转, amount: "12.300"}
            """)
        #expect(r.problems.map(\.description) == [
            "b.yaml:6:27: error [bad-value]: unknown fund source “事业”; one of 一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款、财政专户管理资金、事业收入、上级补助收入、附属单位上缴收入、事业单位经营收入、其他收入、上年结转",
            "b.yaml:6:39: error [bad-value]: “12万元” is in 万元; write amounts in 元",
            "b.yaml:7:41: error [bad-value]: “5%” is a percentage, not an amount in 元",
        ])
        let log = DecodeLog()
        let b = YAMLSourceReader.decode("department: x\nyear: 2022\nprofile: p\nrevenue:\n  - {unit: '1', source: 一般公共预算, amount: 0.1}\n  - {unit: '1', source: 上年结转, amount: '1,234.50'}\n  - {unit: '1', source: 上年结转, amount: 12.300}\n",
                                        file: "b.yaml", log: log)
        #expect(b?.revenue.map(\.amount.fen) == [10, 123_450, 1_230])
        #expect(b?.revenue.first?.source == .generalBudget)
    }

    @Test func anchorsAndAliasesWorkButCannotExplode() throws {
        let ok = decode("department: x\nyear: 2022\nprofile: national-143\nrevenue:\n  - &r {unit: \"001\", source: 其他收入, amount: \"1.00\"}\n  - *r\n")
        #expect(try #require(ok.budget).revenue.count == 2)
        var text = "department: x\nyear: 2022\nprofile: national-143\nvehicles:\n  - &a0 {kind: 一般公务用车, count: 1}\n"
        for i in 1...9 { text += "  - &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        let bomb = decode(text)
        #expect(bomb.budget == nil)
        #expect(bomb.problems.count == 9)
    }

    @Test func duplicateKeysNonMappingsAndMisspeltKeys() {
        #expect(decode("department: a\ndepartment: b\n").problems.map(\.kind) == [.syntax])
        #expect(decode("- a\n- b\n").problems.map(\.description) == ["b.yaml:1:1: error [structure]: expected a mapping with department, year, profile, units …"])
        let r = decode("department: x\nyear: 2022\nprofile: national-143\nrevenue:\n  - {unit: \"001\", source: 其他收入, ammount: \"1.00\"}\n")
        #expect(r.problems.map(\.description) == [
            "b.yaml:5:5: error [missing-field]: amount is missing",
            "b.yaml:5:33: error [unknown-field]: unknown key “ammount” (did you mean amount?)",
        ])
    }

    @Test func csvSyntaxErrorsGiveFileLineAndColumn() throws {
        let dir = try csvFolder([
            "department.csv": "字段,内容\n部门名称,某局\n预算年度,2022\n模板,national-143\n",
            "units.csv": "单位编码,单位名称,单位类型\n001,\"本级,行政\n",
            "revenue.csv": "单位编码,收入来源,金额（元）\n001,一般公共预算拨款,12\"5\n",
            "reasons.csv": "对象,原因\n\"total\"x,增加\n",
        ])
        let r = BudgetSource.load(path: dir.path)
        #expect(r.budget == nil)
        #expect(r.problems.map(\.description) == [
            dir.path + "/reasons.csv:2:8: error [syntax]: CSV: text after the closing quote of a field (expected a comma or the end of the line)",
            dir.path + "/revenue.csv:2:16: error [syntax]: CSV: a quote inside an unquoted field (enclose the field in quotes and double the quote: \"\"\"\")",
            dir.path + "/units.csv:2:5: error [syntax]: CSV: a quoted field that is never closed",
        ])
    }

    @Test func csvHeadersAreCheckedAndGB18030IsRead() throws {
        let gb: [UInt8] = [181, 165, 206, 187, 177, 224, 194, 235, 44, 181, 165, 206, 187, 195, 251, 179, 198, 44, 181, 165, 206, 187, 192, 224, 208, 205, 13, 10, 51, 50, 55, 48, 48, 49, 44, 212, 198, 207, 170, 199, 248, 206, 196, 187, 175, 186, 205, 194, 195, 211, 206, 183, 162, 213, 185, 206, 175, 212, 177, 187, 225, 163, 168, 177, 190, 188, 182, 163, 169, 44, 208, 208, 213, 254, 13, 10, 51, 50, 55, 48, 48, 50, 44, 212, 198, 207, 170, 199, 248, 206, 196, 187, 175, 185, 221, 44, 202, 194, 210, 181, 13, 10]
        let dir = try csvFolder([
            "department.csv": "字段,内容\n部门名称,某局\n预算年度,2022\n模板,national-143\n",
            "revenue.csv": "单位编码,收入来源,金额（万元）\n327001,一般公共预算拨款,12\n",
            "line_items.csv": "单位编码,功能科目,经济科目,性质,资金来源,备注\n",
            "notes.csv": "随便写写\n",
        ])
        try Data(gb).write(to: dir.appendingPathComponent("units.csv"))
        let r = BudgetSource.decode(path: dir.path)
        let p = r.problems.map(\.description)
        #expect(p.contains(dir.path + "/line_items.csv, row 1: error [missing-field]: the line_items table has no column “金额（元）”"))
        #expect(p.contains(dir.path + "/line_items.csv, row 1, column F 备注: warning [unknown-field]: column “备注” is not part of the line_items table; ignored"))
        #expect(p.contains(dir.path + "/revenue.csv, row 1, column C 金额（万元）: error [bad-value]: column “金额（万元）”: amounts must be in 元, under the header 金额（元）"))
        #expect(p.contains(dir.path + "/notes.csv: warning [unknown-field]: not a file of the budget source (department.csv, units.csv, revenue.csv, line_items.csv, projects.csv, indicators.csv, procurement.csv, vehicles.csv, prior_year.csv, reasons.csv); ignored"))
        #expect(!r.problems.contains { $0.position?.file.hasSuffix("units.csv") == true })
        let log = DecodeLog()
        let units = try #require(CSVFolder.table(path: dir.appendingPathComponent("units.csv").path, kind: .units, log: log))
        #expect(units.rows == [["327001", "云溪区文化和旅游发展委员会（本级）", "行政"], ["327002", "云溪区文化馆", "事业"]])
    }

    @Test func missingFilesAndFoldersAreReported() throws {
        let empty = try temporaryDirectory()
        let r = BudgetSource.load(path: empty.path)
        #expect(r.errors.map(\.kind) == [.missingField, .missingField])
        #expect(r.errors.first?.message == "no department.csv (sheet 部门): every budget source has one")
        let none = BudgetSource.load(path: empty.appendingPathComponent("nothing.yaml").path)
        #expect(none.problems.map(\.kind) == [.unreadable])
        #expect(SourceFormat.detect(path: "a.docx") == nil)
        #expect(SourceFormat.detect(path: "a.YML") == .yaml)
    }

    @Test func csvParserFollowsRFC4180() throws {
        let records = try CSV.parse("a,\"b,c\",\"d\"\"e\"\r\n\"multi\r\nline\",,\r\n\nlast")
        #expect(records.map(\.cells) == [["a", "b,c", "d\"e"], ["multi\r\nline", "", ""], ["last"]])
        #expect(records.map(\.line) == [1, 2, 5])
        let rows = [["x", "a,b", "say \"hi\"", " lead", "two\nlines"]]
        #expect(try CSV.parse(CSV.format(rows)).map(\.cells) == rows)
    }
}
