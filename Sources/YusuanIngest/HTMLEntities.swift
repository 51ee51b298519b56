/// Decodes HTML character references (`&nbsp;`, `&lt;`, `&#12345;`, `&#x4E00;`) the way browsers
/// do on messy pages: a missing `;` is tolerated, an unknown name is kept as literal text.
enum HTMLEntities {
    /// The named references government pages actually use; the rest are left as written.
    static let named: [String: String] = [
        "nbsp": "\u{00A0}", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwsp": "\u{200B}",
        "middot": "·", "bull": "•", "hellip": "…", "mdash": "—", "ndash": "–",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "laquo": "«", "raquo": "»",
        "times": "×", "divide": "÷", "plusmn": "±", "deg": "°", "permil": "‰", "percnt": "%",
        "yen": "¥", "copy": "©", "reg": "®", "trade": "™", "sect": "§", "para": "¶",
        "le": "≤", "ge": "≥", "ne": "≠", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓",
        "lsqb": "[", "rsqb": "]", "lpar": "(", "rpar": ")", "comma": ",", "colon": ":",
    ]

    /// Decodes the references in a UTF-8 byte slice of HTML text.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var chunkStart = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "&"), let (text, end) = reference(bytes, at: i) else {
                i += 1
                continue
            }
            out += String(decoding: bytes[chunkStart..<i], as: UTF8.self)
            out += text
            i = end
            chunkStart = end
        }
        out += String(decoding: bytes[chunkStart..<bytes.endIndex], as: UTF8.self)
        return out
    }

    /// The text of the reference starting at `start` (an `&`) and the index after it, or nil.
    static func reference(_ b: ArraySlice<UInt8>, at start: Int) -> (String, Int)? {
        var i = start + 1
        guard i < b.endIndex else { return nil }
        if b[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < b.endIndex, b[i] == UInt8(ascii: "x") || b[i] == UInt8(ascii: "X") { hex = true; i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < b.endIndex, let d = digit(b[i], hex: hex), i - digitsStart < 8 {
                value = value * (hex ? 16 : 10) + d
                i += 1
            }
            guard i > digitsStart else { return nil }
            if i < b.endIndex, b[i] == UInt8(ascii: ";") { i += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(windows1252(value))
            return (String(scalar ?? "\u{FFFD}"), i)
        }
        let nameStart = i
        while i < b.endIndex, i - nameStart < 10, isAlnum(b[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self)
        if let text = named[name] ?? named[name.lowercased()] {
            if i < b.endIndex, b[i] == UInt8(ascii: ";") { i += 1 }
            return (text, i)
        }
        return nil
    }

    /// Browsers read `&#150;` as the Windows-1252 character, as old pages assume.
    static func windows1252(_ v: UInt32) -> UInt32 {
        let map: [UInt32: UInt32] = [0x80: 0x20AC, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019,
                                     0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014]
        return map[v] ?? v
    }

    static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
}
