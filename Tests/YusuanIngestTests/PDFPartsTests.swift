import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest
import YusuanTestSupport

/// A long PDF is extracted in page ranges by pdftotext runs side by side; the parts must join into
/// exactly what one run over the whole document gives.
@Suite struct PDFPartsTests {
    @Test func pageRangesCoverEveryPageOnceInOrder() {
        #expect(PDFText.pageRanges(pages: nil, cores: 2).isEmpty)
        #expect(PDFText.pageRanges(pages: 0, cores: 2).isEmpty)
        #expect(PDFText.pageRanges(pages: 15, cores: 2).isEmpty)  // under two parts' worth of pages
        #expect(PDFText.pageRanges(pages: 34, cores: 1).isEmpty)
        #expect(PDFText.pageRanges(pages: 34, cores: 2) == [1...17, 18...34])
        #expect(PDFText.pageRanges(pages: 33, cores: 2) == [1...16, 17...33])
        #expect(PDFText.pageRanges(pages: 20, cores: 8) == [1...10, 11...20])
        for pages in 16...200 {
            for cores in 2...6 {
                let ranges = PDFText.pageRanges(pages: pages, cores: cores)
                #expect(ranges.count == min(cores, pages / PDFText.pagesPerPart))
                #expect(ranges.flatMap { Array($0) } == Array(1...pages))
                #expect(ranges.allSatisfy { $0.count >= PDFText.pagesPerPart })
            }
        }
    }

    @Test func coordinatesReadAsDoubleReadsThem() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let whole = Int.random(in: 0...99_999, using: &generator)
            let fraction = Int.random(in: 0...999_999, using: &generator)
            let digits = Int.random(in: 0...6, using: &generator)
            var text = String(whole)
            if digits > 0 { text += "." + String(String(fraction).prefix(digits)) }
            if Bool.random(using: &generator) { text = "-" + text }
            let read = PDFWords.decimal(ArraySlice(Array(text.utf8)))
            #expect(read?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
        for text in ["56.693000", "0", "-0.000000", ".5", "5.", "1e3", "", "-", "1.2.3", "12345678901234567.5", "nan"] {
            #expect(PDFWords.decimal(ArraySlice(Array(text.utf8)))?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test(arguments: ["putuo-wanli-street-2024-department-budget.pdf", "putuo-finance-bureau-2024-final-accounts.pdf"])
    func partsJoinIntoTheWholeDocument(name: String) throws {
        guard PDFText.available else {
            print("PDFPartsTests: pdftotext is not installed (apt-get install poppler-utils); skipped")
            return
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Tests/Fixtures/shanghai/" + name)))
        let whole = try PDFText.read(data, source: name, limits: .standard, cores: 1)
        let parts = try PDFText.read(data, source: name, limits: .standard, cores: 3)
        #expect(whole.lines.count > 100)
        #expect(parts.lines == whole.lines)
        #expect(parts.origin == whole.origin)
    }
}
