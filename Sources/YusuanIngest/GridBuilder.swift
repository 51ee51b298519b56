import YusuanCore

/// Builds an ordinary table (header lines, then rows) and splits 收入 | 支出 tables into two sides.
enum GridBuilder {
    static func build(_ base: DisclosureTable, lines: [RawLine], meta: DocumentMeta) -> [DisclosureTable] {
        // A table printed in two halves side by side (the header repeats itself) is one list of rows.
        if !base.kind.isSideBySide, let halves = SideBySideHalves.halves(lines) {
            let left = build(base, lines: halves.left.lines, meta: meta), right = build(base, lines: halves.right.lines, meta: meta)
            if left.count == 1, right.count == 1,
               let joined = SideBySideHalves.join(SideBySideHalves.restoreLines(left[0], halves.left.lineOf),
                                                  SideBySideHalves.restoreLines(right[0], halves.right.lineOf)) {
                return [joined]
            }
        }
        let headerCount = lines.firstIndex { TableBuilder.isDataLike($0.cells) } ?? lines.count
        var headerLines = Array(lines[..<headerCount])
        var data = Array(lines[headerCount...])
        // Header lines printed after the first figures (a total row centred in a tall header cell).
        while let k = data.prefix(4).firstIndex(where: isCodeHeading) {
            headerLines.append(data.remove(at: k))
        }
        data = LayoutRows.join(data)
        headerLines = HeaderWraps.join(headerLines)
        var header = headerLines.map(\.cells)
        var fixed: [[Bool]] = []
        if let aligned = LayoutColumns.realign(header: headerLines, data: data) {
            header = aligned.header
            data = aligned.data
            fixed = aligned.fixed
        }
        let width = max(header.map(lastFilled).max() ?? 0, data.map { lastFilled($0.cells) }.max() ?? 0)
        guard width > 0 else {
            var t = base
            t.columns = []
            return [t]
        }
        header = HeaderRealigner.realign(header, width: width, fixed: fixed)
        header = splitJoinedHeadings(header, data: data.map(\.cells))
        let paths = HeaderBuilder.paths(header, width: width, fixed: fixed)
        // Every data cell trimmed and read as a figure once, for the classifier and the rows.
        let dataCells = GridCells(data.map(\.cells))
        var table = base
        table.columns = ColumnClassifier.classify(paths: paths, dataRows: dataCells, kind: base.kind, defaultYear: meta.year)
        if base.kind.isSideBySide, let split = sides(table, data: data, meta: meta) { return split }
        table.rows = RowBuilder.rows(data, columns: table.columns, catalogYear: meta.year, cells: dataCells)
        return [table]
    }

    /// The label headings `splitJoinedHeadings` splits off, and their first scalars (`TextNormalization.keyMayStart`).
    static let joinedLabelHeadings = ["科目名称", "项目名称", "项目", "科目", "名称"]
    static let joinedLabelFirsts = TextNormalization.firstScalars(joinedLabelHeadings)

    /// "项目决算数" over a label column whose figures' column to the right has no heading on that
    /// line: two headings put in one cell (a figure heading printed close to the labels) are split.
    static func splitJoinedHeadings(_ header: [[String]], data: [[String]]) -> [[String]] {
        func isFigureColumn(_ c: Int) -> Bool {
            let values = data.map { c < $0.count ? $0[c].trimmed : "" }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy { NumberParser.parse($0) != nil && ClassificationCode.parse($0) == nil || LayoutSegments.isFigureWord($0) }
        }
        var out = header
        for r in out.indices {
            for c in out[r].indices {
                // A heading that starts with no label is passed over without being keyed.
                guard TextNormalization.keyMayStart(out[r][c], withOneOf: joinedLabelFirsts) else { continue }
                let key = TextNormalization.key(out[r][c])
                guard let label = joinedLabelHeadings.first(where: { key.hasTextPrefix($0) && key.count > $0.count }) else { continue }
                let rest = String(key.dropFirst(label.count))
                guard rest.hasSuffix("数") || rest.contains("金额"), !isFigureColumn(c) else { continue }
                // The next column to the right that holds figures, with nothing between.
                var k = c + 1
                while k < out[r].count, !isFigureColumn(k), out[r][k].trimmed.isEmpty { k += 1 }
                guard k < out[r].count, isFigureColumn(k), out[r][k].trimmed.isEmpty else { continue }
                out[r][c] = label
                out[r][k] = rest
            }
        }
        return out
    }

    /// "类  款  项": the headings of code columns.
    static func isCodeHeading(_ line: RawLine) -> Bool {
        // Over the cells in place (no arrays of trimmed and filled cells per line).
        var filled = 0
        for cell in line.cells {
            let t = cell.trimmed
            if t.isEmpty { continue }
            guard t == "类" || t == "款" || t == "项" else { return false }
            filled += 1
        }
        return filled >= 2
    }

    static func lastFilled(_ cells: [String]) -> Int {
        (cells.lastIndex { !$0.trimmed.isEmpty } ?? -1) + 1
    }

    /// 收入 columns on the left, 支出 on the right, told apart by the top header line.
    static func sides(_ table: DisclosureTable, data: [RawLine], meta: DocumentMeta) -> [DisclosureTable]? {
        let tops = table.columns.map { $0.headerPath.first ?? "" }
        guard var expStart = tops.firstIndex(where: { $0.contains("支出") && !$0.contains("收入") }),
              tops.prefix(expStart).contains(where: { $0.contains("收入") }) else { return nil }
        // "支出" centred over its side can sit over a figure column: the side starts at its labels,
        // the first label column after the income side's first figures.
        let isLabel: (Column) -> Bool = { [.name, .text, .code].contains($0.role) }
        if !isLabel(table.columns[expStart]), let firstMoney = table.columns.firstIndex(where: { $0.role == .money }),
           firstMoney < expStart, let labels = table.columns[(firstMoney + 1)..<expStart].firstIndex(where: isLabel) {
            expStart = labels
        }
        var out: [DisclosureTable] = []
        for (side, range) in [(TableSide.income, 0..<expStart), (.expenditure, expStart..<table.columns.count)] {
            var part = table
            part.side = side
            part.columns = table.columns[range].enumerated().map { i, c in
                var col = c
                col.index = i
                col.headerPath = Array(c.headerPath.dropFirst())
                if col.headerPath.isEmpty { col.headerPath = c.headerPath }
                return col
            }
            if !part.columns.contains(where: { $0.role == .name }),
               let i = part.columns.firstIndex(where: { $0.role == .text }) {
                part.columns[i].role = .name
            }
            let sliced = data.map { line -> RawLine in
                var l = line
                l.cells = range.map { $0 < line.cells.count ? line.cells[$0] : "" }
                return l
            }.filter { !$0.isBlank }
            let nameIndex = part.columns.firstIndex { $0.role == .name }
            part.rows = RowBuilder.rows(joinWrapTails(sliced, nameIndex: nameIndex), columns: part.columns, catalogYear: meta.year)
            out.append(part)
        }
        return out
    }
}

extension GridBuilder {
    /// The rest of a label wrapped onto the next line of one side ("款" under "二、政府性基金预算财政拨"),
    /// with a line of the other side printed in between, joins the label it continues.
    static func joinWrapTails(_ lines: [RawLine], nameIndex: Int?) -> [RawLine] {
        guard let n = nameIndex else { return lines }
        var out: [RawLine] = []
        for line in lines {
            // Only the name cell is filled (no array of the filled cells' indices per line).
            let onlyName = n < line.cells.count
                && line.cells.indices.allSatisfy { TextNormalization.isBlank(line.cells[$0]) != ($0 == n) }
            if onlyName, let last = out.indices.last, n < out[last].cells.count,
               !out[last].cells[n].trimmed.isEmpty, line.location.page == out[last].location.page,
               let above = out[last].location.line, let below = line.location.line, below > above, below - above <= 2,
               RowLabels.depth(out[last].cells[n]) != nil, LayoutRows.isContinuation(line) {  // the cheaper test first
                out[last].cells[n] = out[last].cells[n].trimmed + line.cells[n].trimmed
                continue
            }
            out.append(line)
        }
        return out
    }
}

/// Puts back sub-header cells that a lost row span packed to the left:
/// "项目 | 2023年 | 2024年 | 增减情况 |" over "增减金额 | 增减幅度 |" → under 增减情况.
enum HeaderRealigner {
    static func realign(_ header: [[String]], width: Int, fixed: [[Bool]] = []) -> [[String]] {
        guard header.count >= 2 else { return header }
        var out = header
        // Lines whose spans were decided from printed positions (`HeaderSpans`) are left as they are.
        func decided(_ r: Int) -> Bool { r < fixed.count && fixed[r].contains(true) }
        for r in 1..<header.count where !decided(r) && !decided(r - 1) {
            let upper = pad(out[r - 1], width)
            let lower = pad(header[r], width)
            let filled = lower.enumerated().filter { !$0.element.trimmed.isEmpty }.map(\.offset)
            guard let last = filled.last, filled == Array(0...last) else { continue }
            // Columns under spanning cells of the upper line (a filled cell followed by blanks).
            var spanned: [Int] = []
            var c = 0
            while c < width {
                if !upper[c].trimmed.isEmpty, c + 1 < width, upper[c + 1].trimmed.isEmpty {
                    var e = c + 1
                    while e < width && upper[e].trimmed.isEmpty { e += 1 }
                    spanned += Array(c..<e)
                    c = e
                } else {
                    c += 1
                }
            }
            if spanned.count == filled.count, spanned.first != 0 {
                var placed = Array(repeating: "", count: width)
                for (i, col) in spanned.enumerated() { placed[col] = lower[i] }
                out[r] = placed
                continue
            }
            if let repaired = repairLostSpans(upper: upper, lower: lower, width: width) {
                out[r - 1] = repaired.upper
                out[r] = repaired.lower
            }
        }
        return out
    }

    /// Both lines packed to the left (the spans were lost): the lower line ends at the last column,
    /// the upper cells left of it keep their column, the others share the lower cells evenly.
    static func repairLostSpans(upper: [String], lower: [String], width: Int) -> (upper: [String], lower: [String])? {
        let u = upper.filter { !$0.trimmed.isEmpty }.count
        let l = lower.filter { !$0.trimmed.isEmpty }.count
        guard u >= 2, l >= 2, upper.prefix(u).allSatisfy({ !$0.trimmed.isEmpty }), width > l else { return nil }
        let shift = width - l
        let spanning = u - shift
        guard spanning >= 1, l % spanning == 0 else { return nil }
        let each = l / spanning
        var newUpper = Array(repeating: "", count: width)
        for i in 0..<shift { newUpper[i] = upper[i] }
        for k in 0..<spanning { newUpper[shift + k * each] = upper[shift + k] }
        var newLower = Array(repeating: "", count: width)
        for i in 0..<l { newLower[shift + i] = lower[i] }
        return (newUpper, newLower)
    }

    static func pad(_ cells: [String], _ width: Int) -> [String] {
        (0..<width).map { $0 < cells.count ? cells[$0] : "" }
    }
}
