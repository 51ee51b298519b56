import YusuanCore

/// Collects the lines of one table while scanning, then builds it.
struct TableBuilder {
    let kind: TableKind
    let title: String
    let attachment: String?
    let location: SourceLocation
    var unit: MoneyUnit?
    var notes: [String] = []
    var lines: [RawLine] = []
    var skippingRepeatedHeader = false
    /// Count of lines that are header lines of the first page.
    var headerLineCount: Int?

    init(kind: TableKind, title: String, attachment: String?, location: SourceLocation) {
        self.kind = kind
        self.title = title
        self.attachment = attachment
        self.location = location
    }

    var titleKey: String { TableTitles.stripContinuation(TextNormalization.key(title)) }
    var isForm: Bool { kind == .overallPerformance || kind == .projectPerformance }
    var isEmptyShell: Bool { lines.isEmpty && unit == nil && notes.isEmpty }

    mutating func setUnit(_ u: MoneyUnit) { if unit == nil { unit = u } }

    mutating func expectRepeatedHeader() { skippingRepeatedHeader = !isForm }

    mutating func add(_ line: RawLine) {
        if skippingRepeatedHeader {
            if !TableBuilder.isDataLike(line.cells) { return }
            skippingRepeatedHeader = false
        }
        lines.append(line)
    }

    static func isNote(_ text: String) -> Bool {
        let k = TextNormalization.key(text)
        let prefixes = ["备注", "注:", "(备注", "注：", "说明:", "(注", "本表", "注1"]
        return prefixes.contains { k.hasPrefix($0) } || k.contains("此表无数据") || k.contains("故此表") || (k.hasPrefix("(本单位") && k.hasSuffix(")"))
    }

    /// A line that carries figures or a row label rather than column headings.
    static func isDataLike(_ cells: [String]) -> Bool {
        let trimmed = cells.map(\.trimmed)
        guard let firstIndex = trimmed.firstIndex(where: { !$0.isEmpty }) else { return false }
        let first = trimmed[firstIndex]
        if trimmed.contains(where: { !$0.isEmpty && NumberParser.parse($0) != nil }) { return true }
        if ClassificationCode.parse(first) != nil { return true }
        guard firstIndex <= 1 else { return false }
        // Without figures, a row is a label or two (side by side); a header names several columns.
        let labels = trimmed.filter { !$0.isEmpty }
        let allLabels = labels.allSatisfy { l in
            RowLabels.outline(l).depth != nil || (RowLabels.totalKind(l).map { $0 != .ofWhich } ?? false)
        }
        if labels.count >= 2 && !allLabels { return false }
        if let k = RowLabels.totalKind(first), k != .ofWhich { return true }
        if RowLabels.outline(first).depth != nil { return true }
        return false
    }

    func build(meta: DocumentMeta) -> [DisclosureTable] {
        let base = DisclosureTable(kind: kind, title: title, attachment: attachment, unit: unit ?? .wanYuan,
                                   unitDeclared: unit != nil, columns: [], rows: [], notes: notes, location: location)
        if isForm { return [FormBuilder.build(base, lines: lines)] }
        return GridBuilder.build(base, lines: lines, meta: meta)
    }
}
