import Foundation
import YusuanCore

/// Reads a disclosure file of any supported kind into a `RawDocument`, choosing the reader by
/// content, not by file name: a zip is an XLSX workbook, "%PDF" a PDF, and text (UTF-8, UTF-16,
/// GB18030) is HTML when it looks like a web page and plain disclosure text otherwise.
public enum DocumentReader {
    /// Files larger than this are refused before they are read.
    public static var maxFileBytes: Int { InputLimits.standard.maxFileBytes }

    /// Reads the file at `path` within `limits`.
    public static func read(path: String, limits: InputLimits = .standard) throws(IngestError) -> RawDocument {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw IngestError(file: path, message: "is a directory, not a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxFileBytes {
            throw tooLarge(size, source: path, limits: limits)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IngestError(file: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try read(data, source: path, limits: limits)
    }

    /// Reads bytes already in memory (an upload); `source` names them in locations and errors.
    public static func read(_ data: Data, source: String, limits: InputLimits = .standard) throws(IngestError) -> RawDocument {
        guard data.count <= limits.maxFileBytes else { throw tooLarge(data.count, source: source, limits: limits) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try XLSXReader.read(data, source: source, limits: limits)
        }
        if data.starts(with: Array("%PDF".utf8)) {
            return try PDFText.read(data, source: source, limits: limits)
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw IngestError(file: source, message: "legacy Office file (.xls/.doc) is not supported; save it as .xlsx")
        }
        if ["xlsx", "xlsm"].contains((source as NSString).pathExtension.lowercased()) {
            throw IngestError(file: source, message: "not an XLSX workbook: not a zip archive (the name says .xlsx, the content does not)")
        }
        let text = try TextDecoding.decode(data, file: source)
        if looksLikeHTML(text) { return try HTMLReader.read(text, source: source, limits: limits) }
        return try TextReader.read(text, source: source, limits: limits)
    }

    /// The error for an input over `limits.maxFileBytes`.
    static func tooLarge(_ size: Int, source: String, limits: InputLimits) -> IngestError {
        IngestError(file: source, message: "file too large: \(InputLimits.size(size)) (at most \(InputLimits.size(limits.maxFileBytes)))")
    }

    /// Whether the start of `text` carries the marks of a web page.
    /// One pass over the first 64 KB of bytes, comparing ASCII case-insensitively after each "<".
    static func looksLikeHTML(_ text: String) -> Bool {
        let marks: [[UInt8]] = ["<html", "<!doctype html", "<table", "<body"].map { Array($0.utf8) }
        return TextNormalization.withBytes(text) { bytes in
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(65_536))
            for i in head.indices where head[i] == UInt8(ascii: "<") {
                for mark in marks where i + mark.count <= head.count {
                    var k = 1
                    while k < mark.count, head[i + k] | 0x20 == mark[k] || head[i + k] == mark[k] { k += 1 }
                    if k == mark.count { return true }
                }
            }
            return false
        }
    }
}
