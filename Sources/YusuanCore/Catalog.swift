import Foundation

/// One entry of a classification catalog.
public struct CatalogEntry: Hashable, Sendable {
    public let code: String
    public let name: String
    public let aliases: [String]
}

/// The names of the classification codes of one scheme in one fiscal year, read from a data file.
public struct Catalog: Sendable {
    public let scheme: ClassificationScheme
    public let year: Int
    public let sources: [String]
    public let entries: [String: CatalogEntry]

    public init(scheme: ClassificationScheme, year: Int, sources: [String], entries: [CatalogEntry]) {
        self.scheme = scheme
        self.year = year
        self.sources = sources
        var map: [String: CatalogEntry] = [:]
        for e in entries { map[e.code] = e }
        self.entries = map
    }

    public func entry(_ code: String) -> CatalogEntry? { entries[code] }

    /// The code whose name or alias is `name` at `level` digits (3, 5 or 7), if exactly one.
    public func code(named name: String, digits: Int) -> String? {
        let k = TextNormalization.key(name)
        let hits = entries.values.filter { e in
            e.code.count == digits && ([e.name] + e.aliases).contains { TextNormalization.key($0) == k }
        }
        return hits.count == 1 ? hits.first?.code : nil
    }

    /// Whether `name` is the catalog name of `code` or one of its aliases (compared by label key).
    public func accepts(name: String, for code: String) -> Bool {
        guard let e = entries[code] else { return false }
        let k = TextNormalization.key(name)
        return ([e.name] + e.aliases).contains { TextNormalization.key($0) == k }
    }

    /// Parses the TSV format documented in Resources/catalogs/README.md.
    public static func parse(_ text: String, scheme: ClassificationScheme, year: Int) -> Catalog {
        var sources: [String] = []
        var entries: [CatalogEntry] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let l = String(line)
            if l.hasPrefix("#") {
                let body = l.dropFirst().trimmed
                if body.hasPrefix("source:") { sources.append(String(body.dropFirst(7)).trimmed) }
                continue
            }
            let cols = l.fields("\t")
            guard cols.count >= 2, cols[0] != "code" else { continue }
            let code = cols[0].trimmed
            guard !code.isEmpty, code.allSatisfy(\.isNumber) else { continue }
            let aliases = cols.count > 2 ? cols[2].split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty } : []
            entries.append(CatalogEntry(code: code, name: cols[1].trimmed, aliases: aliases))
        }
        return Catalog(scheme: scheme, year: year, sources: sources, entries: entries)
    }
}

/// The catalogs shipped with Yusuan, one file per scheme and year.
public enum CatalogLibrary {
    /// The years for which a catalog file of `scheme` exists.
    public static func years(for scheme: ClassificationScheme) -> [Int] {
        guard let dir = Bundle.module.url(forResource: "catalogs", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        let prefix = scheme.rawValue + "-"
        return names.compactMap { n -> Int? in
            guard n.hasPrefix(prefix), n.hasSuffix(".tsv") else { return nil }
            let y = n.dropFirst(prefix.count).dropLast(4)
            return Int(y)
        }.sorted()
    }

    /// Another data file of the catalogs folder, as text.
    public static func dataFile(_ name: String) -> String? {
        guard let dir = Bundle.module.url(forResource: "catalogs", withExtension: nil),
              let data = try? Data(contentsOf: dir.appendingPathComponent(name)) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The catalog for `year`, or for the nearest earlier year (else the earliest) when none exists for it.
    public static func catalog(_ scheme: ClassificationScheme, year: Int) -> Catalog? {
        let ys = years(for: scheme)
        guard let chosen = ys.last(where: { $0 <= year }) ?? ys.first,
              let dir = Bundle.module.url(forResource: "catalogs", withExtension: nil) else { return nil }
        let url = dir.appendingPathComponent("\(scheme.rawValue)-\(chosen).tsv")
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { return nil }
        return Catalog.parse(text, scheme: scheme, year: chosen)
    }
}
