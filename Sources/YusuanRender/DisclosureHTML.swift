import YusuanCore

/// A disclosure as a print-ready HTML document: the 情况说明 as headed sections, then each table
/// on an A4 page of its own in the official layout (attachment number, centred title, unit on
/// the right, a bordered table whose headings span columns and rows, notes below).
///
/// One self-contained file: inline CSS, no script, no external resource; every text is escaped.
/// `HTMLReader` and `Recogniser` read it back to the same tables.
public enum DisclosureHTML {
    /// Tables wider than this many columns are printed on a landscape page.
    static let portraitColumns = 8

    public static func render(_ d: Disclosure) -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(d.title))</title>
            <style>
            \(DisclosureHTMLStyle.css)</style>
            </head>
            <body>

            """
        h += body(d)
        h += "</body>\n</html>\n"
        return h
    }

    /// The document's content without the page around it (no html, head or style), for embedding
    /// in another page such as the portal's, which links `DisclosureHTMLStyle.css` itself.
    public static func body(_ d: Disclosure) -> String {
        var h = narrative(d)
        if !d.contents.isEmpty {
            h += "<nav class=\"contents\">\n<ol>\n"
            for c in d.contents { h += "<li>\(e((c.attachment.map { "附件\($0) " } ?? "") + c.title))</li>\n" }
            h += "</ol>\n</nav>\n"
        }
        for (i, grid) in DisclosureGrid.tables(of: d).enumerated() { h += table(grid, number: i + 1) }
        return h
    }

    static func e(_ s: String) -> String { HTMLEscape.text(s) }

    /// The title as the page heading, then the narrative, a section for each top-level heading.
    static func narrative(_ d: Disclosure) -> String {
        var paragraphs = d.narrative[...]
        var title = d.title
        // The narrative's own title line, as printed, when it opens with one.
        if let first = paragraphs.first, TextNormalization.key(first.text) == TextNormalization.key(d.title) {
            title = first.text
            paragraphs = paragraphs.dropFirst()
        }
        var h = "<header class=\"cover\">\n<h1>\(e(title))</h1>\n</header>\n"
        guard !paragraphs.isEmpty else { return h }
        h += "<main class=\"narrative\">\n"
        var open = false
        for p in paragraphs {
            // Only 一、 and （一） headings head a section; a numbered "1.…。" line is a paragraph.
            let depth = p.isHeading ? (RowLabels.depth(p.text) ?? 1) : nil
            let heading = depth.flatMap { $0 <= 2 ? $0 : nil }
            if heading == 1 || !open {
                if open { h += "</section>\n" }
                h += "<section>\n"
                open = true
            }
            switch heading {
            case .some(1): h += "<h2>\(e(p.text))</h2>\n"
            case .some: h += "<h3>\(e(p.text))</h3>\n"
            case .none: h += "<p>\(e(p.text))</p>\n"
            }
        }
        h += "</section>\n</main>\n"
        return h
    }

    static func table(_ g: DisclosureGrid, number: Int) -> String {
        let wide = g.width > portraitColumns
        var h = "<section class=\"sheet\(wide ? " wide" : "")\(g.isForm ? " form" : "")\" id=\"table-\(number)\">\n"
        if let a = g.attachment { h += "<p class=\"attachment\">附件\(e(a))</p>\n" }
        h += "<h2 class=\"table-title\">\(e(g.title))</h2>\n"
        if let u = g.unitText { h += "<p class=\"unit\">\(e(u))</p>\n" }
        if g.width > 0 {
            h += "<table>\n" + colgroup(g)
            if g.isForm {
                h += "<tbody>\n" + (g.fields + g.header + g.body).map(row).joined() + "</tbody>\n"
            } else {
                h += "<thead>\n" + g.header.map(row).joined() + "</thead>\n"
                h += "<tbody>\n" + g.body.map(row).joined() + "</tbody>\n"
            }
            h += "</table>\n"
        }
        for n in g.notes { h += "<p class=\"note\">\(e(n))</p>\n" }
        h += "</section>\n"
        return h
    }

    /// Character cells across a printed page at 9.5pt: A4 portrait and landscape, less the margins.
    static let portraitCells = 108.0, landscapeCells = 162.0

    /// Column widths from their content, the widest cut down first until the table fits the page
    /// (short columns such as figures and codes never wrap); headings wrap within them.
    static func colgroup(_ g: DisclosureGrid) -> String {
        let natural = g.columnWidths(headerCap: 6).map { $0 + 2.5 }
        let widths = fitted(natural, into: g.width > portraitColumns ? landscapeCells : portraitCells)
        let total = max(widths.reduce(0, +), 1)
        let cols = widths.map { w -> String in
            let tenths = Int((w / total * 1000).rounded())
            return "<col style=\"width: \(tenths / 10).\(tenths % 10)%\">"
        }
        return "<colgroup>" + cols.joined() + "</colgroup>\n"
    }

    /// `widths` with every width above a cap cut to it, the cap chosen so that they sum to `available`.
    static func fitted(_ widths: [Double], into available: Double) -> [Double] {
        guard widths.reduce(0, +) > available else { return widths }
        var rest = available
        for (i, w) in widths.sorted().enumerated() {
            let remaining = Double(widths.count - i)
            if w * remaining >= rest {
                let cap = rest / remaining
                return widths.map { min($0, cap) }
            }
            rest -= w
        }
        return widths
    }

    static func row(_ line: DisclosureGrid.Line) -> String {
        var classes: [String] = []
        switch line.kind {
        case .subtotal, .grandTotal: classes.append("total")
        case .ofWhich: classes.append("of-which")
        case .item: break
        }
        if let level = line.level, level > 1 { classes.append("l\(min(level, 4))") }
        var h = classes.isEmpty ? "<tr>" : "<tr class=\"\(classes.joined(separator: " "))\">"
        for slot in line.slots {
            guard let c = slot else { continue }
            let tag = c.style == .header || c.style == .label ? "th" : "td"
            var attributes = ""
            if let cls = cssClass(c.style) { attributes += " class=\"\(cls)\"" }
            if c.colspan > 1 { attributes += " colspan=\"\(c.colspan)\"" }
            if c.rowspan > 1 { attributes += " rowspan=\"\(c.rowspan)\"" }
            h += "<\(tag)\(attributes)>\(e(c.text))</\(tag)>"
        }
        return h + "</tr>\n"
    }

    static func cssClass(_ s: DisclosureGrid.Style) -> String? {
        switch s {
        case .header: nil
        case .label: "label"
        case .code: "code"
        case .name: "name"
        case .text: "text"
        case .serial: "serial"
        case .number, .percent: "num"
        }
    }
}
