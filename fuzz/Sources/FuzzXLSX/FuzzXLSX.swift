import Foundation
@testable import YusuanIngest

/// XLSX: bytes → zip (with the bomb caps) → workbook, shared strings, styles, sheets → recogniser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let doc = try? XLSXReader.read(data, source: "fuzz.xlsx", limits: .standard) else { return 0 }
    _ = try? Recogniser.recognise(doc)
    return 0
}
