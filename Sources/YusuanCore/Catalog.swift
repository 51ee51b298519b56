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
    /// The label keys of each code's name and aliases, and the codes of each key by the codes' length in digits:
    /// built once, since every row of every table is looked up by name (by level, then key: no key string is made
    /// per lookup). A code's keys are a short list, the name's first: a printed name is compared with it (equal
    /// bytes settle it), not hashed with Unicode normalisation as a set's lookup would.
    let keysByCode: [String: [String]]
    /// (Keyed by `TextKey`: a lookup's key is mostly plain, hashed and compared with the catalog's keys on bytes.)
    let codesByKey: [Int: [TextKey: [String]]]
    /// Tables other modules build from this catalog (`derived`), shared by its copies.
    private let derivedValues = CatalogDerivedValues()

    public init(scheme: ClassificationScheme, year: Int, sources: [String], entries: [CatalogEntry]) {
        self.scheme = scheme
        self.year = year
        self.sources = sources
        var map: [String: CatalogEntry] = [:]
        for e in entries { map[e.code] = e }
        self.entries = map
        var keys: [String: [String]] = [:]
        var codes: [Int: [TextKey: [String]]] = [:]
        for e in map.values {
            var k: [String] = []
            for key in ([e.name] + e.aliases).map(TextNormalization.key) where !k.contains(key) { k.append(key) }
            keys[e.code] = k
            for key in k { codes[e.code.count, default: [:]][TextKey(key), default: []].append(e.code) }
        }
        keysByCode = keys
        codesByKey = codes
    }

    public func entry(_ code: String) -> CatalogEntry? { entries[code] }

    /// A value built from this catalog by `make` once, then kept with it (one per value type) and returned
    /// to every later caller and every copy of the catalog: a word table a check builds for each audit
    /// otherwise. `make` should not keep the catalog (the value is stored in it).
    public func derived<Value: Sendable>(_ type: Value.Type = Value.self, _ make: (Catalog) -> Value) -> Value {
        derivedValues.value(ObjectIdentifier(type)) { make(self) }
    }

    /// The code whose name or alias is `name` at `level` digits (3, 5 or 7), if exactly one.
    public func code(named name: String, digits: Int) -> String? {
        let hits = codesByKey[digits]?[TextKey(TextNormalization.key(name))] ?? []
        return hits.count == 1 ? hits.first : nil
    }

    /// Whether `name` is the catalog name of `code` or one of its aliases (compared by label key).
    public func accepts(name: String, for code: String) -> Bool {
        accepts(key: TextNormalization.key(name), for: code)
    }

    /// `accepts(name:for:)` for a name's label key already worked out (`TextNormalization.key(name)`).
    public func accepts(key: String, for code: String) -> Bool {
        keysByCode[code]?.contains(key) ?? false
    }

    /// Parses the TSV format documented in Resources/catalogs/README.md.
    public static func parse(_ text: String, scheme: ClassificationScheme, year: Int) -> Catalog {
        var sources: [String] = []
        var entries: [CatalogEntry] = []
        // Over the UTF-8 bytes: lines, tab-separated fields and the code's digits are all ASCII.
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self).trimmed }
        for line in bytes.indices.split(on: bytes, at: { $0 == 0x0A || $0 == 0x0D }) where !line.isEmpty {
            if bytes[line.lowerBound] == UInt8(ascii: "#") {
                let body = string((line.lowerBound + 1)..<line.upperBound)
                if body.hasPrefix("source:") { sources.append(String(body.dropFirst(7)).trimmed) }
                continue
            }
            let cols = line.split(on: bytes, at: { $0 == 0x09 }).map(string)
            guard cols.count >= 2, cols[0] != "code" else { continue }
            let code = cols[0]
            guard !code.isEmpty, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { continue }
            let aliases = cols.count > 2 ? cols[2].split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty } : []
            entries.append(CatalogEntry(code: code, name: cols[1], aliases: aliases))
        }
        return Catalog(scheme: scheme, year: year, sources: sources, entries: entries)
    }
}

extension Range<Int> {
    /// The sub-ranges of `self` between bytes of `bytes` for which `separator` holds (empty ones kept).
    fileprivate func split(on bytes: [UInt8], at separator: (UInt8) -> Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = lowerBound
        for i in self where separator(bytes[i]) {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<upperBound)
        return out
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
    /// Each file is read and parsed once per process (the catalogs are data that never change while it runs).
    public static func catalog(_ scheme: ClassificationScheme, year: Int) -> Catalog? {
        cache.value(for: "\(scheme.rawValue)/\(year)") {
            let ys = years(for: scheme)
            guard let chosen = ys.last(where: { $0 <= year }) ?? ys.first,
                  let dir = Bundle.module.url(forResource: "catalogs", withExtension: nil) else { return nil }
            let url = dir.appendingPathComponent("\(scheme.rawValue)-\(chosen).tsv")
            guard let data = try? Data(contentsOf: url) else { return nil }
            return Catalog.parse(String(decoding: data, as: UTF8.self), scheme: scheme, year: chosen)
        }
    }

    static let cache = OnceCache<Catalog?>()
}

/// The values `Catalog.derived` keeps, by value type; safe from any thread.
final class CatalogDerivedValues: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ObjectIdentifier: any Sendable] = [:]

    func value<Value: Sendable>(_ key: ObjectIdentifier, _ make: () -> Value) -> Value {
        lock.lock()
        if let v = values[key] as? Value { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock(); defer { lock.unlock() }
        if let existing = values[key] as? Value { return existing }
        values[key] = v
        return v
    }
}

/// Values computed once per key and kept for the life of the process; safe from any thread.
final class OnceCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    func value(for key: String, _ make: () -> Value) -> Value {
        lock.lock()
        if let v = values[key] { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock(); defer { lock.unlock() }
        if let existing = values[key] { return existing }
        values[key] = v
        return v
    }
}
