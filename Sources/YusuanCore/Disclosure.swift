/// A paragraph of the narrative (情况说明) with the line it starts on.
public struct Paragraph: Hashable, Sendable, Codable {
    public var text: String
    public var location: SourceLocation
    /// Whether it reads as a heading ("一、单位基本情况", "（二）单位构成。").
    public var isHeading: Bool

    public init(text: String, location: SourceLocation, isHeading: Bool) {
        self.text = text
        self.location = location
        self.isHeading = isHeading
    }
}

/// A line of a table of contents: the attachment number and title it promises.
public struct ContentsEntry: Hashable, Sendable, Codable {
    public var attachment: String?
    public var title: String
    public var location: SourceLocation

    public init(attachment: String?, title: String, location: SourceLocation) {
        self.attachment = attachment
        self.title = title
        self.location = location
    }
}

/// A published disclosure: what the reader saw, in the structure every rule reads.
public struct Disclosure: Sendable, Codable {
    public var title: String
    public var department: String?
    public var year: Int?
    public var phase: Phase
    public var tables: [DisclosureTable]
    public var narrative: [Paragraph]
    public var contents: [ContentsEntry]
    /// The file it was read from, for reports.
    public var source: String
    /// Whether the text seems to stop mid-document (the last table or sentence is cut).
    public var truncated: Bool

    public init(title: String, department: String?, year: Int?, phase: Phase, tables: [DisclosureTable],
                narrative: [Paragraph], contents: [ContentsEntry] = [], source: String, truncated: Bool = false) {
        self.title = title
        self.department = department
        self.year = year
        self.phase = phase
        self.tables = tables
        self.narrative = narrative
        self.contents = contents
        self.source = source
        self.truncated = truncated
    }

    public func tables(_ kind: TableKind) -> [DisclosureTable] { tables.filter { $0.kind == kind } }
    public func table(_ kind: TableKind, side: TableSide? = nil) -> DisclosureTable? {
        tables.first { $0.kind == kind && (side == nil || $0.side == side) }
    }
}
