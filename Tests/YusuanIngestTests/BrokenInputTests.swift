import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// Broken files from Tests/Fixtures/broken: each is refused with an error that names the file,
/// the problem and, when known, where it is. None crashes or hangs.
@Suite struct BrokenInputTests {
    static func path(_ name: String) -> String { Fixtures.path("Tests/Fixtures/broken/\(name)") }

    /// The error reading `name` gives, as "file (where): message" with the fixtures folder left out.
    func error(_ name: String, limits: InputLimits = .standard) -> String? {
        do {
            _ = try DocumentReader.read(path: Self.path(name), limits: limits)
            return nil
        } catch {
            return error.description.replacingOccurrences(of: Fixtures.path("Tests/Fixtures/broken") + "/", with: "")
        }
    }

    @Test func emptyFile() {
        #expect(error("empty.txt") == "empty.txt: empty file")
    }

    @Test func truncatedWorkbook() {
        let e = error("truncated.xlsx")
        #expect(e?.hasPrefix("truncated.xlsx: not an XLSX workbook: unreadable zip archive") == true, "\(e ?? "no error")")
    }

    @Test func workbookThatIsNotAZip() {
        #expect(error("not-a-zip.xlsx") == "not-a-zip.xlsx: not an XLSX workbook: not a zip archive (the name says .xlsx, the content does not)")
    }

    @Test func binaryGarbage() {
        #expect(error("garbage.bin") == "garbage.bin (line 1): not text: NUL byte at byte offset 1")
    }

    @Test func mixedEncoding() {
        // UTF-8 lines with one line saved in GBK: the first GBK byte is named, with its line.
        #expect(error("mixed-encoding.txt") == "mixed-encoding.txt (line 4): not text: invalid UTF-8 (byte 0xCF) at byte offset 67")
    }

    @Test func utf16WithoutBOM() {
        #expect(error("utf16-no-bom.txt") == "utf16-no-bom.txt (line 1): not text: NUL byte at byte offset 5")
    }

    @Test func deeplyNestedHTML() {
        #expect(error("nested-10000.html") == "nested-10000.html (line 2): HTML nested too deeply: more than 512 levels of elements")
    }

    @Test(.enabled(if: PDFText.available)) func scannedPDF() {
        #expect(error("scanned.pdf") == "scanned.pdf: the PDF has no text layer (a scanned document?); Yusuan reads text, not images")
    }

    @Test(.enabled(if: PDFText.available)) func truncatedPDF() {
        #expect(error("truncated.pdf") == "truncated.pdf: not a readable PDF (pdftotext: Syntax Error: Couldn't find trailer dictionary)")
    }

    @Test func fileOverTheSizeCap() {
        var small = InputLimits()
        small.maxFileBytes = 4096
        #expect(error("garbage.bin", limits: small) == "garbage.bin: file too large: 4100 bytes (at most 4 KB)")
        #expect(InputLimits.standard.maxFileBytes == 100 * 1024 * 1024)
        #expect(InputLimits.size(150 * 1024 * 1024 + 1) == "150.0 MB")
    }
}
