import Foundation
@testable import YusuanIngest

/// Disclosure text: bytes → decoding (UTF-8/UTF-16/GB18030) → text reader → recogniser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let text = try? TextDecoding.decode(data, file: "fuzz.txt"),
          let doc = try? TextReader.read(text, source: "fuzz.txt", limits: .standard) else { return 0 }
    _ = try? Recogniser.recognise(doc)
    return 0
}
