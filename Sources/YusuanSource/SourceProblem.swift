import YusuanCore

/// Where in a budget source a value was read: a YAML line and column, a CSV file's row and
/// column, or a workbook sheet's row and column header.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it ("budget.yaml", "budget/line_items.csv", "budget.xlsx").
    public var file: String
    /// The sheet of a workbook.
    public var sheet: String?
    /// 1-based: the line of a text file, or the row of a table (the header is row 1).
    public var line: Int?
    /// 1-based: the column of a YAML text, or of a CSV table.
    public var column: Int?
    /// The column header of a table ("金额（元）"); nil for text positions.
    public var header: String?
    /// Whether `line` counts table rows (CSV records, sheet rows) rather than text lines.
    public var isTableRow: Bool

    public init(file: String, sheet: String? = nil, line: Int? = nil, column: Int? = nil, header: String? = nil,
                isTableRow: Bool = false) {
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.header = header
        self.isTableRow = isTableRow
    }

    /// "budget.yaml:12:7", "line_items.csv, row 5, column J 金额（元）", "b.xlsx, sheet 支出明细, row 5, column 金额（元）".
    public var description: String {
        guard isTableRow else {
            var s = file
            if let line { s += ":\(line)" }
            if let line, line > 0, let column { s += ":\(column)" }
            return s
        }
        var parts = [file]
        if let sheet { parts.append("sheet \(sheet)") }
        if let line { parts.append("row \(line)") }
        if let header {
            parts.append("column " + (column.map { SourcePosition.letters($0) + " " } ?? "") + header)
        } else if let column {
            parts.append("column \(SourcePosition.letters(column))")
        }
        return parts.joined(separator: ", ")
    }

    /// Spreadsheet column letters of a 1-based column: 1 → A, 27 → AA.
    public static func letters(_ column: Int) -> String {
        var n = max(1, column)
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}

/// One thing wrong (or worth checking) in a budget source, with where it is.
public struct SourceProblem: Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem; the raw values are stable and listed in docs/budget-source.md.
    public enum Kind: String, Sendable, CaseIterable {
        case unreadable, syntax, structure
        case missingField = "missing-field", unknownField = "unknown-field", duplicate
        case badValue = "bad-value", overPrecise = "amount-over-precise", negativeAmount = "amount-negative"
        case malformedCode = "code-malformed", notLeafCode = "code-not-leaf"
        case unknownCode = "code-unknown", uncheckedCode = "code-not-in-catalog"
        case natureMismatch = "nature-economic"
        case unknownUnit = "unit-unknown", unknownProfile = "profile-unknown"
        case undeclaredProject = "project-undeclared", projectWithoutIndicators = "project-no-indicators"
        case projectWithoutItems = "project-no-items", weightTotal = "indicator-weights"
        case missingReason = "reason-missing", unknownSubject = "reason-subject"
        case unbalanced = "revenue-expenditure", fundUnbalanced = "revenue-expenditure-fund"
    }

    public var kind: Kind
    public var severity: Severity
    /// Where it is in the file, when the budget was read from one.
    public var position: SourcePosition?
    /// The value's place in the schema ("line_items[3].amount"), 0-based indexes.
    public var path: String
    public var message: String

    public init(_ kind: Kind, _ severity: Severity = .error, at path: String, position: SourcePosition? = nil, _ message: String) {
        self.kind = kind
        self.severity = severity
        self.position = position
        self.path = path
        self.message = message
    }

    /// Problems in reading order (file, sheet, line, column), keeping the order of equals; those
    /// without a position last.
    public static func sorted(_ problems: [SourceProblem]) -> [SourceProblem] {
        func key(_ p: SourceProblem) -> (String, String, Int, Int)? {
            p.position.map { ($0.file, $0.sheet ?? "", $0.line ?? 0, $0.column ?? 0) }
        }
        return problems.enumerated().sorted { a, b in
            switch (key(a.element), key(b.element)) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// "line_items.csv, row 5, column J 金额（元）: error: …" — the position, or the schema path when unknown.
    public var description: String {
        let place = position?.description ?? path
        return "\(place): \(severity.rawValue) [\(kind.rawValue)]: \(message)"
    }
}

/// A budget source that could not be read or is not valid: every problem found, errors and warnings.
public struct SourceErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [SourceProblem]

    public init(_ problems: [SourceProblem]) { self.problems = problems }

    init(_ kind: SourceProblem.Kind, file: String, _ message: String) {
        self.problems = [SourceProblem(kind, at: "", position: SourcePosition(file: file), message)]
    }

    public var errors: [SourceProblem] { problems.filter { $0.severity == .error } }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
