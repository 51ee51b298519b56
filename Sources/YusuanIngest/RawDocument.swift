import YusuanCore

/// What a reader hands to the recogniser: lines of cells with where each came from.
///
/// Text readers split lines into cells (tabs, runs of spaces, "|"); the HTML reader turns each
/// <tr> into a line and each block of text into a one-cell line; the XLSX reader turns each
/// sheet row into a line. One recogniser then finds titles, units, headers and rows in all of them.
public struct RawLine: Hashable, Sendable {
    public var cells: [String]
    public var location: SourceLocation
    /// Whether the line came from a table structure (HTML <tr>, sheet row) rather than running text.
    public var fromTable: Bool
    /// For text whose columns are aligned with spaces: where each cell starts and ends on the line
    /// (character offsets), so that cells can be put under the right column.
    public var spans: [Range<Int>]?
    /// For a PDF's lines laid out from word positions: for each cell, whether it is the next printed
    /// line of the cell right above it (line spacing, not row spacing: a wrapped heading or name).
    /// nil for every other reader.
    public var wraps: [Bool]?

    /// The non-empty cells joined, for title and narrative matching.
    public var text: String { ScannedLine(self).text }
    public var isBlank: Bool { cells.allSatisfy(TextNormalization.isBlank) }

    /// The cells trimmed, the empty ones left out. The text reader's cells come trimmed: when none is empty or has
    /// white space at an end, this is `cells` itself, shared rather than copied.
    var nonEmptyTrimmedCells: [String] {
        if cells.allSatisfy({ !$0.isEmpty && TextNormalization.isTrimmed($0) }) { return cells }
        var out: [String] = []
        out.reserveCapacity(cells.count)
        for cell in cells {
            let t = cell.trimmed
            if !t.isEmpty { out.append(t) }
        }
        return out
    }
}

extension RawLine {
    /// Made by the memberwise initialiser (kept by declaring this one in an extension), which forms the value whole.
    /// Written field by field into `self`, the inlined value was loaded twice, retained through one load and released
    /// through the other, a pair the optimiser kept: a copy and a destroy of every line made (audit round 42).
    public init(cells: [String], location: SourceLocation, fromTable: Bool = false, spans: [Range<Int>]? = nil) {
        self.init(cells: cells, location: location, fromTable: fromTable, spans: spans, wraps: nil)
    }
}

/// A document as lines of cells.
public struct RawDocument: Sendable {
    public enum Origin: String, Sendable { case text, html, xlsx, pdf }
    public var source: String
    public var origin: Origin
    public var lines: [RawLine]

    public init(source: String, origin: Origin, lines: [RawLine]) {
        self.source = source
        self.origin = origin
        self.lines = lines
    }
}

/// Input Yusuan cannot read: what and where.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var message: String
    public var location: SourceLocation?

    public init(file: String, message: String, location: SourceLocation? = nil) {
        self.file = file
        self.message = message
        self.location = location
    }

    public var description: String {
        var s = file
        if let location, !location.description.isEmpty { s += " (\(location))" }
        return s + ": " + message
    }
}
