import YusuanCore

/// One project line of a project list (项目支出表): name, code when printed, amount.
struct ProjectListEntry {
    var name: String
    var code: String?
    var amount: Figure?
    var table: DisclosureTable
    var row: Row
    var amountColumn: Column?
    var codeColumn: Column?

    var key: String { TextNormalization.key(name) }
}

/// Reads the project lines of every project list of a disclosure.
enum ProjectListEntries {
    static func read(_ ctx: AuditContext) -> [ProjectListEntry] {
        ctx.disclosure.tables(.projectList).flatMap(read)
    }

    static func read(_ table: DisclosureTable) -> [ProjectListEntry] {
        let nameColumn = table.columns.first { TextNormalization.key($0.header).contains("项目名称") }
            ?? table.columns.first { $0.role == .name }
        let amountColumn = table.moneyColumns.first { $0.measure == .total } ?? table.moneyColumns.first
        let codeColumns = table.columns.filter { c in
            let h = TextNormalization.key(c.header)
            return (h.contains("编码") || h.contains("代码") || h.contains("编号")) && !h.contains("科目")
        }
        return table.rows.compactMap { row in
            guard row.kind == .item else { return nil }
            let printed = nameColumn.flatMap { row.cell($0.index)?.text } ?? row.name
            let split = ProjectCode.split(printed.isEmpty ? row.name : printed)
            guard !split.name.isEmpty else { return nil }
            var code = split.code
            var codeColumn: Column?
            for c in codeColumns where code == nil {
                if let t = row.cell(c.index)?.text, let found = ProjectCode.split(t).code {
                    code = found
                    codeColumn = c
                }
            }
            return ProjectListEntry(name: TextNormalization.compactChinese(split.name), code: code,
                                    amount: amountColumn.flatMap { table.figure(row, $0) }, table: table,
                                    row: row, amountColumn: amountColumn, codeColumn: codeColumn)
        }
    }

    /// The entry that names the same project: same name key, else the only one whose key contains the other.
    static func match(_ name: String, in entries: [ProjectListEntry]) -> ProjectListEntry? {
        let k = TextNormalization.key(name)
        guard !k.isEmpty else { return nil }
        if let e = entries.first(where: { $0.key == k }) { return e }
        let loose = entries.filter { e in
            min(e.key.count, k.count) >= 4 && (e.key.contains(k) || k.contains(e.key))
        }
        return loose.count == 1 ? loose.first : nil
    }
}
