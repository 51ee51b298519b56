import YusuanCore

/// Shows a date serial number the way its format code asks ("yyyy"年"m"月" → 2026年1月), so a
/// cover sheet's 编制日期 reads as a date rather than as 46023.
enum XLSXDateFormat {
    /// The built-in date and time formats, shown in ISO order whatever the locale would do.
    static func builtin(_ id: Int) -> String? {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: "yyyy-mm-dd"
        case 18...21, 32, 33, 45...47: "hh:mm:ss"
        case 22: "yyyy-mm-dd hh:mm"
        default: nil
        }
    }

    /// Whether a format section (quotes and brackets already removed, lower-cased) shows a date or time.
    static func isDate(_ plain: String) -> Bool {
        plain.contains { "ymdhs".contains($0) }
    }

    /// `serial` rendered with the first section of `code`; nil for serials Excel cannot show as dates.
    static func render(_ serial: Double, code: String, date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }  // up to 9999-12-31
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        // Days since 1970-01-01. The 1900 system counts a 29 February 1900 that never was.
        let epochOffset = date1904 ? 24_107 : (days >= 61 ? 25_569 : 25_568)
        let (y, m, d) = civil(days - epochOffset)
        let (hh, mm, ss) = (seconds / 3600, seconds / 60 % 60, seconds % 60)

        let chars = Array(code)
        var out = ""
        var i = 0
        var lastWasHour = false
        while i < chars.count {
            let c = chars[i]
            let lower = Character(c.lowercased())
            var run = 1
            while i + run < chars.count, Character(chars[i + run].lowercased()) == lower, "ymdhs".contains(lower) { run += 1 }
            switch lower {
            case ";": return out
            case "\"":
                let end = chars[(i + 1)...].firstIndex(of: "\"") ?? chars.count
                out += String(chars[min(i + 1, end)..<end])
                i = end + 1
                continue
            case "\\": if i + 1 < chars.count { out.append(chars[i + 1]) }; i += 2; continue
            case "_", "*": i += 2; continue
            case "[": i = (chars[i...].firstIndex(of: "]") ?? chars.count) + 1; continue
            case "y": out += run <= 2 ? pad(y % 100) : String(y)
            case "m":
                let minutes = lastWasHour || nextIsSeconds(chars, from: i + run)
                let v = minutes ? mm : m
                out += run >= 2 ? pad(v) : String(v)
            case "d": out += run >= 2 ? pad(d) : String(d)
            case "h": out += run >= 2 ? pad(hh) : String(hh)
            case "s": out += run >= 2 ? pad(ss) : String(ss)
            default: out.append(c)
            }
            if "ymdhs".contains(lower) { lastWasHour = lower == "h" }
            i += run
        }
        return out
    }

    static func nextIsSeconds(_ chars: [Character], from start: Int) -> Bool {
        for c in chars[min(start, chars.count)...] {
            let l = Character(c.lowercased())
            if l == "s" { return true }
            if "ymdh".contains(l) { return false }
        }
        return false
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Year, month, day of `z` days after 1970-01-01.
    static func civil(_ z: Int) -> (Int, Int, Int) {
        let date = CivilDate.fromDays(z)
        return (date.year, date.month, date.day)
    }
}
