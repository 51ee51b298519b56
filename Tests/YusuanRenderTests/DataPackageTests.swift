import Foundation
import Testing
import YusuanCore
@testable import YusuanRender
import YusuanTestSupport

@Suite struct DataPackageTests {
    /// Splits RFC 4180 CSV (quotes, doubled quotes, "\n" line ends).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, chars = Array(text), i = 0
        while i < chars.count {
            let ch = chars[i]
            if quoted {
                if ch == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(ch) }
            } else if ch == "\"" { quoted = true
            } else if ch == "," { row.append(field); field = ""
            } else if ch == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(ch) }
            i += 1
        }
        return rows
    }

    func table() throws -> [[String: String]] {
        let rows = Self.parseCSV(DisclosureBudgetLines.csv(try RenderFixture.seed()))
        let header = try #require(rows.first)
        #expect(header == DisclosureBudgetLines.fields)
        return rows.dropFirst().map { r in
            #expect(r.count == header.count)
            return Dictionary(uniqueKeysWithValues: zip(header, r))
        }
    }

    @Test func aFigureBecomesALineInYuan() throws {
        let lines = try table()
        let xinfang = lines.filter { $0["table_kind"] == "general-expenditure" && $0["functional_code"] == "2010308" }
        #expect(xinfang.map { $0["column"] ?? "" } == ["2021年预算数", "2022年预算数/总计", "2022年预算数/基本支出", "2022年预算数/项目支出"])
        #expect(xinfang.map { $0["amount"] ?? "" } == ["8143100.00", "8272300.00", "5082300.00", "3190000.00"])
        #expect(xinfang.map { $0["fiscal_year"] ?? "" } == ["2021", "2022", "2022", "2022"])
        #expect(xinfang.map { $0["measure"] ?? "" } == ["total", "total", "basic", "project"])
        let first = try #require(xinfang.first)
        #expect(first["direction"] == "expenditure" && first["phase"] == "approved" && first["fund"] == "general-budget")
        #expect(first["functional_name"] == "信访事务" && first["department"] == "重庆市潼南区信访办公室" && first["printed"] == "814.31")
        let wage = try #require(lines.first { $0["economic_code"] == "30101" })
        #expect(wage["measure"] == "total" && wage["amount"] == "1125400.00" && wage["functional_code"] == "")
        let income = try #require(lines.first { $0["item"] == "一般公共预算拨款收入" })
        #expect(income["direction"] == "revenue" && income["fund"] == "general-budget" && income["side"] == "income")
        let project = try #require(lines.first { $0["item"] == "潼南区疑难信访案件专项" })
        #expect(project["unit"] == "区信访办" && project["amount"] == "1000000.00")
    }

    @Test func blankCellsGiveNoLineAndPercentagesAreNotMoney() throws {
        let lines = try table()
        #expect(!lines.contains { $0["printed"] == "" })
        #expect(!lines.contains { $0["table_kind"] == "overall-performance" || $0["table_kind"] == "project-performance" })
        #expect(lines.count == 235)
    }

    @Test func amountsAreThePrintedFiguresExactly() throws {
        for l in try table() {
            let printed = try #require(NumberParser.parse(l["printed"] ?? ""))
            let yuan = try #require(NumberParser.parse(l["amount"] ?? ""))
            #expect(printed.value.rescaled(to: printed.value.scale).map { Fixed(mantissa: $0.mantissa * 10_000, scale: $0.scale) } == yuan.value)
        }
    }

    @Test func descriptorDescribesTheCSV() throws {
        let files = DisclosureDataPackage.render(try RenderFixture.seed())
        #expect(Set(files.keys) == ["datapackage.json", "budget-lines.csv", "disclosure.json"])
        let json = try #require(files["datapackage.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let resources = try #require(object["resources"] as? [[String: Any]])
        let schema = try #require(resources.first?["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == DisclosureBudgetLines.fields)
        let model = try #require(object["model"] as? [String: Any])
        let measures = try #require(model["measures"] as? [String: [String: Any]])
        #expect(measures["amount"]?["currency"] as? String == "CNY")
        let dimensions = try #require(model["dimensions"] as? [String: [String: Any]])
        for (name, kind) in [("functional-classification", "functional"), ("economic-classification", "economic"),
                             ("administrative-classification", "administrative")] {
            #expect(dimensions[name]?["classificationType"] as? String == kind)
        }
        let sources = dimensions.values.flatMap { ($0["attributes"] as? [String: [String: Any]] ?? [:]).values.compactMap { $0["source"] as? String } }
        #expect(Set(sources).isSubset(of: Set(DisclosureBudgetLines.fields)))
        #expect((object["name"] as? String)?.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") } == true)
    }

    @Test func fullJSONDecodesToTheSameDisclosure() throws {
        let seed = try RenderFixture.seed()
        let again = try DisclosureJSON.read(Data(DisclosureJSON.render(seed).utf8))
        #expect(again.tables == seed.tables)
        #expect(again.narrative == seed.narrative)
        #expect(again.title == seed.title && again.year == seed.year && again.department == seed.department)
    }
}
