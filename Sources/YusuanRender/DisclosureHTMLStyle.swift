/// The style sheet of `DisclosureHTML`: A4 pages, one table a page (landscape when wide), the
/// official look of a 部门预算 table. Inline in the page; names no font file or other resource.
///
/// Printed, it prefers CJK fonts with TrueType outlines, which Chromium embeds as CID TrueType fonts. The
/// usual Linux CJK fonts (Noto and Source Han, CFF outlines) and any synthesised bold become Type 3 fonts
/// instead, one per few dozen glyphs: a PDF half as large again and three to four times slower for every
/// text extractor (poppler's pdftotext, and so `yusuan audit`). So a printed header cell is marked by its
/// shading alone; the titles, headings and total rows keep their weight.
public enum DisclosureHTMLStyle {
    public static let css = """
        @page { size: A4; margin: 16mm 14mm; }
        @page wide { size: A4 landscape; margin: 14mm 12mm; }
        html { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; color: #000; background: #fff; }
        body { margin: 0 auto; font-size: 11pt; line-height: 1.6; }
        .cover h1 { text-align: center; font-size: 18pt; margin: 0 0 1em; }
        .narrative h2 { font-size: 13pt; margin: 1em 0 .3em; }
        .narrative h3 { font-size: 11pt; margin: .6em 0 .2em; text-indent: 2em; }
        .narrative p { text-indent: 2em; margin: 0 0 .4em; text-align: justify; }
        .contents ol { list-style: none; padding: 0; }
        section.sheet { break-before: page; page-break-before: always; }
        section.sheet.wide { page: wide; }
        .attachment { margin: 0; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
        .table-title { text-align: center; font-size: 15pt; margin: .2em 0 .6em; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
        .unit { text-align: right; margin: 0 0 .2em; font-size: 10pt; }
        table { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: 9.5pt; line-height: 1.35; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #000; padding: 2px 4px; overflow-wrap: anywhere; }
        th { font-weight: bold; text-align: center; vertical-align: middle; background: #f0f0f0; }
        th.label { text-align: left; width: 8em; }
        td { vertical-align: middle; }
        td.num { text-align: right; white-space: nowrap; overflow-wrap: normal; font-variant-numeric: tabular-nums; }
        td.code { text-align: left; white-space: nowrap; }
        td.name, td.text { text-align: left; }
        td.serial { text-align: center; }
        tr.total td { font-weight: bold; }
        tr.l2 td.name { padding-left: 1.5em; }
        tr.l3 td.name, tr.l4 td.name { padding-left: 2.5em; }
        .note { font-size: 9.5pt; margin: .4em 0 0; }
        @media print {
          html { font-family: "SimSun", "Songti SC", "Droid Sans Fallback", "WenQuanYi Micro Hei", "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-synthesis: none; }
          .attachment, .table-title { font-family: "SimHei", "Heiti SC", "Droid Sans Fallback", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
          .cover h1, .narrative h2, .narrative h3, .table-title, tr.total td { font-synthesis: weight; }
        }
        @media screen {
          body { max-width: 190mm; padding: 12mm; }
          section.sheet { margin-top: 12mm; padding-top: 8mm; border-top: 1px dashed #999; }
          section.sheet.wide { width: 270mm; max-width: calc(100vw - 24mm); overflow-x: auto; }
        }

        """
}
