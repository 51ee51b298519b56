import YusuanCore

/// Reads an HTML page (a disclosure as government sites publish it) into a `RawDocument`.
///
/// Each data-table row becomes a line of cells (`fromTable: true`); `colspan=N` adds N-1 empty
/// cells after the text and `rowspan=N` an empty cell at that column in the N-1 rows below, so
/// columns line up as in a tab-separated copy of the PDF. Text outside tables becomes one-cell
/// lines, one per block (`<p>`, `<div>`, `<h1>`…, `<li>`, `<br>`-separated lines). A blank line
/// follows every table. Layout tables (a table whose cells hold tables, or a one-column table of
/// paragraphs) are read as running text. Locations give the source line where a row or block starts.
public enum HTMLReader {
    /// Reads `text`; never fails: whatever cannot be understood is skipped.
    public static func read(_ text: String, source: String) -> RawDocument {
        read(HTMLTreeBuilder.build(HTMLTokenizer.tokens(text)), source: source)
    }

    static func read(_ root: HTMLNode, source: String) -> RawDocument {
        var walker = HTMLWalker()
        walker.flow(root)
        walker.flushBlock()
        return RawDocument(source: source, origin: .html, lines: walker.lines)
    }
}

/// Walks the tree, emitting lines.
struct HTMLWalker {
    /// Elements whose content is never shown as text.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "select", "xmp", "iframe",
                                       "noembed", "noframes", "object", "svg", "math", "button", "textarea"]
    /// Elements that start and end a block of running text.
    static let blocks: Set<String> = HTMLTreeBuilder.closesParagraph.union([
        "title", "caption", "tr", "td", "th", "thead", "tbody", "tfoot", "figcaption", "option", "legend",
    ])
    /// Most padding cells colspan/rowspan may add to one document (guards against `colspan=1000` bombs).
    static let paddingBudget = 1_000_000

    var lines: [RawLine] = []
    var padding = 0
    private var buffer = ""
    private var bufferLine: Int?

    mutating func flow(_ node: HTMLNode) {
        for child in node.children {
            if child.isText {
                if bufferLine == nil, child.text.contains(where: { !$0.isWhitespace }) { bufferLine = child.line }
                buffer += child.text
                continue
            }
            switch child.name {
            case _ where Self.skipped.contains(child.name): continue
            case "br":
                flushBlock()
            case "table":
                flushBlock()
                table(child)
            case _ where Self.blocks.contains(child.name):
                flushBlock()
                flow(child)
                flushBlock()
            default:
                flow(child)
            }
        }
    }

    /// Ends the current block of running text as a one-cell line.
    mutating func flushBlock() {
        let text = Self.collapse(buffer)
        if !text.isEmpty {
            lines.append(RawLine(cells: [text], location: SourceLocation(line: bufferLine), fromTable: false))
        }
        buffer = ""
        bufferLine = nil
    }

    mutating func table(_ node: HTMLNode) {
        let rows = Self.rows(of: node)
        let cells = rows.flatMap { $0.children.filter(Self.isCell) }
        let layout = cells.contains { $0.contains("table") }
            || (!rows.isEmpty && rows.allSatisfy { $0.children.filter(Self.isCell).count <= 1 }
                && cells.contains { cell in cell.children.filter { Self.blocks.contains($0.name) || $0.name == "br" }.count >= 2 })
        if layout {
            flow(node)
            flushBlock()
            return
        }
        for child in node.children where child.name == "caption" {
            flow(child)
            flushBlock()
        }
        // Text standing in the table outside any cell: browsers show it before the table.
        for stray in Self.strayText(node) {
            if bufferLine == nil, stray.text.contains(where: { !$0.isWhitespace }) { bufferLine = stray.line }
            buffer += stray.text
        }
        flushBlock()
        var grid = HTMLTableGrid()
        for row in rows {
            let spans = row.children.filter(Self.isCell).map { cell in
                HTMLTableGrid.Cell(text: Self.cellText(cell),
                                   colspan: Self.span(cell.attributes["colspan"], max: 1000, zero: 1),
                                   rowspan: Self.span(cell.attributes["rowspan"], max: 65534, zero: 65534))
            }
            let out = grid.expand(spans, padding: &padding, budget: Self.paddingBudget)
            guard !out.isEmpty else { continue }
            lines.append(RawLine(cells: out, location: SourceLocation(line: row.line), fromTable: true))
        }
        if let last = lines.last, last.fromTable, !last.cells.isEmpty {
            lines.append(RawLine(cells: [], location: last.location, fromTable: false))
        }
    }

    static func isCell(_ n: HTMLNode) -> Bool { n.name == "td" || n.name == "th" }

    /// The rows of a table, in order, through thead/tbody/tfoot but not into nested tables.
    static func rows(of table: HTMLNode) -> [HTMLNode] {
        table.children.flatMap { child -> [HTMLNode] in
            switch child.name {
            case "tr": [child]
            case "thead", "tbody", "tfoot": child.children.filter { $0.name == "tr" }
            default: []
            }
        }
    }

    static func strayText(_ table: HTMLNode) -> [HTMLNode] {
        var out: [HTMLNode] = []
        for child in table.children {
            switch child.name {
            case "#text": out.append(child)
            case "thead", "tbody", "tfoot", "tr": out += strayText(child)
            default: continue
            }
        }
        return out
    }

    /// A cell's text: block boundaries and `<br>` join with nothing (a PDF copy splits cells over
    /// lines), whitespace inside a line collapses to one space.
    static func cellText(_ cell: HTMLNode) -> String {
        var segments: [String] = [""]
        func gather(_ node: HTMLNode) {
            for child in node.children {
                if child.isText {
                    segments[segments.count - 1] += child.text
                } else if skipped.contains(child.name) {
                    continue
                } else if child.name == "br" || blocks.contains(child.name) {
                    segments.append("")
                    gather(child)
                    segments.append("")
                } else {
                    gather(child)
                }
            }
        }
        gather(cell)
        return segments.map(collapse).joined()
    }

    /// Whitespace runs (including no-break and ideographic spaces) as one space, trimmed.
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A colspan/rowspan value: its leading digits clamped to 1...max; 1 when absent or unreadable,
    /// `zero` when 0 (rowspan=0 means "to the end of the table", colspan=0 means 1).
    static func span(_ value: String?, max: Int, zero: Int) -> Int {
        guard let value else { return 1 }
        let digits = value.trimmed.prefix { $0.isASCII && $0.isNumber }.prefix(6)
        guard let n = Int(digits) else { return 1 }
        return n == 0 ? zero : Swift.min(n, max)
    }
}
