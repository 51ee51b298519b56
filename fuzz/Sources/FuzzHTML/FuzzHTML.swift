import Foundation
@testable import YusuanIngest

/// HTML: bytes as UTF-8 → tokenizer, tree, walker (with the standard limits) → recogniser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let doc = try? HTMLReader.read(text, source: "fuzz.html", limits: .standard) else { return 0 }
    _ = try? Recogniser.recognise(doc)
    return 0
}
