import YusuanCore

/// Collects the lines of one table while scanning, then builds it.
struct TableBuilder {
    let kind: TableKind
    let title: String
    let attachment: String?
    let location: SourceLocation
    var unit: MoneyUnit?
    var notes: [String] = []
    private(set) var lines: [RawLine] = []
    /// Whether one of `lines` is data-like (kept as lines are added, not searched again for each line).
    private var hasDataLine = false
    /// The keys of the first page's header cells, once the first data line has closed the header.
    private var headerKeys: [String]?
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

    /// Adds a line of the table; `dataLike` is its `isDataLike`, which the scan has worked out already.
    mutating func add(_ line: consuming RawLine, dataLike: Bool) {
        if skippingRepeatedHeader {
            if !dataLike && repeatsHeader(line) { return }
            skippingRepeatedHeader = false
        }
        // A header printed again at the top of the next page, without the title.
        // (On the same page, right under a row, it is the rest of a wrapped name: "支出", "出".)
        let samePage = line.location.page != nil && lines.last?.location.page == line.location.page
        if !isForm, !samePage, hasDataLine, !dataLike, repeatsHeader(line) {
            return
        }
        lines.append(line)
        if dataLike && !hasDataLine {
            hasDataLine = true
            // Every line added before this one came with `dataLike` false (else `hasDataLine` would be set): they
            // are the header, the lines `isDataLike` would find before this one, without testing them again.
            headerKeys = TableBuilder.headerKeys(lines.dropLast())
        }
    }

    static let notePrefixes = ["备注", "注:", "(备注", "注：", "说明:", "(注", "本表", "注1"]

    /// The ideographs every note test needs: 备 注 说 本 此 故 (each prefix and phrase starts with one, after "(").
    static let noteIdeographs: IdeographSet = ["备", "注", "说", "本", "此", "故"]

    /// False when `isNote(text)` is false for certain: the text holds none of the note words' first ideographs. A
    /// test over the bytes for whole scalars, so a line's text (its labels joined with spaces) may be a note only when
    /// one of its labels may be.
    static func mayBeNote(_ text: String) -> Bool {
        TextNormalization.mayHoldIdeograph(text, noteIdeographs)
    }

    /// The first scalars of every prefix a note's key may start with (`notePrefixes` and "(本单位"): 备 注 ( 说 本.
    static let noteFirsts = TextNormalization.firstScalars(notePrefixes + ["(本单位"])
    /// The ideograph both phrases a note may hold anywhere ("此表无数据", "故此表") hold.
    static let notePhraseIdeograph: IdeographSet = ["此"]

    static func isNote(_ text: String) -> Bool {
        // Most lines of a table hold none of them: rejected in one pass over the bytes, without keying the line.
        guard mayBeNote(text) else { return false }
        // A note's key starts with a prefix or holds 此: a line holding 本 or 说 past its start (a header's 本年收入)
        // is rejected on its first scalar and bytes, without being keyed.
        guard TextNormalization.keyMayStart(text, withOneOf: noteFirsts)
            || TextNormalization.mayHoldIdeograph(text, notePhraseIdeograph) else { return false }
        return keyedIsNote(text)
    }

    /// `isNote` without its prechecks: the key of `text` tested for each prefix and phrase.
    static func keyedIsNote(_ text: String) -> Bool {
        let k = TextNormalization.key(text)
        if TextNormalization.isPlainCJK(k) {
            // The prefixes are plain too, so each test is a byte comparison (what `hasTextPrefix` does, without
            // checking the label again for every prefix).
            let u = k.utf8
            return notePrefixes.contains { u.starts(with: $0.utf8) } || k.contains("此表无数据") || k.contains("故此表")
                || (u.starts(with: "(本单位".utf8) && u.last == UInt8(ascii: ")"))
        }
        return notePrefixes.contains { k.hasTextPrefix($0) } || k.contains("此表无数据") || k.contains("故此表") || (k.hasTextPrefix("(本单位") && k.hasTextSuffix(")"))
    }

    /// A line that carries figures or a row label rather than column headings.
    static func isDataLike(_ cells: [String]) -> Bool {
        isDataLike(labels: cells.map { $0.trimmed }.filter { !$0.isEmpty })
    }

    /// `isDataLike` of cells already trimmed, the empty ones left out.
    static func isDataLike(labels: [String]) -> Bool {
        guard let first = labels.first else { return false }
        if labels.contains(where: { NumberParser.parse($0) != nil }) { return true }
        if ClassificationCode.parse(first) != nil { return true }
        // Without figures, a row is a label or two (side by side); a header names several columns.
        return labels.allSatisfy { l in
            RowLabels.depth(l) != nil || (RowLabels.totalKind(l).map { $0 != .ofWhich } ?? false)
        }
    }

    /// Whether a line repeats the header printed on the table's first page (cells may be cut short).
    func repeatsHeader(_ line: RawLine) -> Bool {
        let headerCells = headerKeys ?? TableBuilder.headerKeys(lines.prefix { !TableBuilder.isDataLike($0.cells) })
        let cells = line.cells.map { TextNormalization.key($0) }.filter { !$0.isEmpty }
        guard !cells.isEmpty, !headerCells.isEmpty else { return false }
        return cells.allSatisfy { c in headerCells.contains { $0 == c || ($0.hasPrefix(c) && c.count >= 2) } }
    }

    /// The keys of the header lines' cells, the empty ones left out: one array made, not the cells, their keys and
    /// the non-empty keys each in turn.
    static func headerKeys(_ header: ArraySlice<RawLine>) -> [String] {
        var out: [String] = []
        for line in header {
            for cell in line.cells {
                let k = TextNormalization.key(cell)
                if !k.isEmpty { out.append(k) }
            }
        }
        return out
    }

    func build(meta: DocumentMeta) -> [DisclosureTable] {
        let base = DisclosureTable(kind: kind, title: title, attachment: attachment, unit: unit ?? .wanYuan,
                                   unitDeclared: unit != nil, columns: [], rows: [], notes: notes, location: location)
        if isForm { return [FormBuilder.build(base, lines: lines)] }
        return GridBuilder.build(base, lines: lines, meta: meta)
    }
}
