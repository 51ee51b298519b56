/// Sheet names Excel accepts: at most 31 characters, none of []:*?/\, not blank, not starting or
/// ending with an apostrophe, not "History", and unique in the workbook without regard to case.
public struct XLSXSheetNames {
    public static let maxLength = 31
    private var used: Set<String> = []

    public init() {}

    /// A valid name close to `wanted`, different from every name returned before.
    public mutating func name(_ wanted: String) -> String {
        let base = Self.clean(wanted)
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            let suffix = "(\(n))"
            candidate = Self.cut(base, to: Self.maxLength - suffix.utf16.count) + suffix
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Forbidden characters become "_", runs of spaces one space; cut to the limit (in UTF-16 units, as Excel counts).
    public static func clean(_ s: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var t = String(s.map { forbidden.contains($0) || $0.isNewline || $0 == "\t" ? "_" : $0 })
        t = t.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        while t.hasPrefix("'") { t.removeFirst() }
        t = cut(t, to: maxLength)
        while t.hasSuffix("'") || t.hasSuffix(" ") { t.removeLast() }
        if t.isEmpty || t.lowercased() == "history" { t = "Sheet" + (t.isEmpty ? "" : "_") }
        return t
    }

    static func cut(_ s: String, to limit: Int) -> String {
        var out = ""
        var units = 0
        for ch in s {
            let n = String(ch).utf16.count
            if units + n > limit { break }
            out.append(ch)
            units += n
        }
        return out
    }
}
