import Foundation
import Testing
import YusuanCore
@testable import YusuanIngest

@Suite struct TextDecodingTests {
    let line = "2010301\t行政运行\t95.18\n部门预算（单位：万元）"
    /// `line` in GB18030, as printed by python3 -c "print(list(s.encode('gb18030')))".
    let gb18030: [UInt8] = [
        0x32, 0x30, 0x31, 0x30, 0x33, 0x30, 0x31, 0x09, 0xD0, 0xD0, 0xD5, 0xFE, 0xD4, 0xCB, 0xD0, 0xD0,
        0x09, 0x39, 0x35, 0x2E, 0x31, 0x38, 0x0A, 0xB2, 0xBF, 0xC3, 0xC5, 0xD4, 0xA4, 0xCB, 0xE3, 0xA3,
        0xA8, 0xB5, 0xA5, 0xCE, 0xBB, 0xA3, 0xBA, 0xCD, 0xF2, 0xD4, 0xAA, 0xA3, 0xA9,
    ]

    func decode(_ bytes: [UInt8]) throws(IngestError) -> String { try TextDecoding.decode(Data(bytes), file: "t.txt") }

    func error(_ bytes: [UInt8]) -> IngestError? {
        do { _ = try decode(bytes); return nil } catch { return error }
    }

    @Test func utf8() throws {
        #expect(try decode(Array(line.utf8)) == line)
        #expect(try TextDecoding.decodeDetectingEncoding(Data(line.utf8), file: "t").encoding == .utf8)
    }

    @Test func gb18030DecodesToTheSameTextAsUTF8() throws {
        let (text, encoding) = try TextDecoding.decodeDetectingEncoding(Data(gb18030), file: "t.txt")
        #expect(text == line)
        #expect(encoding == .gb18030)
    }

    @Test func gb18030FourByteSequences() throws {
        // "€" is A2 E3; "😀" is the four-byte 94 39 FC 36.
        #expect(try decode([0xB2, 0xBF, 0xA2, 0xE3, 0x94, 0x39, 0xFC, 0x36]) == "部€😀")
    }

    @Test func byteOrderMarks() throws {
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array(line.utf8)) == line)
        let le: [UInt8] = [0xFF, 0xFE] + line.utf16.flatMap { u -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + line.utf16.flatMap { u -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try decode(le) == line)
        #expect(try decode(be) == line)
        #expect(try TextDecoding.decodeDetectingEncoding(Data(be), file: "t").encoding == .utf16BE)
        #expect(try decode([0xEF, 0xBB, 0xBF, 0x41]) == "A")
    }

    @Test func emptyFile() {
        #expect(error([])?.message == "empty file")
        #expect(error([])?.file == "t.txt")
    }

    @Test func binaryGarbageIsNotText() throws {
        // A PNG header: NUL bytes.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
        let e = try #require(error(png))
        #expect(e.message == "not text: NUL byte at byte offset 8")
        #expect(e.location?.line == 3)  // after the CR LF and the LF
        // Bytes that are neither UTF-8 nor GB18030: 0xFF after a Chinese word in GB18030.
        let bad = try #require(error(Array(gb18030[0..<16]) + [0xFF, 0xFE, 0x41]))
        #expect(bad.message.hasPrefix("not text: invalid GB18030 (byte 0xFF) at byte offset 16"))
        // UTF-8 text broken by a lone continuation byte: not to be misread as GB18030 mojibake.
        let broken = try #require(error(Array("部门预算\n合计".utf8) + [0x80, 0x41]))
        #expect(broken.message == "not text: invalid UTF-8 (byte 0x80) at byte offset 19")
        #expect(broken.location?.line == 2)
        #expect(error(Array("合计".utf8) + [0x00])?.message == "not text: NUL byte at byte offset 6")
    }

    @Test func brokenUTF16() {
        #expect(error([0xFF, 0xFE, 0x41])?.message.contains("odd number of bytes") == true)
        #expect(error([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])?.message == "not text: unpaired UTF-16 surrogate at byte offset 2")
        #expect(error([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])?.message == "not text: NUL character at byte offset 4")
    }

    @Test func formFeedsAndControlCharactersOtherThanNULAreText() throws {
        #expect(try decode(Array("第1页\u{0C}第2页\r\n".utf8)) == "第1页\u{0C}第2页\r\n")
    }
}

/// Dispatch by content: the file name never decides the reader.
@Suite struct DocumentReaderTests {
    func temp(_ bytes: [UInt8], name: String = UUID().uuidString) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-\(name)")
        try Data(bytes).write(to: url)
        return url.path
    }

    func error(_ path: String) -> IngestError? {
        do { _ = try DocumentReader.read(path: path); return nil } catch { return error }
    }

    @Test func gb18030WebPageGoesToTheHTMLReader() throws {
        // "<html><meta charset=gb2312><table><tr><td>部门</td></tr></table>" in GB18030.
        let html = Array("<html><meta charset=gb2312><table><tr><td>".utf8) + [0xB2, 0xBF, 0xC3, 0xC5] + Array("</td></tr></table>".utf8)
        let path = try temp(html, name: "page.txt")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let doc = try DocumentReader.read(path: path)
        #expect(doc.origin == .html)
        #expect(doc.lines.first?.cells == ["部门"])
        #expect(doc.source == path)
    }

    @Test func plainTextGoesToTheTextReader() throws {
        let path = try temp(Array("部门收支总表\n项目\t预算数\n".utf8), name: "a.html")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let doc = try DocumentReader.read(path: path)
        #expect(doc.origin == .text)
        #expect(doc.lines.contains { $0.text.contains("部门收支总表") })
    }

    @Test func workbooksAndPDFs() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/shanghai/department-budget-template-2026.xlsx").path
        #expect(try DocumentReader.read(path: fixture).origin == .xlsx)
        let pdf = try temp(Array("%PDF-1.7\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let message = error(pdf)?.message ?? ""
        #expect(PDFText.available ? message.hasPrefix("not a readable PDF") : message.contains("apt-get install poppler-utils"), "\(message)")
        #expect(error(pdf)?.file == pdf)
        let xls = try temp([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
        defer { try? FileManager.default.removeItem(atPath: xls) }
        #expect(error(xls)?.message.contains("save it as .xlsx") == true)
    }

    @Test func missingEmptyAndDirectoryInputs() throws {
        #expect(error("/nonexistent/预算.txt")?.description == "/nonexistent/预算.txt: no such file")
        #expect(error(FileManager.default.temporaryDirectory.path)?.message == "is a directory, not a file")
        let empty = try temp([])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(error(empty)?.message == "empty file")
    }
}
