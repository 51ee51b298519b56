import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// Every input the fuzzers found a crash, hang or sanitizer report with (Tests/Fixtures/fuzz/TARGET/,
/// see docs/fuzzing.md) is read again by the reader that failed: it must now give a document or
/// a clear error, and quickly.
@Suite(.timeLimit(.minutes(5))) struct BrokenInputFuzzTests {  // a hang fails; no duration is asserted
    static func inputs(_ target: String) -> [String] {
        let folder = Fixtures.path("Tests/Fixtures/fuzz/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().map { folder + "/" + $0 }
    }

    /// The outcome of reading `path` with `read`, as text: the number of lines or the error.
    func outcome(_ path: String, _ read: (Data) throws(IngestError) -> RawDocument) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        do { return "\(try read(data).lines.count) lines" } catch { return error.message }
    }

    @Test func xlsxFindings() throws {
        let files = Self.inputs("xlsx")
        #expect(!files.isEmpty)
        for file in files {
            let r = try outcome(file) { (d) throws(IngestError) in try XLSXReader.read(d, source: "f.xlsx", limits: .standard) }
            #expect(!r.isEmpty)
        }
    }

    @Test func offsetPastTheEndOfTheZip() throws {
        // An entry whose offset points past the end of the data trapped inside ZIPFoundation's in-memory archive.
        let r = try outcome(Fixtures.path("Tests/Fixtures/fuzz/xlsx/offset-past-end.xlsx")) { (d) throws(IngestError) in
            try XLSXReader.read(d, source: "f.xlsx", limits: .standard)
        }
        #expect(r.hasPrefix("not an XLSX workbook: "), "\(r)")
    }

    @Test func invalidUTF8InAnElementName() throws {
        // The fuzzer's workbook: a sheet whose element name held bytes that are not UTF-8 trapped inside
        // Foundation's XMLParser. Its zip is damaged too, and the directory check now refuses it first.
        let r = try outcome(Fixtures.path("Tests/Fixtures/fuzz/xlsx/invalid-utf8-element-name.xlsx")) { (d) throws(IngestError) in
            try XLSXReader.read(d, source: "f.xlsx", limits: .standard)
        }
        #expect(r.hasPrefix("not an XLSX workbook: "), "\(r)")
        // The same defect in a well-formed zip (Tests/Fixtures/broken/invalid-utf8-sheet.xlsx) reaches the XML check.
        let sheet = try outcome(Fixtures.path("Tests/Fixtures/broken/invalid-utf8-sheet.xlsx")) { (d) throws(IngestError) in
            try XLSXReader.read(d, source: "f.xlsx", limits: .standard)
        }
        #expect(sheet == "damaged workbook: xl/worksheets/sheet1.xml is not UTF-8 (byte offset 179)", "\(sheet)")
    }

    @Test func deflateStreamPastTheEntry() throws {
        // A deflate stream still open at the end of its entry: zlib was told a short last chunk was full
        // and read past it (AddressSanitizer: SEGV in inflate).
        let r = try outcome(Fixtures.path("Tests/Fixtures/fuzz/xlsx/deflate-stream-past-entry.xlsx")) { (d) throws(IngestError) in
            try XLSXReader.read(d, source: "f.xlsx", limits: .standard)
        }
        #expect(r == "not an XLSX workbook: damaged zip entry xl/styles.xml (the compressed data ends early)", "\(r)")
    }

    @Test func pdfWordFindings() throws {
        let files = Self.inputs("pdfwords")
        #expect(!files.isEmpty)
        for file in files {
            let pages = PDFWords.onPage(PDFWords.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))))
            let text = PDFWordLayout.boxesAreConsistent(pages) ? PDFWordLayout.text(pages: pages) : ""
            _ = try? TextReader.read(text, source: "f.pdf", limits: .standard)
        }
    }

    @Test func wordsOffThePageAreKeptOnIt() {
        // A word at x = 40,964,000 pt (the fuzzer's) made a line of 8 million spaces; 1e300 or NaN trapped in Int(_:).
        let words = [PDFWord(text: "远", xMin: 40_964_000, yMin: 10, xMax: 40_964_010, yMax: 20),
                     PDFWord(text: "左", xMin: -50, yMin: 10, xMax: -40, yMax: 20),
                     PDFWord(text: "无", xMin: .nan, yMin: 10, xMax: 1e300, yMax: 20)]
        let kept = PDFWords.onPage([words])
        #expect(kept.first?.map(\.text) == ["远", "左"])
        #expect(kept.first?.map(\.xMin) == [30_000, 0])
        #expect(PDFWordLayout.text(pages: kept).count < 20_000)
    }
}
