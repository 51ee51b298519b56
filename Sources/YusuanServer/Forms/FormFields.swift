import Foundation
import YusuanCore

/// The fields of a submitted form, from application/x-www-form-urlencoded or multipart/form-data.
public struct FormFields: Sendable {
    public var values: [String: [String]] = [:]
    public var files: [MultipartPart] = []

    public init() {}

    public subscript(_ name: String) -> String? { values[name]?.first }

    /// The trimmed value, nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let v = self[name]?.trimmed, !v.isEmpty else { return nil }
        return v
    }

    /// Parses an application/x-www-form-urlencoded body ("a=1&b=x+y%21").
    public static func urlEncoded(_ body: String) -> FormFields {
        var form = FormFields()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(kv[0])
            let value = kv.count > 1 ? decode(kv[1]) : ""
            form.values[key, default: []].append(value)
        }
        return form
    }

    /// Collects the parts of a multipart body: parts with a file name are files, the rest text fields.
    public static func multipart(_ parts: [MultipartPart]) -> FormFields {
        var form = FormFields()
        for p in parts {
            if let name = p.filename {
                // A file input left empty sends an empty name and no bytes: no file.
                if name.isEmpty && p.body.isEmpty { continue }
                form.files.append(p)
            } else {
                form.values[p.name, default: []].append(String(decoding: p.body, as: UTF8.self))
            }
        }
        return form
    }

    static func decode(_ s: Substring) -> String {
        let plus = s.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }
}
