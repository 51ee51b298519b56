import Foundation
import YusuanCore

/// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 with BOM,
/// or GB18030/GBK (what Chinese government sites and Windows tools still produce).
///
/// Detection is by content, never by file name: a BOM decides; otherwise valid UTF-8 is UTF-8;
/// otherwise bytes that are well-formed GB18030 are GB18030. Anything else, and any NUL byte,
/// is "not text", reported with the byte offset (and line) of the first bad byte.
public enum TextDecoding {
    /// The encoding a decoded text was read in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", gb18030 = "GB18030"
    }

    /// Decodes `data`; `file` names the input in errors.
    public static func decode(_ data: Data, file: String) throws(IngestError) -> String {
        try decodeDetectingEncoding(data, file: file).text
    }

    /// Decodes `data` and says which encoding it was read in.
    public static func decodeDetectingEncoding(_ data: Data, file: String) throws(IngestError) -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        guard !bytes.isEmpty else { throw IngestError(file: file, message: "empty file") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(bytes, from: 3, file: file), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (try utf16(bytes, littleEndian: true, file: file), .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (try utf16(bytes, littleEndian: false, file: file), .utf16BE)
        }
        // Valid UTF-8 (nearly every file): the standard library's validation, then the NUL test of `utf8`.
        // It rejects exactly what `firstInvalidUTF8` rejects (ill-formed sequences by Unicode's definition).
        // (`String(validating:as:)` needs macOS 15; on Linux the condition always holds.)
        if #available(macOS 15, *), let text = String(validating: bytes, as: UTF8.self) {
            if bytes.contains(0) { return (try utf8(bytes, from: 0, file: file), .utf8) }  // throws at the NUL
            return (text, .utf8)
        }
        let (utf8Bad, multibyte) = firstInvalidUTF8(bytes, from: 0)
        guard let badUTF8 = utf8Bad else { return (try utf8(bytes, from: 0, file: file), .utf8) }
        // GB18030 text almost never forms several well-formed UTF-8 sequences before its first
        // invalid one; UTF-8 text with a damaged byte does. Reading the latter as GB18030 would
        // silently turn every Chinese character into another one.
        if multibyte >= 4 {
            throw notText(bytes, at: badUTF8, why: "invalid UTF-8 (byte 0x\(hex(bytes[badUTF8])))", file: file)
        }
        if let nul = bytes.firstIndex(of: 0) { throw notText(bytes, at: nul, why: "NUL byte", file: file) }
        let badGB = firstInvalidGB18030(bytes)
        if badGB == nil, let text = String(data: data, encoding: gb18030Encoding) {
            return (text, .gb18030)
        }
        // Report from the reading that got further: that is most likely the file's encoding.
        let offset = max(badUTF8, badGB ?? badUTF8)
        let reading = offset == badUTF8 ? "UTF-8" : "GB18030"
        throw notText(bytes, at: offset, why: "invalid \(reading) (byte 0x\(hex(bytes[offset])))", file: file)
    }

    /// Foundation's GB18030 (kCFStringEncodingGB_18030_2000 as an NSStringEncoding); supported by
    /// swift-corelibs/swift-foundation on Linux as well as on Darwin.
    static let gb18030Encoding = String.Encoding(rawValue: 0x8000_0632)

    static func utf8(_ bytes: [UInt8], from start: Int, file: String) throws(IngestError) -> String {
        if let bad = firstInvalidUTF8(bytes, from: start).offset {
            throw notText(bytes, at: bad, why: "invalid UTF-8 (byte 0x\(hex(bytes[bad])))", file: file)
        }
        if let nul = bytes[start...].firstIndex(of: 0) { throw notText(bytes, at: nul, why: "NUL byte", file: file) }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    static func utf16(_ bytes: [UInt8], littleEndian: Bool, file: String) throws(IngestError) -> String {
        guard bytes.count % 2 == 0 else {
            throw notText(bytes, at: bytes.count - 1, why: "odd number of bytes in UTF-16", file: file)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            let unit = littleEndian ? (b << 8 | a) : (a << 8 | b)
            if unit == 0 { throw notText(bytes, at: i, why: "NUL character", file: file) }
            units.append(unit)
            i += 2
        }
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var out = String.UnicodeScalarView()
        var unitOffset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                out.append(s)
                unitOffset += UTF16.width(s)
            case .emptyInput:
                return String(out)
            case .error:
                throw notText(bytes, at: 2 + unitOffset * 2, why: "unpaired UTF-16 surrogate", file: file)
            }
        }
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (nil
    /// when all do), and how many multi-byte sequences come before it.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> (offset: Int?, multibyte: Int) {
        var decoder = UTF8()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        var multibyte = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                let w = UTF8.width(s)
                offset += w
                if w > 1 { multibyte += 1 }
            case .emptyInput: return (nil, multibyte)
            case .error: return (offset, multibyte)
            }
        }
    }

    /// The offset of the first byte that breaks the GB18030 byte structure: one byte 00–80,
    /// two bytes [81–FE][40–7E 80–FE], or four bytes [81–FE][30–39][81–FE][30–39].
    /// (0x80 alone is accepted: GBK/CP936 maps it to "€".)
    static func firstInvalidGB18030(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b <= 0x80 { i += 1; continue }
            guard b != 0xFF, i + 1 < n else { return i }
            let c = bytes[i + 1]
            if (0x40...0x7E).contains(c) || (0x80...0xFE).contains(c) { i += 2; continue }
            guard (0x30...0x39).contains(c), i + 3 < n,
                  (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return i }
            i += 4
        }
        return nil
    }

    static func notText(_ bytes: [UInt8], at offset: Int, why: String, file: String) -> IngestError {
        let line = bytes[..<min(offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return IngestError(file: file, message: "not text: \(why) at byte offset \(offset)",
                           location: SourceLocation(line: line))
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
}
