import YusuanCore

extension CompletenessRules {
    /// An attachment number as printed: "7" → 7, "12-3" → 12 sub 3.
    struct AttachmentNumber: Hashable, Comparable, CustomStringConvertible {
        var main: Int
        var sub: Int?

        /// Reads "7", "附件7", "附表 12-3", "12－3", "12—3"; nil for anything else.
        init?(_ raw: String) {
            var s = TextNormalization.key(raw)
            for prefix in ["附件", "附表", "表"] where s.hasPrefix(prefix) {
                s = String(s.dropFirst(prefix.count))
                break
            }
            let parts = s.split(omittingEmptySubsequences: false) { Self.separators.contains($0) }
            guard parts.count == 1 || parts.count == 2,
                  let m = Self.number(parts[0]) else { return nil }
            main = m
            if parts.count == 2 {
                guard let n = Self.number(parts[1]) else { return nil }
                sub = n
            } else {
                sub = nil
            }
        }

        init(main: Int, sub: Int?) {
            self.main = main
            self.sub = sub
        }

        /// What may stand between an attachment's number and its sub-number: made once, not for each number read.
        static let separators: Set<Character> = ["-", "—", "–", "_", "－"]

        private static func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.count <= 3, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }

        static func < (a: Self, b: Self) -> Bool {
            a.main != b.main ? a.main < b.main : (a.sub ?? 0) < (b.sub ?? 0)
        }

        var description: String { sub.map { "\(main)-\($0)" } ?? "\(main)" }
    }

    /// A table title reduced to what the template prints: no department name, no year, no numbering,
    /// no quotes or spaces. "重庆市××局 2022 年财政拨款收支总表" → "财政拨款收支总表".
    static func titleCore(_ title: String, department: String?) -> String {
        var s = TextNormalization.key(title)
        if let leader = s.firstRange(of: "…") { s = String(s[..<leader.lowerBound]) }
        if let dep = department.map(TextNormalization.key), !dep.isEmpty { s = s.replacing(dep, with: "") }
        s = stripOrdinals(s)
        for prefix in ["附件", "附表", "表"] where s.hasPrefix(prefix) {
            let rest = s.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
            if !digits.isEmpty {
                s = String(rest.dropFirst(digits.count).drop { ".、:".contains($0) })
            }
            break
        }
        if let end = yearEnd(in: s) { s = String(s[end...]) }
        for suffix in ["(收入)", "(支出)", "(续表)", "(续)"] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count))
        }
        return s
    }

    /// Where the last "2022年" / "2022年度" in `s` ends.
    static func yearEnd(in s: String) -> String.Index? {
        let chars = Array(s)
        var found: Int?
        var i = 0
        while i + 4 < chars.count {
            if chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }) && chars[i + 4] == "年"
                && (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber)) {
                var end = i + 5
                if end < chars.count && chars[end] == "度" { end += 1 }
                found = end
            }
            i += 1
        }
        guard let found else { return nil }
        return s.index(s.startIndex, offsetBy: found)
    }

    /// Whether two titles name the same table: equal cores, or one core ends with the other
    /// (a title that still carries a unit name before the template's title).
    static func sameTitle(_ a: String, _ b: String) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        return a == b || a.hasSuffix(b) || b.hasSuffix(a)
    }

    /// A short quote around `range` of `text`: up to `radius` characters either side.
    static func excerpt(_ text: String, around range: Range<String.Index>, radius: Int = 12) -> String {
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        var s = String(text[start..<end]).replacing("\n", with: " ").trimmed
        if start > text.startIndex { s = "…" + s }
        if end < text.endIndex { s += "…" }
        return s
    }

    /// "附件7 部门收入总表" for a table spec of a profile.
    static func specName(_ spec: Profile.TableSpec) -> String {
        spec.attachment.map { "附件\($0) \(spec.title)" } ?? spec.title
    }

    /// Sentences of the narrative (split at 。；; and line ends), each with its paragraph, title excluded.
    static func narrativeSentences(_ d: Disclosure) -> [(text: String, paragraph: Paragraph)] {
        let titleKey = TextNormalization.key(d.title)
        var out: [(String, Paragraph)] = []
        for p in d.narrative where TextNormalization.key(p.text) != titleKey {
            for s in sentencePieces(p.text) where !String(s).trimmed.isEmpty {
                out.append((String(s), p))
            }
        }
        return out
    }

    /// `text` split at 。；; and line ends, empty pieces left out. Plain text (`TextNormalization.isPlainCJK`) is
    /// split at those scalars, each of which is a character there; other text at its characters.
    static func sentencePieces(_ text: String) -> [Substring] {
        guard TextNormalization.isPlainCJK(text) else { return text.split(whereSeparator: { "。；;\n".contains($0) }) }
        var out: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        while i != scalars.endIndex {
            let next = scalars.index(after: i)
            switch scalars[i].value {
            case 0x3002, 0xFF1B, 0x3B, 0x0A:
                if start < i { out.append(text[start..<i]) }
                start = next
            default: break
            }
            i = next
        }
        if start < scalars.endIndex { out.append(text[start..<scalars.endIndex]) }
        return out
    }

    /// A label without its leading ordinals and "其中：": "其中:(1)公务用车购置" → "公务用车购置".
    /// Works on keyed text (half-width, no spaces).
    static func stripOrdinals(_ label: String) -> String {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零"]
        var s = Substring(label)
        while true {
            let before = s
            if s.hasPrefix("其中") { s = s.dropFirst(2).drop { $0 == ":" || $0 == "，" || $0 == "," } }
            // "一、" "十二、"
            let cn = s.prefix { numerals.contains($0) }
            if !cn.isEmpty, let next = s.dropFirst(cn.count).first, next == "、" || next == "." {
                s = s.dropFirst(cn.count + 1)
            }
            // "(一)" "(1)"
            if s.first == "(", let close = s.firstIndex(of: ")") {
                let inner = s[s.index(after: s.startIndex)..<close]
                if !inner.isEmpty && inner.count <= 3
                    && inner.allSatisfy({ numerals.contains($0) || ($0.isASCII && $0.isNumber) }) {
                    s = s[s.index(after: close)...]
                }
            }
            // "1." "1、" (not "1.5", not a code)
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty && digits.count <= 2 {
                let rest = s.dropFirst(digits.count)
                if let sep = rest.first, sep == "、" || (sep == "." && !(rest.dropFirst().first?.isNumber ?? false)) {
                    s = rest.dropFirst()
                }
            }
            if s == before { break }
        }
        return String(s)
    }

    /// `s` in Chinese quotation marks, with quotes inside it turned into single ones: “‘三公’经费情况说明”.
    static func quoted(_ s: String) -> String {
        "“" + s.replacing("“", with: "‘").replacing("”", with: "’") + "”"
    }
}
