import YusuanCore

/// A table's header matched against its kind's columns.
struct SourceTableLayout {
    let table: SourceTable
    /// Schema field → column index.
    let columns: [String: Int]

    /// Matches headers by label key (full/half width, spaces); reports missing and unknown columns.
    init(_ table: SourceTable, kind: SourceTableKind, log: DecodeLog) {
        self.table = table
        var found: [String: Int] = [:]
        guard !table.failed else {
            columns = [:]
            return
        }
        let specs = kind.columns
        for (i, h) in table.header.enumerated() {
            let key = TextNormalization.key(h)
            guard !key.isEmpty else { continue }
            if let spec = specs.first(where: { ([$0.header] + $0.aliases).contains { TextNormalization.key($0) == key } }) {
                if found[spec.field] != nil {
                    log.add(.duplicate, at: kind.rawValue, table.position(row: table.headerRow, column: i), "column “\(h)” is given twice")
                } else {
                    found[spec.field] = i
                }
            } else if key.contains("万元") || key.contains("亿元") {
                log.add(.badValue, at: kind.rawValue, table.position(row: table.headerRow, column: i),
                        "column “\(h)”: amounts must be in 元, under the header \(SourceTableKind.amountHeader)")
            } else {
                log.add(.unknownField, .warning, at: kind.rawValue, table.position(row: table.headerRow, column: i),
                        "column “\(h)” is not part of the \(kind.rawValue) table; ignored")
            }
        }
        for spec in specs where spec.required && !spec.informational && found[spec.field] == nil {
            log.add(.missingField, at: kind.rawValue, table.position(row: table.headerRow, column: nil),
                    "the \(kind.rawValue) table has no column “\(spec.header)”")
        }
        columns = found
    }

    /// The non-blank rows with their index among them (the record index of the schema path).
    var rows: [SourceTableRow] {
        var out: [SourceTableRow] = []
        for (i, cells) in table.rows.enumerated() where !cells.allSatisfy({ $0.trimmed.isEmpty }) {
            let number = i < table.rowNumbers.count ? table.rowNumbers[i] : i + 2
            out.append(SourceTableRow(layout: self, cells: cells, row: number))
        }
        return out
    }
}

/// One row of a table, read field by field; each read records its cell's position under `path`.
struct SourceTableRow {
    let layout: SourceTableLayout
    let cells: [String]
    let row: Int

    func position(_ field: String?) -> SourcePosition {
        layout.table.position(row: row, column: field.flatMap { layout.columns[$0] })
    }

    /// The raw cell ("" when the column is absent or the row short).
    func raw(_ field: String) -> String {
        guard let c = layout.columns[field], c < cells.count else { return "" }
        return cells[c]
    }

    /// Text as written (prose keeps its spaces); records the position.
    func text(_ field: String, _ path: String, log: DecodeLog, required: Bool = false) -> String {
        log.map.set(path, position(field))
        let v = raw(field)
        if required && v.trimmed.isEmpty { log.add(.missingField, at: path, position(field), "\(header(field)) is empty") }
        return v
    }

    func code(_ field: String, _ path: String, log: DecodeLog, required: Bool = true) -> String {
        SourceValues.code(text(field, path, log: log, required: required))
    }

    /// A value parsed from the cell; an empty optional cell is nil without a problem.
    func value<T>(_ field: String, _ path: String, log: DecodeLog, required: Bool = true,
                  _ parse: (String) -> Result<T, ValueProblem>) -> T? {
        let raw = text(field, path, log: log)
        if raw.trimmed.isEmpty && !required { return nil }
        switch parse(raw) {
        case .success(let v): return v
        case .failure(let p):
            log.add(p.kind, at: path, position(field), p.kind == .missingField ? "\(header(field)) is empty" : p.message)
            return nil
        }
    }

    func header(_ field: String) -> String {
        layout.table.kind?.columns.first { $0.field == field }?.header ?? field
    }
}
