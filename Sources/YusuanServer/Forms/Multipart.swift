import Foundation
import YusuanCore

/// One part of a multipart/form-data body.
public struct MultipartPart: Sendable, Equatable {
    /// The form field's name.
    public var name: String
    /// The file name the browser sent, when the part is a file (display only: never a path).
    public var filename: String?
    public var contentType: String?
    public var body: Data
}

/// Why a multipart body was refused.
public struct MultipartError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { "multipart/form-data: " + message }
}

/// A small, strict multipart/form-data parser (RFC 7578): the boundary comes from the Content-Type,
/// every part needs a Content-Disposition of form-data with a name, header blocks and the number of
/// parts are bounded, and anything malformed is refused with a message saying what.
public enum Multipart {
    public static let maxParts = 100
    public static let maxHeaderBytes = 8 * 1024

    /// The boundary parameter of a multipart/form-data Content-Type.
    public static func boundary(contentType: String) throws(MultipartError) -> String {
        let pieces = contentType.split(separator: ";").map { $0.trimmed }
        guard let type = pieces.first, type.lowercased() == "multipart/form-data" else {
            throw MultipartError(message: "expected Content-Type multipart/form-data, got “\(contentType.prefix(80))”")
        }
        for p in pieces.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            guard p[..<eq].trimmed.lowercased() == "boundary" else { continue }
            var value = p[p.index(after: eq)...].trimmed
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'()+_,-./:=? ")
            guard (1...70).contains(value.count), value.allSatisfy({ allowed.contains($0) }), value.last != " " else {
                throw MultipartError(message: "the boundary must be 1–70 characters of the set RFC 2046 allows")
            }
            return value
        }
        throw MultipartError(message: "the Content-Type has no boundary parameter")
    }

    /// Parses `body` split by `boundary` into its parts.
    public static func parse(_ body: Data, boundary: String) throws(MultipartError) -> [MultipartPart] {
        let bytes = [UInt8](body)
        let dash = Array("--\(boundary)".utf8)
        let delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter: at the start, or after a preamble ending in CRLF.
        var position: Int
        if bytes.starts(with: dash) {
            position = dash.count
        } else if let found = find(delimiter, in: bytes, from: 0) {
            position = found + delimiter.count
        } else {
            throw MultipartError(message: "the body does not contain the boundary")
        }
        var parts: [MultipartPart] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part (transport padding allowed).
            if bytes.count >= position + 2, bytes[position] == 0x2D, bytes[position + 1] == 0x2D { return parts }
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            guard bytes.count >= position + 2, bytes[position] == 0x0D, bytes[position + 1] == 0x0A else {
                throw MultipartError(message: "a boundary line is not followed by a line break")
            }
            position += 2
            guard parts.count < maxParts else { throw MultipartError(message: "more than \(maxParts) parts") }
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: bytes, from: position, limit: maxHeaderBytes) else {
                // A part with no headers at all starts directly with CRLF.
                throw MultipartError(message: "part \(parts.count + 1): its headers do not end within \(maxHeaderBytes) bytes")
            }
            let headers = try parseHeaders(Array(bytes[position..<headerEnd]), part: parts.count + 1)
            let bodyStart = headerEnd + 4
            guard let bodyEnd = find(delimiter, in: bytes, from: bodyStart) else {
                throw MultipartError(message: "part \(parts.count + 1) (“\(headers.name)”) is not closed by the boundary: the body was cut short")
            }
            parts.append(MultipartPart(name: headers.name, filename: headers.filename, contentType: headers.contentType,
                                       body: Data(bytes[bodyStart..<bodyEnd])))
            position = bodyEnd + delimiter.count
        }
    }

    struct PartHeaders {
        var name: String
        var filename: String?
        var contentType: String?
    }

    static func parseHeaders(_ raw: [UInt8], part: Int) throws(MultipartError) -> PartHeaders {
        guard let text = String(bytes: raw, encoding: .utf8) else {
            throw MultipartError(message: "part \(part): its headers are not UTF-8")
        }
        var disposition: String?
        var contentType: String?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw MultipartError(message: "part \(part): header line without a colon")
            }
            let field = line[..<colon].trimmed.lowercased()
            let value = line[line.index(after: colon)...].trimmed
            switch field {
            case "content-disposition": disposition = value
            case "content-type": contentType = value
            default: continue
            }
        }
        guard let disposition else { throw MultipartError(message: "part \(part): no Content-Disposition header") }
        let params = dispositionParameters(disposition)
        guard params.type == "form-data" else {
            throw MultipartError(message: "part \(part): Content-Disposition must be form-data")
        }
        guard let name = params.values["name"], !name.isEmpty else {
            throw MultipartError(message: "part \(part): Content-Disposition has no name")
        }
        return PartHeaders(name: name, filename: params.values["filename"], contentType: contentType)
    }

    /// "form-data; name=\"f\"; filename=\"a;b.xlsx\"" → ("form-data", [name: f, filename: a;b.xlsx]);
    /// quoted values may hold ";" and escaped quotes.
    static func dispositionParameters(_ s: String) -> (type: String, values: [String: String]) {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for ch in s {
            if escaped { current.append(ch); escaped = false; continue }
            if quoted && ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "\"" { quoted.toggle() }
            if ch == ";" && !quoted { items.append(current); current = ""; continue }
            current.append(ch)
        }
        items.append(current)
        let type = items.first?.trimmed.lowercased() ?? ""
        var values: [String: String] = [:]
        for item in items.dropFirst() {
            guard let eq = item.firstIndex(of: "=") else { continue }
            let key = item[..<eq].trimmed.lowercased()
            var value = item[item.index(after: eq)...].trimmed
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
            }
            if values[key] == nil { values[key] = value }
        }
        return (type, values)
    }

    /// The first index of `needle` in `haystack` at or after `start`, looking no further than
    /// `limit` bytes past `start` when given.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        var end = haystack.count - needle.count
        if let limit { end = min(end, start + limit) }
        guard start <= end else { return nil }
        var i = start
        while i <= end {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
