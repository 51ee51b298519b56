import Foundation
@testable import YusuanIngest

/// PDF word boxes: arbitrary bytes as `pdftotext -bbox-layout` output → words (kept on the page, as
/// PDFText does) → character grid → text reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDFWords(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let pages = PDFWords.onPage(PDFWords.parse([UInt8](UnsafeRawBufferPointer(start: start, count: count))))
    guard PDFWordLayout.boxesAreConsistent(pages) else { return 0 }
    _ = try? TextReader.read(PDFWordLayout.text(pages: pages), source: "fuzz.pdf", limits: .standard)
    return 0
}
