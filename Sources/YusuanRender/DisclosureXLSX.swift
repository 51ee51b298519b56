import Foundation
import YusuanCore

/// A disclosure as an Excel workbook: the 情况说明 on a first sheet, then a sheet per table in the
/// official layout (attachment number, title merged across the table, unit, header lines merged
/// as their headings span, one row per table row, notes), each set to print on A4.
///
/// Figures are stored as numbers at their printed precision ("0.00" shows 951.81 as printed,
/// "0" shows 40, "#,##0" shows 2,932,700 in a table that groups thousands); codes, names and everything else as text, so "2010308" keeps its form.
/// `XLSXReader` and `Recogniser` read the workbook back to the same tables.
public enum DisclosureXLSX {
    /// The .xlsx file.

    /// The workbook before it is written: what `write` zips.
    public static func workbook(_ d: Disclosure) -> XLSXWorkbook {
        var names = XLSXSheetNames()
        var sheets: [XLSXSheet] = []
        let grids = DisclosureGrid.tables(of: d)
        if !d.narrative.isEmpty || grids.isEmpty { sheets.append(NarrativeSheet.sheet(d, name: names.name("情况说明"))) }
        for g in grids { sheets.append(tableSheet(g, name: names.name(sheetName(g, department: d.department)))) }
        return XLSXWorkbook(sheets: sheets)
    }

    /// "附件2 一般公共预算财政拨款支出预算表": the title without the department and year it starts with.
    static func sheetName(_ g: DisclosureGrid, department: String?) -> String {
        var t = g.title
        if let dep = department, !dep.isEmpty, t.hasPrefix(dep) { t = String(t.dropFirst(dep.count)) }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4 {
            t = String(t.dropFirst(4))
            for suffix in ["年度", "年"] where t.hasPrefix(suffix) {
                t = String(t.dropFirst(suffix.count))
                break
            }
        }
        if t.isEmpty { t = g.kind.chineseName }
        return g.attachment.map { "附件\($0) " + t } ?? t
    }

    static func tableSheet(_ g: DisclosureGrid, name: String) -> XLSXSheet {
        let width = max(g.width, 1)
        var layout = SheetLayout(width: width)
        layout.grouped = SheetLayout.groupsThousands(g)
        let widths = SheetLayout.columnWidths(g, width: width)
        if let a = g.attachment { layout.add([XLSXCell(.text("附件" + a), style: XLSXCellStyle(bold: true))]) }
        // A 16pt title takes about 16/11 of the width an 11pt text does.
        let titleLines = SheetLayout.lines(g.title, width: widths.reduce(0, +) * 11 / 16)
        layout.addAcross(g.title, style: XLSXCellStyle(bold: true, fontSize: 16, horizontal: .center, wrap: true),
                         height: Double(titleLines) * 22 + 8)
        if let u = g.unitText { layout.addAcross(u, style: XLSXCellStyle(horizontal: .right)) }
        let lines = g.fields + g.header + g.body
        let headerStart = layout.rows.count + g.fields.count
        for line in lines { layout.addLine(line, widths: widths) }
        for note in g.notes {
            let lines = SheetLayout.lines(note, width: widths.reduce(0, +))
            layout.addAcross(note, style: XLSXCellStyle(horizontal: .left, wrap: true), height: lines > 1 ? SheetLayout.height(lines: lines) : nil)
        }
        layout.fillMerges()
        let headerRows = g.isForm || g.header.isEmpty ? nil : headerStart..<(headerStart + g.header.count)
        return XLSXSheet(name: name, rows: layout.rows, merges: layout.merges, columnWidths: widths,
                         rowHeights: layout.heights, landscape: g.width > 8 || widths.reduce(0, +) > 130, headerRows: headerRows)
    }
}
