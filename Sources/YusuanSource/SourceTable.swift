import YusuanCore

/// One table of a tabular encoding as text cells: a CSV file or a sheet.
struct SourceTable: Sendable {
    var kind: SourceTableKind?
    /// The CSV file (as the user named it) or the workbook.
    var file: String
    /// The sheet, for a workbook.
    var sheet: String?
    var header: [String]
    var rows: [[String]]
    /// The row number of the header and of each row as the user sees it (Excel's row, CSV record).
    var headerRow: Int = 1
    var rowNumbers: [Int] = []
    /// Whether column letters can be given (CSV: columns are where they were written).
    var lettersKnown = true
    /// The file could not be read (its problem is already reported): the table is there but empty.
    var failed = false

    init(kind: SourceTableKind?, file: String, sheet: String? = nil, header: [String], rows: [[String]]) {
        self.kind = kind
        self.file = file
        self.sheet = sheet
        self.header = header
        self.rows = rows
        self.rowNumbers = rows.indices.map { $0 + 2 }
    }

    func position(row: Int?, column: Int?) -> SourcePosition {
        let header = column.flatMap { $0 < self.header.count ? self.header[$0] : nil }
        return SourcePosition(file: file, sheet: sheet, line: row, column: lettersKnown ? column.map { $0 + 1 } : nil,
                              header: header, isTableRow: true)
    }
}

/// A list of codes and names written next to a template (功能科目代码 …); readers skip it.
enum CodeListTable: CaseIterable {
    case functional, economic, governmentEconomic

    var file: String {
        switch self {
        case .functional: "codes_functional.csv"
        case .economic: "codes_economic.csv"
        case .governmentEconomic: "codes_government_economic.csv"
        }
    }

    var sheet: String {
        switch self {
        case .functional: "功能科目代码"
        case .economic: "经济科目代码"
        case .governmentEconomic: "政府经济科目代码"
        }
    }

    var scheme: ClassificationScheme {
        switch self {
        case .functional: .functional
        case .economic: .economicDepartment
        case .governmentEconomic: .economicGovernment
        }
    }

    static func isCodeList(_ name: String) -> Bool {
        allCases.contains { $0.file == name || $0.sheet == name } || name.hasPrefix("codes_")
    }

    /// The codes of the year's catalog with names and levels; a 项 (or economic 款) is what a line item takes.
    func table(year: Int, file: String) -> SourceTable {
        let catalog = CatalogLibrary.catalog(scheme, year: year)
        let entries = (catalog?.entries.values.map { $0 } ?? []).sorted { $0.code < $1.code }
        let leaf = scheme == .functional ? 7 : 5
        let rows = entries.map { e in
            [e.code, e.name, ["类", "款", "项"][min(2, (e.code.count - 3) / 2)], e.code.count == leaf ? "是" : ""]
        }
        return SourceTable(kind: nil, file: file, sheet: sheet, header: ["编码", "名称", "级次", "可用于支出明细"], rows: rows)
    }
}
