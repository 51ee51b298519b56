import Foundation
import YusuanCore

/// The whole disclosure as JSON: every table (columns, rows, cells as printed with the figures
/// read from them, notes, fields, source locations) and the narrative — the model itself, so
/// the JSON decodes back to the same `Disclosure`.
public enum DisclosureJSON {
    /// How the JSON is laid out: indented for files people open (`yusuan build --format json`, downloads), compact
    /// for the API, where the indentation would be well over half of the bytes sent.
    public enum Layout: Sendable { case indented, compact }

    public static func render(_ d: Disclosure, layout: Layout = .indented) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = layout == .indented
            ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(d)
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    /// Reads JSON written by `render`.
    public static func read(_ data: Data) throws -> Disclosure {
        try JSONDecoder().decode(Disclosure.self, from: data)
    }
}
