import YusuanCore

/// The 情况说明 sheet: the title, then the narrative in blocks — a heading with the paragraphs
/// under it in one cell, headings bold, paragraphs on lines of their own — then the table of
/// contents. A cell of several lines is how a narrative merged across a sheet reads back as
/// running text (`XLSXReader` splits it into paragraphs); a block stays under Excel's row height limit.
enum NarrativeSheet {
    static let width = 78.0
    /// Lines one block may take: Excel's highest row is 409 points.
    static let maxLines = 26

    static func sheet(_ d: Disclosure, name: String) -> XLSXSheet {
        var sheet = XLSXSheet(name: name, columnWidths: [width])
        var paragraphs = d.narrative[...]
        var heading = d.title
        // The narrative's own title line, as printed, when it opens with one.
        if let first = paragraphs.first, TextNormalization.key(first.text) == TextNormalization.key(d.title) {
            heading = first.text
            paragraphs = paragraphs.dropFirst()
        }
        sheet.rows.append([XLSXCell(.text(heading), style: XLSXCellStyle(bold: true, fontSize: 16, horizontal: .center, wrap: true))])
        sheet.rowHeights[0] = Double(SheetLayout.lines(heading, width: width * 11 / 16)) * 22 + 8
        let body = XLSXCellStyle(horizontal: .left, wrap: true)
        for block in blocks(Array(paragraphs)) {
            let runs = block.enumerated().map { i, p in XLSXRun((i > 0 ? "\n" : "") + p.text, bold: p.isHeading) }
            sheet.rows.append([XLSXCell(block.count == 1 ? .text(block[0].text) : .richText(runs), style: body)])
            sheet.rowHeights[sheet.rows.count - 1] = min(409, SheetLayout.height(lines: block.map(lines).reduce(0, +)))
        }
        for c in d.contents {
            sheet.rows.append([XLSXCell(.text((c.attachment.map { "附件\($0) " } ?? "") + c.title))])
        }
        return sheet
    }

    static func lines(_ p: Paragraph) -> Int { SheetLayout.lines(p.text, width: width) }

    /// Paragraphs grouped by their top-level headings (一、…), a group cut where it would pass
    /// `maxLines`; a group of one paragraph joins its neighbour, so that every cell has line breaks.
    static func blocks(_ paragraphs: [Paragraph]) -> [[Paragraph]] {
        var out: [[Paragraph]] = []
        var current: [Paragraph] = []
        var height = 0
        for p in paragraphs {
            let topHeading = p.isHeading && RowLabels.depth(p.text) == 1
            if !current.isEmpty && (topHeading || height + lines(p) > maxLines) && current.count > 1 {
                out.append(current)
                current = []
                height = 0
            }
            current.append(p)
            height += lines(p)
        }
        if !current.isEmpty {
            if current.count == 1, !out.isEmpty { out[out.count - 1] += current } else { out.append(current) }
        }
        return out
    }
}
