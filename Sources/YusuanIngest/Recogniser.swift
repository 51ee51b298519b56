import YusuanCore

/// Turns the lines of any reader into a `Disclosure`: finds the document's title and year, the
/// narrative, each table (title, attachment number, unit, header, rows, notes), joins a table
/// continued after a page break, and splits 收入 | 支出 tables into their two sides.
public enum Recogniser {
    public static func recognise(_ doc: RawDocument) throws(IngestError) -> Disclosure {
        var lines = doc.lines
        var titleFromComment: String?
        // A comment line holds "#": most documents have none, found with the cells read in place (the predicate of
        // `removeAll` is handed a copy of every line, and removing makes the lines, shared with `doc`, copied).
        let hasHash = lines.indices.contains { i in
            lines[i].cells.contains { c in TextNormalization.withBytes(c) { $0.contains(0x23) } }
        }
        if hasHash {
            lines.removeAll { line in
                // A comment line starts with "#": most lines have none, and skip joining their cells.
                guard line.cells.contains(where: { c in TextNormalization.withBytes(c) { $0.contains(0x23) } }) else { return false }
                let t = line.text
                if t.hasPrefix("# title:") { titleFromComment = String(t.dropFirst(8)).trimmed }
                return t.hasPrefix("# ") && !line.fromTable
            }
        }
        let meta = DocumentMeta.read(lines, commentTitle: titleFromComment)
        var state = ScanState(meta: meta)
        for line in lines { state.consume(line) }
        state.closeTable(endOfDocument: true)
        let tables = state.builders.flatMap { $0.build(meta: meta) }
        if tables.isEmpty {
            let seen = lines.prefix(40).map(\.text).filter { !$0.isEmpty }.prefix(3).joined(separator: " / ")
            throw IngestError(file: doc.source,
                              message: "no disclosure table recognised (no line reads as a table title such as “…财政拨款收支总表” or “…“三公”经费支出表”); the text begins: \(seen.prefix(160))")
        }
        return Disclosure(title: meta.title, department: meta.department, year: meta.year, phase: meta.phase,
                          tables: tables, narrative: state.narrative, contents: state.contents,
                          source: doc.source, truncated: state.looksCutOff(lines))
    }
}

/// The scan over lines: which table is open, what is narrative.
struct ScanState {
    let meta: DocumentMeta
    var builders: [TableBuilder] = []
    var current: TableBuilder?
    var pendingAttachment: String?
    var narrative: [Paragraph] = []
    var contents: [ContentsEntry] = []
    var endedInsideTable = false

    init(meta: DocumentMeta) { self.meta = meta }

    mutating func consume(_ raw: consuming RawLine) {
        // Each line is trimmed once; every test below reads that. The line itself is moved into the
        // open table at the end (`consume`), not copied.
        let line = ScannedLine(raw)
        if line.isBlank { return }
        // The line's text, joined once when first needed: a line of figures (most of a table's) is told apart from
        // a marker and a note by its labels, and goes into its table as cells.
        var joined: String?
        func text() -> String {
            if let joined { return joined }
            let t = line.text
            joined = t
            return t
        }
        if TableTitles.mayStartMarker(line.labels[0]), let m = TableTitles.marker(text()) {
            if m.rest.isEmpty {
                closeTable()
                pendingAttachment = m.number
                return
            }
            if let kind = TableTitles.kind(of: m.rest) {
                openTable(kind: kind, title: m.rest, attachment: m.number, line: raw)
                return
            }
        }
        if line.labels.count <= 2, let kind = titleKind(line.labels) {
            openTable(kind: kind, title: line.labels.first ?? text(), attachment: nil, line: raw)
            return
        }
        if var table = current.take() {
            // The open table is moved out while it changes (`take`, not a copy and a release), so that adding a line
            // does not copy its lines.
            if let unit = TableTitles.unitLine(labels: line.labels) {
                table.setUnit(unit)
                current = consume table
                return
            }
            if line.labels.contains(where: TableBuilder.mayBeNote), TableBuilder.isNote(text()) {
                table.notes.append(text())
                current = consume table
                return
            }
            // Whether the line is data-like, worked out at most once.
            var dataLike: Bool?
            func isDataLike() -> Bool {
                if let known = dataLike { return known }
                let d = TableBuilder.isDataLike(labels: line.labels)
                dataLike = d
                return d
            }
            // After a table's note, running text is no longer part of it.
            let afterNote = !table.notes.isEmpty && !isDataLike() && !table.isForm
            if !afterNote && !endsTable(line, raw, table: table) {
                table.add(consume raw, dataLike: isDataLike())
                current = consume table
                return
            }
            current = consume table
            closeTable()
        }
        if pendingAttachment != nil { pendingAttachment = nil }
        let paragraph = text()
        narrative.append(Paragraph(text: paragraph, location: raw.location, isHeading: NarrativeShape.isHeading(paragraph)))
    }

    /// The kind of table a line of one or two non-empty cells names (a title, then perhaps its unit).
    func titleKind(_ cells: [String]) -> TableKind? {
        guard let first = cells.first, let kind = TableTitles.kind(of: first) else { return nil }
        if cells.count == 2 && TableTitles.unitLine(labels: [cells[1]]) == nil { return nil }
        return kind
    }

    mutating func openTable(kind: TableKind, title: String, attachment: String?, line: RawLine) {
        let number = attachment ?? pendingAttachment
        if var table = current, number == nil, TableTitles.stripContinuation(TextNormalization.key(title)) == table.titleKey {
            table.expectRepeatedHeader()
            current = table
            return
        }
        closeTable()
        current = TableBuilder(kind: kind, title: TextNormalization.compactChinese(title), attachment: number, location: line.location)
        if let unit = TableTitles.unitLine(line.cells.dropFirst().map { $0 }) { current?.setUnit(unit) }
        pendingAttachment = nil
    }

    mutating func closeTable(endOfDocument: Bool = false) {
        guard let table = current else { return }
        current = nil
        if endOfDocument { endedInsideTable = true }
        if table.isEmptyShell {
            contents.append(ContentsEntry(attachment: table.attachment, title: table.title, location: table.location))
        } else {
            builders.append(table)
        }
    }

    /// Evidence that the text stops before the document's end: the last sentence breaks off
    /// without closing punctuation, or the last table's last line has fewer cells than its header.
    func looksCutOff(_ lines: [RawLine]) -> Bool {
        guard let last = lines.last(where: { !$0.isBlank }) else { return false }
        if endedInsideTable, let table = builders.last, let header = table.lines.first(where: { !TableBuilder.isDataLike($0.cells) }) {
            let width = header.cells.count
            return last.cells.count < width - 1 && last.cells.count > 0 && table.lines.last?.location == last.location
        }
        guard let p = narrative.last, p.location == last.location else { return false }
        let closing: Set<Character> = ["。", "！", "？", "；", "”", "）", ")", ".", "!", "?", ";", ":", "：", "》"]
        guard let end = p.text.trimmed.last else { return false }
        return !closing.contains(end) && p.text.count > 8 && NumberParser.parse(p.text) == nil
    }

    /// Running text after a table ends it: a long sentence or a section heading on a line of its own.
    func endsTable(_ line: ScannedLine, _ raw: RawLine, table: TableBuilder) -> Bool {
        guard line.labels.count == 1, raw.cells.count == 1, !raw.fromTable else { return false }
        let t = line.labels[0]
        if NumberParser.parse(t) != nil { return false }
        if table.isForm { return t.count > 60 || t.hasSuffix("。") && t.count > 30 }
        if !t.hasSuffix("。"), t.count < 40, continuesOutline(raw, table: table) { return false }
        return t.count >= 24 || t.hasSuffix("。") || NarrativeShape.isHeading(t) && (t.count > 8 || t.contains("说明") || t.contains("情况"))
    }
}

extension ScanState {
    /// A numbered label alone on its line ("十一、城乡社区支出") that starts where a label of the same
    /// outline level starts on one of the table's last lines is the next row of one side of a two-sided
    /// table (the other side has ended), not a heading of the text after the table.
    func continuesOutline(_ line: RawLine, table: TableBuilder) -> Bool {
        guard let spans = line.spans, let start = spans.first?.lowerBound, let text = line.cells.first,
              let depth = RowLabels.depth(text) else { return false }
        for previous in table.lines.suffix(4).reversed() {
            guard let ps = previous.spans, ps.count == previous.cells.count else { continue }
            for (cell, span) in zip(previous.cells, ps) where abs(span.lowerBound - start) <= 2 {
                if RowLabels.depth(cell) == depth { return true }
            }
        }
        return false
    }
}

/// Shapes of narrative text.
enum NarrativeShape {
    static func isHeading(_ t: String) -> Bool {
        // A paragraph that starts with no ordinal, or holds a comma anywhere ("，" is "," once half-width; an
        // ordinal and white space hold none, so `rest` would hold it too), is answered without half-width-mapping
        // and trimming it whole.
        guard RowLabels.mayHaveOrdinal(t), !t.contains(","), !t.contains("，") else { return false }
        let (depth, rest) = RowLabels.outline(t)
        guard depth != nil else { return false }
        return rest.hasAtMost(characters: 30) && !rest.contains("，") && !rest.contains(",")
    }
}
