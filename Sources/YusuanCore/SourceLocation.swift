/// Where something was read: line of a text file, page of a PDF, sheet and cell of a workbook.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int?
    public var page: Int?
    public var sheet: String?
    /// 0-based cell index in the source row, when known.
    public var column: Int?

    public init(line: Int? = nil, page: Int? = nil, sheet: String? = nil, column: Int? = nil) {
        self.line = line
        self.page = page
        self.sheet = sheet
        self.column = column
    }

    public var description: String {
        var parts: [String] = []
        if let sheet { parts.append("sheet \(sheet)") }
        if let page { parts.append("page \(page)") }
        if let line { parts.append("line \(line)") }
        return parts.joined(separator: ", ")
    }
}
