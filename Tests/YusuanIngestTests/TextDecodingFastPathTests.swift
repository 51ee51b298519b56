import Foundation
import Testing
@testable import YusuanIngest

/// The standard library's UTF-8 validation, which `decodeDetectingEncoding` tries first, accepts exactly the
/// byte strings that `firstInvalidUTF8` accepts.
@Suite struct TextDecodingFastPathTests {
    static let samples: [[UInt8]] = [
        Array("合计 1,234.56\n".utf8), [], [0x41], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
        [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF],
        [0xE5, 0x90], [0xE5, 0x90, 0x88, 0x80], [0xF0, 0x9F, 0x98, 0x80], Array("\u{F98E}年".utf8), [0xB9, 0xFA],
    ]

    @Test func validationAgreesWithTheDecoder() {
        guard #available(macOS 15, *) else { return }
        var generator = SystemRandomNumberGenerator()
        var inputs = Self.samples
        for _ in 0..<2000 {
            let n = Int.random(in: 1...6, using: &generator)
            inputs.append((0..<n).map { _ in [0x41, 0x80, 0xBF, 0xC2, 0xE0, 0xE5, 0xED, 0xEF, 0xF0, 0xF4, 0xFF, 0x9F, 0xA0][Int.random(in: 0..<13, using: &generator)] })
        }
        for bytes in inputs {
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(valid == (TextDecoding.firstInvalidUTF8(bytes, from: 0).offset == nil), "\(bytes)")
        }
    }

    @Test func validUTF8DecodesAsBefore() throws {
        let text = "附件1 收支总表\n合计\t1,234.56\n"
        let (decoded, encoding) = try TextDecoding.decodeDetectingEncoding(Data(text.utf8), file: "t.txt")
        #expect(decoded == text)
        #expect(encoding == .utf8)
    }
}
