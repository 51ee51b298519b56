import YusuanCore

/// Recognises table titles, attachment markers and unit lines.
enum TableTitles {
    /// Keywords → kind, most specific first. A title must contain every word of an entry.
    static let patterns: [([String], TableKind)] = [
        (["整体绩效"], .overallPerformance),
        (["绩效目标"], .projectPerformance),
        (["绩效"], .projectPerformance),
        (["三公"], .threePublic),
        (["政府采购"], .procurement),
        (["国有资本经营"], .stateCapitalExpenditure),
        (["政府性基金"], .govFundExpenditure),
        (["财政拨款收支"], .fiscalSummary),
        (["财政拨款收入支出"], .fiscalSummary),
        (["收支总表"], .budgetSummary),
        (["收入支出决算总表"], .budgetSummary),
        (["收支决算总表"], .budgetSummary),
        (["收支预算总表"], .budgetSummary),
        (["收入预算总表"], .revenueSummary),
        (["支出预算总表"], .expenditureSummary),
        (["收入支出总表"], .budgetSummary),
        (["收入总表"], .revenueSummary),
        (["收入预算表"], .revenueSummary),
        (["收入决算表"], .revenueSummary),
        (["支出总表"], .expenditureSummary),
        (["基本支出"], .basicExpenditure),
        (["项目支出"], .projectList),
        (["项目明细"], .projectList),
        (["一般公共预算", "支出"], .generalExpenditure),
        (["财政专户"], .other),
        (["支出预算表"], .expenditureSummary),
        (["支出决算表"], .expenditureSummary),
    ]

    /// The kind a title names, if it reads as a table title.
    static func kind(of raw: String) -> TableKind? {
        // `key` keeps "。" as it is, so a sentence (most lines of running text) is rejected before it is keyed.
        if raw.containsText("。") { return nil }
        // A title ends with 表 (the suffix test below): a line without it is not keyed.
        guard TextNormalization.mayHoldIdeograph(raw, tableIdeograph) else { return nil }
        let t = TextNormalization.key(raw)
        // Plain text (`TextNormalization.isPlainCJK`) has one character per scalar: counted without grapheme breaking.
        let count = TextNormalization.isPlainCJK(t) ? t.unicodeScalars.count : t.count
        guard count >= 4, count <= 90, !t.containsText("。") else { return nil }
        let body = stripContinuation(t)
        guard body.hasTextSuffix("表") || body.hasTextSuffix("统计表") || body.hasTextSuffix("情况表") else { return nil }
        for (words, kind) in patterns where words.allSatisfy({ body.contains($0) }) {
            return kind
        }
        return nil
    }

    /// "…总表（续）" → "…总表".
    static func stripContinuation(_ t: String) -> String {
        var s = t
        for suffix in ["(续)", "(续表)", "续表", "(续前)"] where s.hasTextSuffix(suffix) {
            s = String(s.dropLast(suffix.count))
        }
        return s
    }

    /// "附件 1", "附件12-3：…", "附表1", "表 1" at the start of a line: the number and what follows.
    static func marker(_ raw: String) -> (number: String, rest: String)? {
        guard mayStartMarker(raw) else { return nil }
        let t = TextNormalization.halfWidth(raw).trimmed
        for prefix in ["附件", "附表", "表"] where t.hasTextPrefix(prefix) {
            var rest = Substring(t.dropFirst(prefix.count))
            while let f = rest.first, f == " " { rest = rest.dropFirst() }
            var num = ""
            while let f = rest.first, f.isASCII && (f.isNumber || (f == "-" && !num.isEmpty) || (f == "." && !num.isEmpty)) {
                num.append(f)
                rest = rest.dropFirst()
            }
            while num.hasSuffix("-") || num.hasSuffix(".") { num.removeLast() }
            guard !num.isEmpty else { continue }
            var r = String(rest).trimmed
            while let f = r.first, [":", "：", "、", ".", " "].contains(f) { r = String(r.dropFirst()).trimmed }
            if prefix == "表" && !r.isEmpty && kind(of: r) == nil { continue }
            return (num.replacingAll(".", with: "-"), r)
        }
        return nil
    }

    /// False when `marker(raw)` is nil for certain. Every marker starts with 附 or 表: a text whose first scalar past
    /// white space is another CJK unified ideograph, or ASCII (as is, or full-width), cannot start with either,
    /// whatever follows it, and is rejected without mapping and trimming it whole. Only that first scalar is read,
    /// so a line's first label answers for the line's text (the labels joined), unless it is all white space.
    static func mayStartMarker(_ raw: String) -> Bool {
        guard let head = TextNormalization.firstNonSpaceScalar(raw) else { return true }
        switch head.value {
        case 0x9644, 0x8868: return true  // 附 表
        case 0x21...0x7E, 0xFF01...0xFF5E, 0x4E00...0x9FFF: return false
        default: return true
        }
    }

    static let unitIdeograph: IdeographSet = ["单"]
    /// What a unit line's key starts with, and their first scalars.
    static let unitPrefixes = ["单位", "金额单位", "(单位"]
    static let unitPrefixFirsts = TextNormalization.firstScalars(unitPrefixes)
    static let tableIdeograph: IdeographSet = ["表"]

    /// A line that only declares the unit ("单位：万元", "金额单位:元").
    static func unitLine(_ cells: [String]) -> MoneyUnit? {
        unitLine(labels: cells.map { $0.trimmed }.filter { !$0.isEmpty })
    }

    /// `unitLine` of cells already trimmed, the empty ones left out.
    static func unitLine(labels: [String]) -> MoneyUnit? {
        // At most three labels but "?", counted without copying them.
        var count = 0
        for t in labels where !isQuestionMark(t) {
            count += 1
            if count > 3 { return nil }
        }
        guard count > 0 else { return nil }
        for c in labels where !isQuestionMark(c) {
            // Each prefix holds 单: a label without it, or whose first scalar starts no prefix
            // (`TextNormalization.keyMayStart`), is passed over without being keyed.
            guard TextNormalization.keyMayStart(c, withOneOf: unitPrefixFirsts),
                  TextNormalization.mayHoldIdeograph(c, unitIdeograph) else { continue }
            let k = TextNormalization.key(c)
            if unitPrefixes.contains(where: { k.hasTextPrefix($0) }) && k.count <= 12 {
                return MoneyUnit.find(in: k)
            }
        }
        return nil
    }

    /// `s == "?"`, on bytes: no other text is canonically equivalent to "?" (nothing decomposes to it and it
    /// composes with nothing), and String's `==` on a CJK label checks normalisation first.
    @inline(__always) static func isQuestionMark(_ s: String) -> Bool {
        var u = s.utf8.makeIterator()
        return u.next() == 0x3F && u.next() == nil
    }
}
