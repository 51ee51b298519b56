/// A figure read from a printed cell.
public struct PrintedNumber: Hashable, Sendable, Codable {
    public var value: Fixed
    /// "83.44%" — the value is 83.44.
    public var isPercent: Bool
    /// A unit written in the cell itself ("44万元").
    public var unit: MoneyUnit?
    /// "-" or "—" printed for zero.
    public var isDash: Bool

    public init(value: Fixed, isPercent: Bool = false, unit: MoneyUnit? = nil, isDash: Bool = false) {
        self.value = value
        self.isPercent = isPercent
        self.unit = unit
        self.isDash = isDash
    }
}

/// Parses figures as disclosures print them: full-width digits, thousands separators,
/// "-" for zero, a unit or a percent sign after the number, parentheses or a minus for negatives.
public enum NumberParser {
    public static func parse(_ raw: String) -> PrintedNumber? {
        // Plain figures ("1,234.56"), most cells that parse: read in the one pass over the bytes that finds they are
        // plain. Digits that fail before any other byte fail on the path below too, which keeps such a start as
        // it is (it trims, maps and strips only white space, full-width forms, signs, brackets and suffixes).
        if case .done(let value) = TextNormalization.withBytes(raw, readDigits) {
            return value.map { PrintedNumber(value: $0) }
        }
        // Most cells read are labels: one pass over the bytes rejects text without a digit or a dash.
        guard mayBeNumber(raw) else { return nil }
        return parseWritten(raw)
    }

    /// `parse` of text that is not a plain figure (and may be a number): full-width forms mapped, trimmed, a dash
    /// for zero, a unit or "%" after the figure, brackets or a sign before it.
    static func parseWritten(_ raw: String) -> PrintedNumber? {
        // Most text here is ASCII (percentages, bracketed figures). ASCII decomposes to itself, so it equals, starts
        // or ends with no non-ASCII literal; and each of its characters is one byte but CR LF, so starting or
        // ending with an ASCII literal but CR and LF is its first or last byte. Other text is tested as characters
        // (`hasTextSuffix`, `hasTextPrefix` compare bytes only where that is exact).
        let ascii = raw.utf8.allSatisfy { $0 < 0x80 }
        var s = (ascii ? raw : TextNormalization.halfWidth(raw)).trimmed
        if s.isEmpty { return nil }
        if s == "-" || s == "--" || (!ascii && (s == "—" || s == "－" || s == "——")) {
            return PrintedNumber(value: .zero, isDash: true)
        }
        var unit: MoneyUnit?
        for u in [MoneyUnit.yiYuan, .wanYuan, .yuan] where !ascii && s.hasTextSuffix(u.rawValue) {
            unit = u
            s = String(s.dropLast(u.rawValue.count)).trimmed
            break
        }
        var percent = false
        if ascii ? s.utf8.last == UInt8(ascii: "%") : s.hasTextSuffix("%") {
            percent = true
            s = String(s.dropLast()).trimmed
        }
        var negative = false
        let bracketed = ascii ? s.utf8.first == UInt8(ascii: "(") && s.utf8.last == UInt8(ascii: ")")
            : s.hasTextPrefix("(") && s.hasTextSuffix(")")
        if bracketed && s.count > 2 {
            negative = true
            s = String(s.dropFirst().dropLast())
        }
        if ascii ? s.utf8.first == UInt8(ascii: "-") : s.hasTextPrefix("-") || s.hasPrefix("−") {
            negative.toggle()
            s = String(s.dropFirst()).trimmed
        } else if ascii ? s.utf8.first == UInt8(ascii: "+") : s.hasTextPrefix("+") {
            s = String(s.dropFirst()).trimmed
        }
        guard let value = parseUnsigned(s) else { return nil }
        return PrintedNumber(value: negative ? -value : value, isPercent: percent, unit: unit)
    }

    /// Whether `raw` may parse: it holds an ASCII or full-width digit (UTF-8 EF BC 90–99) or a dash (-, —, －),
    /// and no CJK unified ideograph (U+4E00–9FFF) but 元, 万 and 亿. Any other ideograph would stay in the text
    /// whatever `parse` strips (white space, signs, brackets, "%", the unit suffixes), and the digit reader
    /// rejects it: a sentence with figures in it is rejected here, in one pass, instead of being half-width
    /// mapped and trimmed first.
    static func mayBeNumber(_ raw: String) -> Bool {
        TextNormalization.withBytes(raw) { bytes in
            var previous: (UInt8, UInt8) = (0, 0)
            var figure = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if (0x30...0x39).contains(b) || b == 0x2D {
                    figure = true
                } else if (0xE4...0xE9).contains(b), i + 2 < n {
                    // A three-byte sequence U+4000–9FFF (valid UTF-8: a lead byte, two continuation bytes).
                    let v = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    if v >= 0x4E00 && v != 0x5143 && v != 0x4E07 && v != 0x4EBF { return false }  // not 元 万 亿
                }
                if previous == (0xEF, 0xBC), (0x90...0x99).contains(b) || b == 0x8D { figure = true }  // ０–９, －
                if previous == (0xE2, 0x80), b == 0x94 || b == 0x93 { figure = true }  // — –
                previous = (previous.1, b)
                i += 1
            }
            return figure
        }
    }

    /// Digits with an optional decimal point and thousands separators (groups of three).
    static func parseUnsigned(_ s: String) -> Fixed? {
        if case .done(let value) = TextNormalization.withBytes(s, readDigits) { return value }
        return nil
    }

    /// What `readDigits` found.
    enum DigitRead: Equatable {
        /// Every byte read: the figure, or nil when the bytes are not one (or fail before the end).
        case done(Fixed?)
        /// A byte other than a digit, "," or "." before the bytes failed.
        case otherByte
    }

    /// Reads `bytes` as digits with an optional decimal point and thousands separators (groups of three), stopping
    /// at the first byte that fails them or is not a digit, "," or ".".
    static func readDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> DigitRead {
        var mantissa: Int64 = 0
        var scale = 0
        var seenPoint = false
        var digits = 0
        var groupDigits = 0
        var sawComma = false
        for ch in bytes {
            if ch == UInt8(ascii: ",") {
                if seenPoint || digits == 0 { return .done(nil) }
                if sawComma && groupDigits != 3 { return .done(nil) }
                sawComma = true
                groupDigits = 0
                continue
            }
            if ch == UInt8(ascii: ".") {
                if seenPoint { return .done(nil) }
                if sawComma && groupDigits != 3 { return .done(nil) }
                seenPoint = true
                continue
            }
            guard (0x30...0x39).contains(ch) else { return .otherByte }
            let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(Int64(ch - 0x30))
            if o1 || o2 { return .done(nil) }
            mantissa = m2
            digits += 1
            if seenPoint { scale += 1 } else { groupDigits += 1 }
        }
        if digits == 0 || scale > 12 { return .done(nil) }
        if sawComma && !seenPoint && groupDigits != 3 { return .done(nil) }
        return .done(Fixed(mantissa: mantissa, scale: scale))
    }
}
