import Foundation
import Testing
import YusuanCore
import YusuanIngest
@testable import YusuanRender
@testable import YusuanXLSX
import YusuanTestSupport

@Suite struct XLSXRenderTests {
    @Test func seedReadsBackToTheSameTables() throws {
        let seed = try RenderFixture.seed()
        let data = try DisclosureXLSX.write(seed)
        let again = try Recogniser.recognise(XLSXReader.read(data, source: "rendered.xlsx"))
        #expect(again.tables.count == seed.tables.count)
        for (a, b) in zip(seed.tables, again.tables) {
            #expect(RenderFixture.describe(a) == RenderFixture.describe(b))
        }
        #expect(again.narrative.map(\.text) == seed.narrative.map(\.text))
        #expect(again.title == seed.title)
    }

    @Test func sheetNamesAreValidAndUnique() throws {
        let book = DisclosureXLSX.workbook(try RenderFixture.seed())
        let names = book.sheets.map(\.name)
        #expect(names.count == 19)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        for n in names {
            #expect(n.utf16.count <= 31 && !n.isEmpty)
            #expect(!n.contains { "[]:*?/\\".contains($0) })
        }
        #expect(names.prefix(3) == ["情况说明", "附件1 财政拨款收支总表", "附件2 一般公共预算财政拨款支出预算表"])
        var gen = XLSXSheetNames()
        #expect(gen.name("a/b:c*d?e[f]g\\h") == "a_b_c_d_e_f_g_h")
        #expect(gen.name(String(repeating: "表", count: 40)) == String(repeating: "表", count: 31))
        #expect(gen.name(String(repeating: "表", count: 40)) == String(repeating: "表", count: 28) + "(2)")
        #expect(gen.name("History") == "Sheet_")
    }

    @Test func figuresAreNumbersAtTheirPrintedPrecisionAndCodesAreText() throws {
        let dump = DisclosureXLSX.workbook(try RenderFixture.seed()).textDump
        #expect(dump.contains("A9 \"2010308\" @ | B9 \"信访事务\" | C9 814.31 [0.00]"))
        #expect(dump.contains("A7 1 [General] | B7 \"区信访办\" | C7 \"潼南区信访维稳联动中心专项\" | D7 40 [0]"))  // 项目支出明细表 prints whole numbers
        #expect(SheetLayout.figure("12.5%")?.0 == "0.125")
        #expect(SheetLayout.figure("1,234.50")?.1 == "#,##0.00")
        #expect(SheetLayout.figure("-") == nil)
        #expect(SheetLayout.figure("(3.00)") == nil)
    }

    /// Converts the workbook with LibreOffice when it is installed (it is not required).
    @Test func libreOfficeReadsTheNumbers() throws {
        let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let soffice else {
            print("skipped: LibreOffice (soffice) is not installed")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("seed.xlsx")
        try DisclosureXLSX.write(try RenderFixture.seed()).write(to: file)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        // Sheet 3 (附件2) as CSV, cells as shown: the filter's 9th token asks for shown text, the 12th picks the sheet.
        p.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to",
                       "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,3", "--outdir", dir.path, file.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let csvs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }
        let csv = try #require(csvs.first.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) })
        #expect(csv.contains("2010308,信访事务,814.31,827.23,508.23,319.00"))
    }
}
