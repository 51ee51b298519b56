import YusuanRender
/// The styles of a workbook: each distinct `XLSXCellStyle` gets an index into <cellXfs>, its
/// number format, font, fill and border entries; `xml` is the xl/styles.xml part.
struct XLSXStyleSheet {
    /// Excel's built-in format ids; other codes are declared from 164 on.
    static let builtinFormats: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49,
    ]
    static let fontName = "宋体"

    private(set) var styles: [XLSXCellStyle] = [XLSXCellStyle()]
    private var indexes: [XLSXCellStyle: Int] = [XLSXCellStyle(): 0]
    private var customFormats: [String] = []
    private var fonts: [FontKey] = [FontKey(bold: false, size: 11)]
    private var fills: [String] = []

    struct FontKey: Hashable { var bold: Bool; var size: Double }

    /// The index of `style` in <cellXfs>, registering it on first use.
    mutating func index(_ style: XLSXCellStyle) -> Int {
        if let i = indexes[style] { return i }
        styles.append(style)
        indexes[style] = styles.count - 1
        if Self.builtinFormats[style.numberFormat] == nil, !customFormats.contains(style.numberFormat) {
            customFormats.append(style.numberFormat)
        }
        let font = FontKey(bold: style.bold, size: style.fontSize)
        if !fonts.contains(font) { fonts.append(font) }
        if let fill = style.fill, !fills.contains(fill) { fills.append(fill) }
        return styles.count - 1
    }

    func formatID(_ code: String) -> Int {
        Self.builtinFormats[code] ?? (164 + (customFormats.firstIndex(of: code) ?? 0))
    }

    var xml: String {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !customFormats.isEmpty {
            x += #"<numFmts count="\#(customFormats.count)">"#
            for (i, code) in customFormats.enumerated() {
                x += #"<numFmt numFmtId="\#(164 + i)" formatCode="\#(XMLText.escape(code))"/>"#
            }
            x += "</numFmts>"
        }
        x += #"<fonts count="\#(fonts.count)">"#
        for f in fonts {
            x += "<font>" + (f.bold ? "<b/>" : "") + #"<sz val="\#(Self.number(f.size))"/><name val="\#(Self.fontName)"/><family val="3"/><charset val="134"/></font>"#
        }
        x += "</fonts>"
        x += #"<fills count="\#(fills.count + 2)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        for rgb in fills {
            x += #"<fill><patternFill patternType="solid"><fgColor rgb="FF\#(rgb)"/><bgColor indexed="64"/></patternFill></fill>"#
        }
        x += "</fills>"
        let thin = #"<color auto="1"/>"#
        x += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        x += #"<border><left style="thin">\#(thin)</left><right style="thin">\#(thin)</right><top style="thin">\#(thin)</top><bottom style="thin">\#(thin)</bottom><diagonal/></border></borders>"#
        x += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        x += #"<cellXfs count="\#(styles.count)">"#
        for s in styles { x += xf(s) }
        x += "</cellXfs>"
        x += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        x += "</styleSheet>"
        return x
    }

    private func xf(_ s: XLSXCellStyle) -> String {
        let font = fonts.firstIndex(of: FontKey(bold: s.bold, size: s.fontSize)) ?? 0
        let fill = s.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
        var a = #"<xf numFmtId="\#(formatID(s.numberFormat))" fontId="\#(font)" fillId="\#(fill)" borderId="\#(s.border ? 1 : 0)" xfId="0""#
        if s.numberFormat != "General" { a += #" applyNumberFormat="1""# }
        if font != 0 { a += #" applyFont="1""# }
        if fill != 0 { a += #" applyFill="1""# }
        if s.border { a += #" applyBorder="1""# }
        guard s.horizontal != nil || s.wrap else { return a + "/>" }
        var alignment = "<alignment"
        if let h = s.horizontal { alignment += #" horizontal="\#(h.rawValue)""# }
        alignment += #" vertical="center""#
        if s.wrap { alignment += #" wrapText="1""# }
        return a + #" applyAlignment="1">"# + alignment + "/></xf>"
    }

    /// 11 → "11", 10.5 → "10.5".
    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}

/// Text for XML content and attribute values.
enum XMLText {
    /// Escapes & < > " ' and drops the characters XML 1.0 cannot carry.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
