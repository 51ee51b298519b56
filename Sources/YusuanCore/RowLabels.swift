/// Reads what a row label says about the row: its outline depth ("一、" "(一)" "1." "(1)"),
/// whether it is a total, and the label without its ordinal.
public enum RowLabels {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"]

    /// Whether `u` is one of the numerals of `chineseNumerals` (each a single scalar) — a switch on the scalar's
    /// value: a `Set<Unicode.Scalar>` lookup (hashing, and a lazy global's check) cost 0.35–0.5 M instructions per audit.
    @inline(__always) static func isChineseNumeral(_ u: Unicode.Scalar) -> Bool { isChineseNumeral(u.value) }

    /// `isChineseNumeral` of the scalar whose value is `v`.
    @inline(__always) static func isChineseNumeral(_ v: UInt32) -> Bool {
        switch v {
        // 一 二 三 四 五 六 七 八 九 十 百 零
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x96F6: return true
        default: return false
        }
    }

    /// Depth and the label without the ordinal prefix: the steps of `outlineCharacters` on
    /// `halfWidth(raw).trimmed`, read over the label's bytes (`scanOrdinal`) when each scalar they read is a character.
    public static func outline(_ raw: String) -> (depth: Int?, rest: String) {
        let read: (depth: Int?, rest: String)? = TextNormalization.withBytes(raw) { b in
            let (kept, mayHave) = ordinalGate(b)
            // The label's text from byte `from` on, without white space, half-width: `raw` itself when that is all
            // of it and nothing maps (most labels).
            func text(from: Int) -> String {
                let part = TextNormalization.trimmedRange(UnsafeBufferPointer(rebasing: b[from..<kept.upperBound]))
                let r = (from + part.lowerBound)..<(from + part.upperBound)
                if r == b.indices { return TextNormalization.halfWidth(raw) }
                return TextNormalization.halfWidth(UnsafeBufferPointer(rebasing: b[r]))
            }
            guard mayHave else { return (nil, text(from: kept.lowerBound)) }
            let scan = scanOrdinal(b, kept)
            guard scan.sameAsCharacters else { return nil }
            return (scan.depth, text(from: scan.restStart))
        }
        return read ?? outlineCharacters(TextNormalization.halfWidth(raw).trimmed)
    }

    /// `outline` over the label's characters (`s`: the label half-width and trimmed), for the labels whose ordinal
    /// part holds a scalar that is not a character of its own (or may not be).
    static func outlineCharacters(_ s: String) -> (depth: Int?, rest: String) {
        guard let head = s.unicodeScalars.first, mayStartOrdinal(head) else { return (nil, s) }
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

    /// `outline(raw).depth`, without making the label's rest. A text whose first scalar past white space cannot
    /// start an ordinal (most labels, and paragraphs) is answered from that scalar alone.
    public static func depth(_ raw: String) -> Int? {
        // nil: the byte walk may not answer; .some(nil): no ordinal.
        let read: Int?? = TextNormalization.withBytes(raw) { b in
            let (kept, mayHave) = ordinalGate(b)
            guard mayHave else { return .some(nil) }
            let scan = scanOrdinal(b, kept)
            return scan.sameAsCharacters ? .some(scan.depth) : nil
        }
        return read ?? outlineCharacters(TextNormalization.halfWidth(raw).trimmed).depth
    }

    /// False when `outline(raw)` finds no ordinal for certain (`ordinalGate`).
    public static func mayHaveOrdinal(_ raw: String) -> Bool {
        TextNormalization.withBytes(raw) { ordinalGate($0).mayHaveOrdinal }
    }

    /// The gate of `outline`, `depth` and `mayHaveOrdinal`: the label's bytes without white space at either end
    /// (`trimmedRange`, which is where `halfWidth(raw).trimmed` lies: `halfWidth` maps no scalar to or from white
    /// space but white space), and whether the first scalar there, read half-width, may start an ordinal. Every
    /// ordinal starts with a Chinese numeral, "(" or an ASCII digit; a label that starts with anything else (most
    /// labels, and paragraphs) has none. (A character that starts with another scalar cannot equal one of those.)
    @inline(__always)
    static func ordinalGate(_ b: UnsafeBufferPointer<UInt8>) -> (kept: Range<Int>, mayHaveOrdinal: Bool) {
        let kept = TextNormalization.trimmedRange(b)
        guard let head = kept.first else { return (kept, false) }
        return (kept, mayStartOrdinal(halfWidthScalar(b, at: head, end: kept.upperBound).value))
    }

    /// "(", an ASCII digit, a Chinese numeral, or a compatibility ideograph (零 U+F9B2 is one).
    @inline(__always) static func mayStartOrdinal(_ head: Unicode.Scalar) -> Bool { mayStartOrdinal(head.value) }

    /// `mayStartOrdinal` of the scalar whose value is `v`.
    @inline(__always) static func mayStartOrdinal(_ v: UInt32) -> Bool {
        v == 0x28 || (0x30...0x39).contains(v) || isChineseNumeral(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }

    /// Whether a label is a total line, and which kind.
    public static func totalKind(_ raw: String) -> RowKind? {
        // A label without 其 or 计 is no total (see `totalKind(rest:)`): answered without reading its ordinal.
        // The ordinal holds neither, so the label's rest is keyed without testing it again.
        guard TextNormalization.mayHoldIdeograph(raw, totalIdeographs) else { return nil }
        return totalKind(key: TextNormalization.key(outline(raw).rest))
    }

    /// The ideographs the total words need: 其中 starts with 其; 总计, 合计 and 小计 end with 计.
    static let totalIdeographs: IdeographSet = ["其", "计"]

    static let ofWhichBytes = Array("其中".utf8)
    static let grandTotalBytes = Array("总计".utf8)
    static let subtotalBytes = Array("合计".utf8)
    static let smallTotalBytes = Array("小计".utf8)

    /// `totalKind` of a label whose `outline` is already known (`rest`: the label without its ordinal).
    public static func totalKind(rest: String) -> RowKind? {
        // Each total word holds 其 or 计, and keying writes no ideograph: a label that cannot hold either (most
        // labels, found in one pass over the bytes) is no total, without being keyed.
        guard TextNormalization.mayHoldIdeograph(rest, totalIdeographs) else { return nil }
        return totalKind(key: TextNormalization.key(rest))
    }

    /// `totalKind(rest:)` by the label's key (`TextNormalization.key(rest)`), every label keyed: the definition the
    /// gate on 其 and 计 above is held to.
    static func totalKind(key k: String) -> RowKind? {
        // Byte comparisons where they are exact (`hasTextSuffix`). A label equal to "总计" also ends with it, so
        // no `==` (a Unicode-normalising comparison for most labels) is needed.
        if TextNormalization.isPlainCJK(k) {
            // The words are plain too: what `hasTextPrefix` and `hasTextSuffix` do, with the label checked once.
            return TextNormalization.withBytes(k) { b -> RowKind? in
                if b.starts(with: ofWhichBytes) { return .ofWhich }
                if b.count >= 6 {
                    let tail = b[(b.count - 6)...]
                    if tail.elementsEqual(grandTotalBytes) { return .grandTotal }
                    if tail.elementsEqual(subtotalBytes) || tail.elementsEqual(smallTotalBytes) { return .subtotal }
                }
                return nil
            }
        }
        if k.hasTextPrefix("其中") { return .ofWhich }
        if k.hasTextSuffix("总计") { return .grandTotal }
        if k.hasTextSuffix("合计") || k.hasTextSuffix("小计") { return .subtotal }
        return nil
    }
}
