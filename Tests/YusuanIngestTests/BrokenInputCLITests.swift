import Foundation
import Testing
import YusuanTestSupport

/// `yusuan audit` on each broken fixture: exit status 65 and one line on stderr naming the file and the problem.
@Suite struct BrokenInputCLITests {
    static var built: Bool { BuiltExecutable.built }

    func audit(_ name: String) throws -> (status: Int32, stderr: String) {
        try BuiltExecutable.run(["audit", "Tests/Fixtures/broken/\(name)"])
    }

    @Test(.enabled(if: built), arguments: [
        ("empty.txt", "yusuan: Tests/Fixtures/broken/empty.txt: empty file\n"),
        ("not-a-zip.xlsx", "yusuan: Tests/Fixtures/broken/not-a-zip.xlsx: not an XLSX workbook: not a zip archive (the name says .xlsx, the content does not)\n"),
        ("garbage.bin", "yusuan: Tests/Fixtures/broken/garbage.bin (line 1): not text: NUL byte at byte offset 1\n"),
        ("nested-10000.html", "yusuan: Tests/Fixtures/broken/nested-10000.html (line 2): HTML nested too deeply: more than 512 levels of elements\n"),
    ])
    func exitsWith65(name: String, message: String) throws {
        let r = try audit(name)
        #expect(r.status == 65)
        #expect(r.stderr == message)
    }

    @Test(.enabled(if: built)) func truncatedWorkbookExitsWith65() throws {
        let r = try audit("truncated.xlsx")
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("yusuan: Tests/Fixtures/broken/truncated.xlsx: not an XLSX workbook: unreadable zip archive"))
    }
}
