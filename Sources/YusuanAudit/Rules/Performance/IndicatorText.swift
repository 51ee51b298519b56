import YusuanCore

/// Reading the text of indicator cells: names without numbering, values with operator and unit.
enum IndicatorText {
    /// "指标 1：稳控重点人员" → "稳控重点人员"; "1.信访法制宣传" → "信访法制宣传".
    static func bareName(_ raw: String) -> String {
        var s = TextNormalization.halfWidth(raw).trimmed
        if s.hasTextPrefix("指标") {
            let rest = s.dropFirst(2).drop { $0 == " " || $0.isNumber || numerals.contains($0) }
            if let f = rest.first, f == ":" || f == "：" || f == "、" || f == "." {
                s = String(rest.dropFirst()).trimmed
            }
        }
        return TextNormalization.compactChinese(RowLabels.outline(s).rest)
    }

    static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// "≥", "≤", "=", ">", "<" for the symbols and words forms print; nil for 定性 or blank.
    static func operatorSymbol(_ raw: String) -> String? {
        let t = TextNormalization.key(raw)
        guard let f = t.unicodeScalars.first else { return nil }
        // A first scalar that settles the first character rules out every word starting with another scalar.
        let settled = settlesFirst(f)
        // A word is taken out only for an index that passes the scalar test: taking one out retains and releases
        // its two strings.
        for i in operatorFirsts.indices where !settled || operatorFirsts[i] == f.value {
            let (word, symbol) = operatorWords[i]
            if t.hasTextPrefix(word) { return symbol }
        }
        return nil
    }

    /// The words and symbols `operatorSymbol` reads, in the order it tries them.
    static let operatorWords: [(String, String)] = [
        ("≥", "≥"), ("≧", "≥"), (">=", "≥"), ("大于等于", "≥"), ("不低于", "≥"), ("不少于", "≥"),
        ("≤", "≤"), ("≦", "≤"), ("<=", "≤"), ("小于等于", "≤"), ("不高于", "≤"), ("不超过", "≤"),
        (">", ">"), ("大于", ">"), ("<", "<"), ("小于", "<"), ("=", "="), ("等于", "="),
    ]
    /// The first scalar of each of `operatorWords`, in their order.
    static let operatorFirsts: [UInt32] = operatorWords.map { $0.0.unicodeScalars.first?.value ?? 0 }

    /// The symbols `parseValue` strips from a value's start, in the order it tries them.
    static let valueSymbols = ["≥", "≧", ">=", "≤", "≦", "<=", ">", "<", "="]
    static let valueSymbolFirsts = firstScalars(valueSymbols)

    static func firstScalars(_ words: [String]) -> Set<UInt32> { Set(words.compactMap { $0.unicodeScalars.first?.value }) }

    /// False when `s` cannot start with any word whose first scalar is in `firsts`: it is empty, or its first
    /// scalar is ASCII or a CJK unified ideograph (which no other character is canonically equivalent to) and is
    /// none of `firsts`. Each word starts with such a scalar or another of no canonical decomposition, so
    /// `hasPrefix` could not be true then.
    static func mayStart(_ s: String, with firsts: Set<UInt32>) -> Bool {
        guard let f = s.unicodeScalars.first else { return false }
        return firsts.contains(f.value) || !settlesFirst(f)
    }

    /// Whether a string whose first scalar is `f` can start only with words whose first scalar is `f` (of the
    /// words here, each starting with a scalar of no canonical decomposition): `f` is ASCII or a CJK unified
    /// ideograph, which nothing composes into and no other scalar decomposes to.
    static func settlesFirst(_ f: Unicode.Scalar) -> Bool {
        f.isASCII || (0x4E00...0x9FFF).contains(f.value)
    }

    /// "≥95%" → (95, "≥", "%"); "40000" → (40000, nil, ""); "好" → (nil, nil, "").
    static func parseValue(_ raw: String) -> (value: Fixed?, op: String?, unit: String) {
        var s = TextNormalization.halfWidth(raw).trimmed
        var op: String?
        let mayHaveSymbol = mayStart(s, with: valueSymbolFirsts)
        for prefix in valueSymbols where mayHaveSymbol && s.hasPrefix(prefix) {
            op = operatorSymbol(prefix)
            s = String(s.dropFirst(prefix.count)).trimmed
            break
        }
        let numeric: Substring
        if let n = numberLength(s) {
            numeric = s[..<s.utf8.index(s.startIndex, offsetBy: n)]
        } else {
            numeric = s.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        }
        let rest = String(s[numeric.endIndex...]).trimmed
        // An ASCII number character holds a digit byte: a rest without one (most units: "%", "万元") holds none.
        let restHasDigit = TextNormalization.withBytes(rest) { $0.contains { (0x30...0x39).contains($0) } }
            && rest.contains(where: { $0.isASCII && $0.isNumber })
        guard !numeric.isEmpty, let n = NumberParser.parse(String(numeric)), !restHasDigit else { return (nil, op, "") }
        return (n.value, op, rest)
    }

    /// The number of leading ASCII digits, "." and "," of `s` (`asciiRunLength`): the characters `parseValue`'s
    /// character test takes (this runs for every indicator value). Nil when the bytes cannot tell.
    static func numberLength(_ s: String) -> Int? {
        asciiRunLength(s) { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C }
    }

    /// The number of leading bytes of `s` that `accepts` (ASCII bytes only), when the byte after them is ASCII or the
    /// end: then no combining mark joins the last of them to what follows, so they are as many characters, each
    /// the one its byte spells, and a character test on them needs no character walk. Nil otherwise.
    static func asciiRunLength(_ s: String, _ accepts: (UInt8) -> Bool) -> Int? {
        TextNormalization.withBytes(s) { b in
            var i = 0
            while i < b.count, accepts(b[i]) { i += 1 }
            return i == b.count || b[i] < 0x80 ? i : nil
        }
    }

    /// Numbers as a reader writes them: "6.8", "5", "39" (no trailing zeros).
    static func plain(_ f: Fixed) -> String {
        var s = f.description
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// “name”, or 「name」 when the name holds quotes itself.
    static func quoted(_ s: String) -> String {
        s.contains("“") || s.contains("”") ? "「\(s)」" : "“\(s)”"
    }

    /// Count units whose targets add up across projects (件, 人次, 名 …).
    static let countUnits: Set<String> = [
        "件", "人次", "名", "次", "场次", "场", "个", "人", "户", "家", "项", "册", "份", "套", "台", "期",
        "批", "所", "条", "起", "篇", "户次", "家次", "个次", "宗", "批次", "人/次",
    ]
}

/// A money unit of an indicator: "万元", "元", "万元/年", "元/人" (a unit price).
struct IndicatorMoney {
    /// 元 in one printed unit (1 for 元, 10000 for 万元).
    var yuanPerUnit: Int64
    /// What follows "/" ("年", "人"); nil when none.
    var per: String?

    init?(_ unit: String) {
        // Every unit of `multipliers` holds 元, and keying writes no ideograph: a unit that cannot hold it (most
        // indicators': "%", "人", "个"), found in one pass over its bytes, is none, without being keyed and split.
        guard TextNormalization.mayHoldIdeograph(unit, Self.yuanIdeograph) else { return nil }
        let k = TextNormalization.key(unit).replacingAll("／", with: "/")
        // Split by bytes where each "/" byte is a "/" character (most units); by characters otherwise.
        let bySlashBytes = TextNormalization.isPlainCJK(k) || !TextNormalization.withBytes(k) { $0.contains(0x2F) }
        let split: (head: String, per: String?)?
        if bySlashBytes {
            split = Self.slashParts(k)
        } else {
            let parts = k.split(separator: "/", maxSplits: 1).map(String.init)
            split = parts.first.map { ($0, parts.count > 1 ? parts[1] : nil) }
        }
        guard let split, let m = Self.multipliers[split.head] else { return nil }
        yuanPerUnit = m
        per = split.per
    }

    /// `k.split(separator: "/", maxSplits: 1)` read off the bytes (empty parts left out, as `split` leaves them), as
    /// its first part and its second if any (no array made: this runs for each indicator's unit each time a rule
    /// asks for its money); nil when `split` gives none. What `split` gives when each "/" byte of `k` is a "/"
    /// character — `k` plain (`TextNormalization.isPlainCJK`: each scalar a character) or without one.
    static func slashParts(_ k: String) -> (head: String, per: String?)? {
        TextNormalization.withBytes(k) { b in
            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
            var i = 0
            while i < b.count && b[i] == 0x2F { i += 1 }
            guard i < b.count else { return nil }
            var j = i
            while j < b.count && b[j] != 0x2F { j += 1 }
            return (text(i..<j), j + 1 < b.count ? text((j + 1)..<b.count) : nil)
        }
    }

    /// 元 in one of each unit.
    static let multipliers: [String: Int64] = ["元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000]
    /// The ideograph every unit of `multipliers` holds.
    static let yuanIdeograph: IdeographSet = ["元"]

    /// A total (元, 万元, 万元/年), not a unit price (元/人, 元/平方米).
    var isTotal: Bool { per == nil || per == "年" || per == "项目" || per == "项" }

    /// `value` printed in this unit, as a figure in 元, 万元 or 亿元.
    func figure(_ value: Fixed) -> Figure? {
        switch yuanPerUnit {
        case 1: return Figure(value, unit: .yuan)
        case 10_000: return Figure(value, unit: .wanYuan)
        case 100_000_000: return Figure(value, unit: .yiYuan)
        default:
            let (m, overflow) = value.mantissa.multipliedReportingOverflow(by: yuanPerUnit)
            return overflow ? nil : Figure(Fixed(mantissa: m, scale: value.scale), unit: .yuan)
        }
    }
}

/// Project codes ("50015222T000000113935"): reading them off a name and describing their shape.
enum ProjectCode {
    /// Splits "50015222T000000113935-潼南区…专项" into code and name; no code when the name does not start with one.
    static func split(_ raw: String) -> (code: String?, name: String) {
        let s = TextNormalization.halfWidth(raw).trimmed
        let head: Substring, rest: Substring
        if let n = asciiCodeLength(s) {
            // No code has fewer than 8 characters; else the head is those bytes, each a character of its own.
            guard n >= 8 else { return (nil, s) }
            let end = s.utf8.index(s.startIndex, offsetBy: n)
            head = s[..<end]
            rest = s[end...]
        } else {
            head = s.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
            rest = s.dropFirst(head.count)
        }
        let separated = rest.isEmpty || rest.first.map(isSeparator) == true
        guard looksLikeCode(String(head)), separated else { return (nil, s) }
        let name = rest.drop(while: isSeparator)
        return (String(head), String(name).trimmed)
    }

    /// A character that may stand between a code and its name: one of "-－—_:： " (compared one by one, not by
    /// stepping through the characters of that string for each character tested).
    static func isSeparator(_ c: Character) -> Bool {
        switch c {
        case "-", "－", "—", "_", ":", "：", " ": return true
        default: return false
        }
    }

    /// The number of leading ASCII letters and digits of `s` (`asciiRunLength`): the characters `split`'s character
    /// test takes. Nil when the bytes cannot tell.
    static func asciiCodeLength(_ s: String) -> Int? {
        IndicatorText.asciiRunLength(s) { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }

    /// At least 8 characters, at least 6 digits, ASCII letters and digits only. Read on the bytes: such a text has
    /// one character per byte, and any other byte is no ASCII letter or digit (per-character tests cost 0.35 M
    /// instructions an audit).
    static func looksLikeCode(_ s: String) -> Bool {
        TextNormalization.withBytes(s) { b in
            guard b.count >= 8 else { return false }
            var digits = 0
            for c in b {
                switch c {
                case 0x30...0x39: digits += 1
                case 0x41...0x5A, 0x61...0x7A: continue
                default: return false
                }
            }
            return digits >= 6
        }
    }

    /// "DDDDDDDDLDDDDDDDDDDDD": digit and letter positions.
    static func shape(_ code: String) -> String {
        // A code of ASCII bytes but CR (each byte a character of its own, a number exactly when it is a digit) is
        // read on its bytes; any other by characters.
        if TextNormalization.bytesAreCharacters(code) {
            return String(decoding: code.utf8.map { (0x30...0x39).contains($0) ? UInt8(ascii: "D") : UInt8(ascii: "L") }, as: UTF8.self)
        }
        return String(code.map { $0.isNumber ? "D" : "L" })
    }

    /// "8 位数字 + 字母 + 12 位数字" and its English twin.
    static func describe(_ code: String) -> (zh: String, en: String) {
        var runs: [(Character, Int)] = []
        for c in shape(code) {
            if let last = runs.last, last.0 == c { runs[runs.count - 1].1 += 1 } else { runs.append((c, 1)) }
        }
        let zh = runs.map { c, n in c == "D" ? "\(n) 位数字" : (n == 1 ? "字母" : "\(n) 位字母") }
        let en = runs.map { c, n in c == "D" ? "\(n) digit\(n == 1 ? "" : "s")" : (n == 1 ? "a letter" : "\(n) letters") }
        return (zh.joined(separator: " + "), en.joined(separator: " + "))
    }

    /// The administrative division prefix: the first 6 characters when they are digits.
    static func region(_ code: String) -> String? {
        let p = code.prefix(6)
        return p.count == 6 && p.allSatisfy(\.isNumber) ? String(p) : nil
    }
}
