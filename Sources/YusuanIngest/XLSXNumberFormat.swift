import Foundation

/// How a numeric cell is shown, reduced to what matters for auditing: how many decimals
/// (which carries the printed precision) and whether it is a percentage. Thousands separators
/// are never added; scientific formats show the number as General does; dates show as dates.
enum XLSXNumberFormat: Equatable {
    /// Excel's General: at most 15 significant digits and 10 decimals, trailing zeros dropped.
    case general
    /// A fixed pattern such as "0.00" (min = max = 2) or "#,##0.0#" (min 1, max 2).
    case fixed(minDecimals: Int, maxDecimals: Int, percent: Bool)
    /// A date or time pattern (its first section, as written).
    case date(String)

    /// The format with built-in id `id`, or the custom `code` declared for it in styles.xml.
    init(id: Int, code: String?) {
        switch id {
        case 1, 3, 37, 38: self = .fixed(minDecimals: 0, maxDecimals: 0, percent: false)
        case 2, 4, 39, 40: self = .fixed(minDecimals: 2, maxDecimals: 2, percent: false)
        case 9: self = .fixed(minDecimals: 0, maxDecimals: 0, percent: true)
        case 10: self = .fixed(minDecimals: 2, maxDecimals: 2, percent: true)
        default:
            if let d = XLSXDateFormat.builtin(id) { self = .date(d) } else { self = code.map(Self.parse) ?? .general }
        }
    }

    /// Reads the first section of a custom format code.
    static func parse(_ code: String) -> XLSXNumberFormat {
        var plain = "", section = ""
        var quoted = false, bracket = false, escape = false, skipNext = false
        for ch in code {
            if !quoted && !bracket && !escape && !skipNext && ch == ";" { break }
            section.append(ch)
            if skipNext { skipNext = false; continue }
            if escape { escape = false; continue }
            if quoted { if ch == "\"" { quoted = false }; continue }
            if bracket { if ch == "]" { bracket = false }; continue }
            switch ch {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\": escape = true
            case "_", "*": skipNext = true
            default: plain.append(ch)
            }
        }
        return classify(plain, section: section)
    }

    static func classify(_ p: String, section: String) -> XLSXNumberFormat {
        let lower = p.lowercased()
        if lower.contains("general") || lower.contains("@") || lower.contains("e+") || lower.contains("e-") { return .general }
        if XLSXDateFormat.isDate(lower) { return .date(section) }
        guard lower.contains(where: { $0 == "0" || $0 == "#" || $0 == "?" }) else { return .general }
        var minDecimals = 0, maxDecimals = 0
        if let dot = lower.firstIndex(of: ".") {
            for ch in lower[lower.index(after: dot)...] {
                if ch == "0" { minDecimals += 1; maxDecimals += 1 } else if ch == "#" || ch == "?" { maxDecimals += 1 } else { break }
            }
        }
        return .fixed(minDecimals: minDecimals, maxDecimals: maxDecimals, percent: lower.contains("%"))
    }

    /// The text of a number stored as `stored` (the <v> text); stored text that is not a number is kept.
    func display(_ stored: String, date1904: Bool = false) -> String {
        let t = stored.trimmed
        guard let v = Double(t), v.isFinite else { return stored }
        switch self {
        case .general:
            return Self.decimal(v, minDecimals: 0, maxDecimals: 10)
        case let .fixed(minDecimals, maxDecimals, percent):
            let s = Self.decimal(percent ? v * 100 : v, minDecimals: minDecimals, maxDecimals: min(maxDecimals, 10))
            return percent ? s + "%" : s
        case let .date(code):
            return XLSXDateFormat.render(v, code: code, date1904: date1904) ?? Self.decimal(v, minDecimals: 0, maxDecimals: 10)
        }
    }

    /// `v` taken at 15 significant digits (Excel's precision, which drops binary noise such as
    /// 951.80999999999995), rounded half away from zero to `maxDecimals`, trailing zeros past
    /// `minDecimals` dropped.
    static func decimal(_ v: Double, minDecimals: Int, maxDecimals: Int) -> String {
        let sci = String(format: "%.14e", abs(v))  // "9.51810000000000e+02"
        let parts = sci.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return String(v) }
        var digits = parts[0].compactMap { $0.wholeNumberValue }
        var intCount = exponent + 1  // digits before the decimal point
        if intCount < 0 {
            digits = Array(repeating: 0, count: -intCount) + digits
            intCount = 0
        }
        let keep = intCount + maxDecimals
        if keep < digits.count {
            let roundUp = digits[keep] >= 5
            digits = Array(digits[..<keep])
            var k = digits.count - 1
            var carry = roundUp
            while carry && k >= 0 {
                digits[k] += 1
                carry = digits[k] == 10
                if carry { digits[k] = 0 }
                k -= 1
            }
            if carry { digits.insert(1, at: 0); intCount += 1 }
        } else {
            digits += Array(repeating: 0, count: keep - digits.count)
        }
        var fraction = Array(digits[intCount...])
        while fraction.count > minDecimals, fraction.last == 0 { fraction.removeLast() }
        let integerDigits = digits[..<intCount].drop { $0 == 0 }
        let integer = integerDigits.isEmpty ? "0" : integerDigits.map(String.init).joined()
        let negative = v < 0 && (digits.contains { $0 != 0 })
        let body = fraction.isEmpty ? integer : integer + "." + fraction.map(String.init).joined()
        return (negative ? "-" : "") + body
    }
}
