import Foundation
import YusuanCore

/// The whole disclosure as JSON: every table (columns, rows, cells as printed with the figures
/// read from them, notes, fields, source locations) and the narrative — the model itself, so
/// the JSON decodes back to the same `Disclosure`.
public enum DisclosureJSON {
    public static func render(_ d: Disclosure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(d)
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    /// Reads JSON written by `render`.
    public static func read(_ data: Data) throws -> Disclosure {
        try JSONDecoder().decode(Disclosure.self, from: data)
    }
}
