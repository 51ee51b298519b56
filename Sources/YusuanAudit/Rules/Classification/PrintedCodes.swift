import YusuanCore

/// A classification code in a table row: printed in a code column or before the name, or derived from the name.
/// The table is held by reference and the row by its index: rules filter, group and copy codes, and a copy
/// then retains one shared table instead of every field of a table and a row.
struct PrintedCode {
    var code: ClassificationCode
    /// The row's name without its ordinal ("(一)一般公共服务支出" → "一般公共服务支出").
    var name: String
    var printed: Bool
    /// The table the code is printed in, shared by the table's codes.
    let source: SharedTable
    /// The row's index in `table.rows`.
    let rowIndex: Int
    var column: Column?
    /// `TextNormalization.key(name)`, worked out once.
    var key: String

    init(code: ClassificationCode, name: String, printed: Bool, source: SharedTable, rowIndex: Int, column: Column?) {
        self.code = code
        self.name = name
        self.printed = printed
        self.source = source
        self.rowIndex = rowIndex
        self.column = column
        key = TextNormalization.key(name)
    }

    var table: DisclosureTable { source.table }
    var row: Row { source.table.rows[rowIndex] }

    /// "附件2" or the table's title.
    var tableName: String { PrintedCodes.shortName(table) }
    var tableNameEnglish: String { PrintedCodes.shortNameEnglish(table) }
}

/// Finds the classification codes of a disclosure's tables and the columns that print them.
enum PrintedCodes {
    /// "附件2", or the title when the table has no number.
    static func shortName(_ table: DisclosureTable) -> String { table.attachment.map { "附件\($0)" } ?? table.title }
    static func shortNameEnglish(_ table: DisclosureTable) -> String { table.attachment.map { "attachment \($0)" } ?? table.title }

    /// Tables that may print classification codes: all but the performance forms.
    static func tables(_ ctx: AuditContext) -> [DisclosureTable] { tables(ctx.disclosure) }

    static func tables(_ disclosure: Disclosure) -> [DisclosureTable] {
        disclosure.tables.filter { $0.kind != .projectPerformance && $0.kind != .overallPerformance }
    }

    /// Code columns that hold classification codes (not project codes).
    static func codeColumns(_ table: DisclosureTable) -> [Column] {
        table.columns.filter { c in
            // The header (its path joined) is made and keyed for code columns only.
            guard c.role == .code else { return false }
            let h = TextNormalization.key(c.header)
            return !(h.contains("项目") && !h.contains("科目"))
        }
    }

    /// 类 | 款 | 项 printed in columns of their own (the reader joins them into `Row.code`).
    static func splitColumns(_ table: DisclosureTable) -> [Column]? {
        let columns = codeColumns(table)
        guard columns.count > 1, columns.contains(where: { ["类", "款", "项"].contains($0.leaf) }) else { return nil }
        return columns
    }

    /// Every code of every table, printed ones only unless `derived`: read from the codes the context found once
    /// for every rule that asks (`AuditContext.printedCodes`, all of them, derived ones included).
    static func all(_ ctx: AuditContext, derived: Bool) -> [PrintedCode] {
        derived ? ctx.printedCodes : ctx.printedCodes.filter(\.printed)
    }

    /// Every code of every table, printed ones only unless `derived`, found afresh.
    static func find(_ disclosure: Disclosure, derived: Bool) -> [PrintedCode] {
        var codes: [PrintedCode] = []
        for table in tables(disclosure) {
            let column = codeColumns(table).first
            let source = SharedTable(table)
            // Rows read in place: a row is copied only when a rule asks for it (`PrintedCode.row`).
            for i in table.rows.indices {
                guard let code = table.rows[i].code, table.rows[i].codePrinted || derived else { continue }
                let name = RowLabels.outline(table.rows[i].name).rest
                guard !name.isEmpty else { continue }
                let printed = table.rows[i].codePrinted
                codes.append(PrintedCode(code: code, name: name, printed: printed, source: source, rowIndex: i,
                                         column: printed ? column : nil))
            }
        }
        return codes
    }

    /// Whether `name` is the catalog name (or alias) of some code: the row is a 科目 line, not a unit line.
    static func isSubjectName(_ name: String, _ ctx: AuditContext) -> Bool {
        let k = TextNormalization.key(RowLabels.outline(name).rest)
        guard !k.isEmpty else { return false }
        let catalogs = [ctx.functionalCatalog, ctx.economicCatalog, ctx.governmentEconomicCatalog].compactMap { $0 }
        return catalogs.contains { cat in
            cat.entries.values.contains { e in ([e.name] + e.aliases).contains { TextNormalization.key($0) == k } }
        }
    }

    /// "the 2022 catalog" and, when the document's year has no catalog of its own, which one stood in.
    static func catalogName(_ catalog: Catalog, year: Int?) -> (zh: String, en: String) {
        if let y = year, y != catalog.year {
            return ("\(catalog.year) 年\(catalog.scheme.chineseName)（\(y) 年无对应科目表，以此代替）",
                    "the \(catalog.year) catalog (none for \(y); used in its place)")
        }
        return ("\(catalog.year) 年\(catalog.scheme.chineseName)", "the \(catalog.year) catalog")
    }
}
