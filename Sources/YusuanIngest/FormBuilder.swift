import YusuanCore

/// Builds a form-like table (performance targets): labelled fields first, then an indicator grid
/// whose header line names 指标 columns (一级指标 / 三级指标 / 指标名称 / 指标值 / 权重 …).
enum FormBuilder {
    static let fieldLabels = ["项目名称", "主管部门", "实施单位", "资金总额", "项目属性", "项目起始时间", "项目终止时间",
                              "项目概况", "立项依据", "项目当年绩效目标", "当年绩效目标", "部门(单位)名称", "部门名称",
                              "单位名称", "支出预算总量", "其中:部门预算支出", "当年整体绩效目标", "整体绩效目标",
                              "项目类别", "项目期限", "年度资金总额", "其中:财政拨款", "其他资金", "预算金额",
                              "项目编码", "项目代码", "年度绩效目标", "总体目标", "长期绩效目标", "年度目标"]

    static func build(_ base: DisclosureTable, lines: [RawLine]) -> DisclosureTable {
        var table = base
        var headerIndex: Int?
        for (i, line) in lines.enumerated() where isIndicatorHeader(line.cells) {
            headerIndex = i
            break
        }
        let fieldLines = lines[..<(headerIndex ?? lines.count)]
        for line in fieldLines {
            // A PDF's value wrapped onto the next printed line continues the field above.
            if isWrapped(line), let last = table.fields.indices.last {
                table.fields[last].value += line.text
                continue
            }
            fields(line, into: &table.fields)
        }
        guard let h = headerIndex else { return table }
        if let placed = FormGrid.build(table, lines: lines[h...], fieldLines: fieldLines) { return placed }
        let headerCells = lines[h].cells.map { TextNormalization.key($0) }
        let width = lines[(h + 1)...].reduce(headerCells.count) { max($0, $1.cells.count) }
        table.columns = (0..<width).map { i in
            let head = i < headerCells.count ? headerCells[i] : ""
            let role: ColumnRole = head.contains("权重") ? .percent : (i == 0 ? .text : .text)
            return Column(index: i, headerPath: [head], role: role)
        }
        if let nameIdx = table.columns.firstIndex(where: { $0.header.contains("三级指标") || $0.header.contains("指标名称") }) {
            table.columns[nameIdx].role = .name
        }
        var rows: [Row] = []
        let nameIdx = table.columns.firstIndex { $0.role == .name } ?? 1
        for line in lines[(h + 1)...] where !line.isBlank {
            var cells = line.cells
            let head0 = headerCells.first ?? ""
            if cells.count < width, head0.contains("绩效指标") || head0.isEmpty {
                cells = Array(repeating: "", count: width - cells.count) + cells
            }
            // Each cell trimmed (blank past the line's end) and made a cell at once: no array of the texts first.
            let cellValues = (0..<width).map { i in
                Cell(text: i < cells.count ? cells[i].trimmed : "",
                     location: SourceLocation(line: line.location.line, page: line.location.page, sheet: line.location.sheet, column: i))
            }
            rows.append(Row(code: nil, codePrinted: false, name: TextNormalization.compactChinese(cellValues[nameIdx].text),
                            kind: .item, outline: nil, cells: cellValues, location: line.location))
        }
        table.rows = rows
        return table
    }

    /// A PDF line whose every cell was printed as the next line of the cell above it.
    static func isWrapped(_ line: RawLine) -> Bool {
        guard let w = line.wraps, w.count == line.cells.count else { return false }
        let filled = line.cells.indices.filter { !line.cells[$0].trimmed.isEmpty }
        return !filled.isEmpty && filled.allSatisfy { w[$0] }
    }

    static func isIndicatorHeader(_ cells: [String]) -> Bool {
        // Both name headers hold 指, which keying never writes: a line without it (a field line) is not keyed.
        guard cells.contains(where: { TextNormalization.mayHoldIdeograph($0, indicatorIdeograph) }) else { return false }
        let keys = cells.map { TextNormalization.key($0) }
        let hasName = keys.contains { $0.contains("三级指标") || $0.contains("指标名称") }
        let hasValue = keys.contains { $0.contains("指标值") || $0.contains("权重") }
        return hasName && hasValue
    }

    static let indicatorIdeograph: IdeographSet = ["指"]

    /// Label/value pairs of a field line (a known label, then the next non-empty cell), appended to `out`.
    static func fields(_ line: RawLine, into out: inout [FormField]) {
        // Cells mostly come trimmed: then the line's own array is read, not a trimmed copy of it.
        let cells = line.cells.allSatisfy(TextNormalization.isTrimmed) ? line.cells : line.cells.map { $0.trimmed }
        var i = 0
        while i < cells.count {
            if isLabelCell(cells[i]) {
                var j = i + 1
                while j < cells.count && cells[j].isEmpty { j += 1 }
                let value = j < cells.count && !isLabelCell(cells[j]) ? cells[j] : ""
                out.append(FormField(label: TextNormalization.compactChinese(cells[i]), value: value,
                                     location: SourceLocation(line: line.location.line, page: line.location.page, sheet: line.location.sheet, column: i)))
                i = value.isEmpty ? i + 1 : j + 1
            } else {
                i += 1
            }
        }
    }

    /// `isLabel(TextNormalization.key(cell))`. Most cells of a field line are values: one whose first scalar starts no
    /// label key (`TextNormalization.keyMayStart`) is turned away without being keyed.
    static func isLabelCell(_ cell: String) -> Bool {
        guard TextNormalization.keyMayStart(cell, withOneOf: fieldLabelFirstScalars) else { return false }
        let k = TextNormalization.key(cell)
        return !k.isEmpty && isLabel(k)
    }

    static func isLabel(_ key: String) -> Bool {
        // The length first: a long cell (a paragraph of the form) is rejected after 17 characters, not read
        // whole to find whether it is plain.
        guard key.hasAtMost(characters: 16) else { return false }
        let starts: Bool
        if TextNormalization.isPlainCJK(key) {
            // A plain key against plain label keys: `hasTextPrefix` is a byte comparison, done here without
            // checking the key again for every label.
            starts = TextNormalization.withBytes(key) { b in
                fieldLabelKeys.indices.contains { i in
                    if let p = fieldLabelKeyBytes[i] { return b.starts(with: p) }
                    return key.hasTextPrefix(fieldLabelKeys[i])
                }
            }
        } else {
            starts = fieldLabelKeys.contains { key.hasTextPrefix($0) }
        }
        return starts
    }

    /// The keys of `fieldLabels`, made once.
    static let fieldLabelKeys = fieldLabels.map { TextNormalization.key($0) }
    /// Their bytes, for the keys that are plain (`TextNormalization.isPlainCJK`); nil for any other.
    static let fieldLabelKeyBytes: [[UInt8]?] = fieldLabelKeys.map { TextNormalization.isPlainCJK($0) ? Array($0.utf8) : nil }
    /// The first scalars of the label keys (`TextNormalization.keyMayStart`).
    static let fieldLabelFirstScalars = TextNormalization.firstScalars(fieldLabelKeys)
}
