/// Reads what a row label says about the row: its outline depth ("一、" "(一)" "1." "(1)"),
/// whether it is a total, and the label without its ordinal.
public enum RowLabels {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]
    static let chineseNumeralScalars: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]

    /// Depth and the label without the ordinal prefix.
    public static func outline(_ raw: String) -> (depth: Int?, rest: String) {
        let s = TextNormalization.halfWidth(raw).trimmed
        // Every ordinal starts with a Chinese numeral, "(" or an ASCII digit; a label that starts with anything
        // else (most do) has none, and is returned without breaking it into characters. (A character that
        // starts with another scalar cannot equal one of those.)
        guard let head = s.unicodeScalars.first, head == "(" || ("0"..."9").contains(head) || chineseNumeralScalars.contains(head)
                || (0xF900...0xFAFF).contains(head.value) || (0x2F800...0x2FA1F).contains(head.value)  // compatibility ideographs (零 U+F9B2)
        else {
            return (nil, s)
        }
        // Plain text (each scalar a character of its own, `TextNormalization.isPlainCJK`) is read over scalars.
        if TextNormalization.isPlainCJK(s) { return outlinePlain(s) }
        let chars = Array(s)
        // "一、" / "十二、"
        var i = 0
        while i < chars.count && chineseNumerals.contains(chars[i]) { i += 1 }
        if i > 0 && i < chars.count && (chars[i] == "、" || chars[i] == ".") {
            return (1, String(chars[(i + 1)...]).trimmed)
        }
        // "(一)" / "(十二)"
        if chars.first == "(" {
            var j = 1
            while j < chars.count && chars[j] == " " { j += 1 }
            var k = j
            while k < chars.count && chineseNumerals.contains(chars[k]) { k += 1 }
            var m = k
            while m < chars.count && chars[m] == " " { m += 1 }
            if k > j && m < chars.count && chars[m] == ")" { return (2, String(chars[(m + 1)...]).trimmed) }
            var d = j
            while d < chars.count && chars[d].isASCII && chars[d].isNumber { d += 1 }
            var e = d
            while e < chars.count && chars[e] == " " { e += 1 }
            if d > j && e < chars.count && chars[e] == ")" { return (4, String(chars[(e + 1)...]).trimmed) }
        }
        // "1." / "1、" (not "1.5", not a code)
        var d = 0
        while d < chars.count && chars[d].isASCII && chars[d].isNumber { d += 1 }
        if d > 0 && d <= 2 && d < chars.count && (chars[d] == "、" || (chars[d] == "." && !(d + 1 < chars.count && chars[d + 1].isASCII && chars[d + 1].isNumber))) {
            return (3, String(chars[(d + 1)...]).trimmed)
        }
        return (nil, s)
    }

    /// `outline` over Unicode scalars, for plain text (the same steps, each character being one scalar).
    static func outlinePlain(_ s: String) -> (depth: Int?, rest: String) {
        let chars = Array(s.unicodeScalars)
        func text(_ from: Int) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: chars[from...])
            return String(view).trimmed
        }
        func isDigit(_ u: Unicode.Scalar) -> Bool { (0x30...0x39).contains(u.value) }
        // "一、" / "十二、"
        var i = 0
        while i < chars.count && chineseNumeralScalars.contains(chars[i]) { i += 1 }
        if i > 0 && i < chars.count && (chars[i] == "、" || chars[i] == ".") {
            return (1, text(i + 1))
        }
        // "(一)" / "(十二)"
        if chars.first == "(" {
            var j = 1
            while j < chars.count && chars[j] == " " { j += 1 }
            var k = j
            while k < chars.count && chineseNumeralScalars.contains(chars[k]) { k += 1 }
            var m = k
            while m < chars.count && chars[m] == " " { m += 1 }
            if k > j && m < chars.count && chars[m] == ")" { return (2, text(m + 1)) }
            var d = j
            while d < chars.count && isDigit(chars[d]) { d += 1 }
            var e = d
            while e < chars.count && chars[e] == " " { e += 1 }
            if d > j && e < chars.count && chars[e] == ")" { return (4, text(e + 1)) }
        }
        // "1." / "1、" (not "1.5", not a code)
        var d = 0
        while d < chars.count && isDigit(chars[d]) { d += 1 }
        if d > 0 && d <= 2 && d < chars.count && (chars[d] == "、" || (chars[d] == "." && !(d + 1 < chars.count && isDigit(chars[d + 1])))) {
            return (3, text(d + 1))
        }
        return (nil, s)
    }

    /// Whether a label is a total line, and which kind.
    public static func totalKind(_ raw: String) -> RowKind? {
        totalKind(rest: outline(raw).rest)
    }

    /// `totalKind` of a label whose `outline` is already known (`rest`: the label without its ordinal).
    public static func totalKind(rest: String) -> RowKind? {
        let k = TextNormalization.key(rest)
        // Byte comparisons where they are exact (`hasTextSuffix`). A label equal to "总计" also ends with it, so
        // no `==` (a Unicode-normalising comparison for most labels) is needed.
        if k.hasTextPrefix("其中") { return .ofWhich }
        if k.hasTextSuffix("总计") { return .grandTotal }
        if k.hasTextSuffix("合计") || k.hasTextSuffix("小计") { return .subtotal }
        return nil
    }
}
