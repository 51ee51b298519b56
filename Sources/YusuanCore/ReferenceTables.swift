/// The small reference tables beside the catalogs (Resources/catalogs/*.tsv), read once.
public enum ReferenceTables {
    /// The data rows of a TSV file of the catalogs folder: comments, blank lines and the header
    /// (a first cell that is not a code) left out, cells trimmed.
    public static func rows(_ name: String) -> [[String]] {
        (CatalogLibrary.dataFile(name) ?? "").split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
            guard cells.count >= 2, let first = cells.first, !first.isEmpty, first.allSatisfy(\.isNumber) else { return nil }
            return cells
        }
    }

    /// Economic 款 → functional 项 that hold the same money (correspondences.tsv).
    public static let correspondences: [(economic: String, functional: String)] =
        rows("correspondences.tsv").map { ($0[0], $0[1]) }

    /// The economic 款 of each “三公” item, keyed by the item's `Measure` raw value (threepublic.tsv).
    public static let threePublicCodes: [String: [String]] =
        rows("threepublic.tsv").reduce(into: [:]) { $0[$1[1], default: []].append($1[0]) }
}
