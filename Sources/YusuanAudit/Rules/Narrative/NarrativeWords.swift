import YusuanCore

/// The words around figures: comparisons, directions, reasons, absence, relations.
enum NarrativeWords {
    static let up = ["增加", "增长", "上升", "提高", "新增", "调增", "追加", "增支", "调为", "调整为", "调入", "转为", "转入"]
    static let down = ["减少", "下降", "降低", "调减", "压减", "核减", "减支", "缩减", "节约", "调出", "转出", "减"]
    static let flat = ["持平", "一样", "相同", "不变", "一致", "无变化", "没有变化", "未变化"]
    static let rateUp = ["增长率", "增幅", "增长幅度", "增长", "上升", "增加", "提高"]
    static let rateDown = ["下降率", "降幅", "下降幅度", "下降", "降低", "减少", "减"]
    static let fillers = ["共计", "了", "约", "达", "为", "共", "计", "额"]
    static let reasonMarkers = ["主要原因", "原因", "主要是", "主要由于", "主要系", "由于"]
    static let notAbsence: [NarrativeChar] = ["法", "偿", "论", "需", "关", "形", "效", "误", "限", "疑", "须"]
    static let reasonMarkerChars = reasonMarkers.map(NarrativeChar.array)
    static let absenceWords = ["未安排", "未发生", "未使用", "没有"].map(NarrativeChar.array)
    static let stopWords = ["(类)", "(款)", "(项)", "采购", "费用", "预计", "用", "年初预算数", "年初预算", "预算数", "决算数", "本年度", "本年", "当年", "全年", "年度", "年初",
                            "一般公共预算", "政府性基金", "国有资本经营", "财政拨款", "拨款", "预算", "决算", "合计", "总计",
                            "总额", "金额", "安排", "涉及", "资金", "本部门", "本单位", "部门", "单位", "实际", "完成",
                            "执行", "支出", "其中", "全部", "规模", "数额", "达到", "数", "为", "是", "共", "计", "的",
                            "了", "达", "约", "中", "年", "度", "总", "(", ")"]

    /// Each stop-word's `firstScalarBit`, for `namesNothing`.
    static let stopWordBits = stopWords.map(firstScalarBit)

    /// The scalars of `s` as a set of bits (each value's low six bits): a word whose `firstScalarBit` is not in it
    /// does not occur in `s`.
    static func scalarBits(_ s: String) -> UInt64 {
        var bits: UInt64 = 0
        for u in s.unicodeScalars { bits |= 1 << UInt64(u.value & 63) }
        return bits
    }

    static func firstScalarBit(_ w: String) -> UInt64 { w.unicodeScalars.first.map { 1 << UInt64($0.value & 63) } ?? 0 }

    /// The prefix without trailing fillers ("增加了" → "增加", "下降为" → "下降").
    static func trimmed(_ s: String) -> String {
        // Most prefixes end with no filler: told by one `SuffixWords` pass, not a `hasTextSuffix` per filler.
        guard fillerEndings.firstEnding(s) != nil else { return s }
        var t = s
        var changed = true
        while changed {
            changed = false
            for f in fillers where t.hasTextSuffix(f) && t.count > f.count {
                t = String(t.dropLast(f.count))
                changed = true
            }
        }
        return t
    }

    /// The direction word that ends `prefix` (the figure follows it directly).
    static func directionEnding(_ prefix: String) -> ChangeDirection? {
        let t = trimmed(prefix)
        if t.hasTextSuffix("增减") { return nil }
        if upEndings.firstEnding(t) != nil { return .up }
        if downEndings.firstEnding(t) != nil { return .down }
        return nil
    }

    /// `up`, `down`, `rateUp` and `rateDown` as suffixes, each word's bytes made once (asked for every figure).
    static let upEndings = SuffixWords(up), downEndings = SuffixWords(down)
    static let fillerEndings = SuffixWords(fillers)
    static let rateUpEndings = SuffixWords(rateUp), rateDownEndings = SuffixWords(rateDown)

    /// A reason without its trailing words ("公务接待费用的降低" → "公务接待费用的降低", "经费增加所致" → "经费增加").
    static func withoutTrailers(_ s: String) -> String {
        var t = s
        for w in ["所致", "导致", "造成", "等", ")"] where t.hasTextSuffix(w) { t = String(t.dropLast(w.count)) }
        return t
    }

    /// The words before the direction word that ends `prefix` ("收入较去年增加" → "收入较去年").
    static func beforeDirection(_ prefix: String) -> String {
        let t = trimmed(prefix)
        guard let w = (up + down).filter({ t.hasTextSuffix($0) }).max(by: { $0.count < $1.count }) else { return t }
        return String(t.dropLast(w.count))
    }

    static func rateEnding(_ prefix: String) -> ChangeDirection? {
        let t = trimmed(prefix)
        if rateUpEndings.firstEnding(t) != nil { return .up }
        if rateDownEndings.firstEnding(t) != nil { return .down }
        return nil
    }

    /// The sign word nearest a listed reason's figure: before it, else after it ("13 万元调为项目支出").
    static func componentSign(before: String, after: String) -> ChangeDirection? {
        func last(_ s: String) -> (Int, ChangeDirection)? {
            let plain = TextNormalization.isPlainCJK(s)
            // In plain text a word occurs only where its first scalar does (a byte match): skip the others.
            let held = plain ? scalarBits(s) : ~0
            var best: (Int, ChangeDirection)?
            for (words, d) in [(up, ChangeDirection.up), (down, .down)] {
                for w in words where held & firstScalarBit(w) != 0 { if let p = position(of: w, in: s, plain: plain, backwards: true) {
                    if best == nil || p > (best?.0 ?? 0) { best = (p, d) }
                } }
            }
            return best
        }
        func first(_ s: String) -> ChangeDirection? {
            let plain = TextNormalization.isPlainCJK(s)
            let held = plain ? scalarBits(s) : ~0
            var best: (Int, ChangeDirection)?
            for (words, d) in [(up, ChangeDirection.up), (down, .down)] {
                for w in words where held & firstScalarBit(w) != 0 { if let p = position(of: w, in: s, plain: plain) {
                    if best == nil || p < (best?.0 ?? 0) { best = (p, d) }
                } }
            }
            return best?.1
        }
        return last(before)?.1 ?? first(after)
    }

    /// Where the first (or last) `w` starts in `s`, as a number that orders the matches of words in the same `s`:
    /// a byte offset when `s` is plain (`TextNormalization.isPlainCJK`; the words here are Chinese characters that
    /// no other character equals, so a byte match is Foundation's match), else Foundation's match in characters.
    static func position(of w: String, in s: String, plain: Bool, backwards: Bool = false) -> Int? {
        if plain { return s.utf8Offset(of: w, backwards: backwards) }
        return s.range(of: w, options: backwards ? .backwards : []).map { s.distance(from: s.startIndex, to: $0.lowerBound) }
    }

    static func isFlat(_ s: String) -> Bool { flat.contains { s.contains($0) } }

    /// Where the reasons for a change begin in a clause ("主要是…", "…的主要原因是…"): the least of the markers'
    /// first occurrences. Each marker's search stops at its first hit, and no array is made (one of every marker's
    /// occurrences and one of their firsts, per clause, cost about 1,000 releases a seed audit).
    static func reasonStart(_ chars: [NarrativeChar]) -> Int? {
        var least: Int?
        for marker in reasonMarkerChars {
            if let i = NarrativeVocabulary.firstOccurrence(marker, in: chars), least.map({ i < $0 }) ?? true { least = i }
        }
        return least
    }

    /// Offsets just after each word saying something is absent: "无", "未安排", "没有".
    /// Each word's ends are appended one by one and sorted only when there are two or more: an array of each
    /// word's ends appended to the others, and the sorted copy, cost about 1,100 releases a seed audit (most
    /// clauses hold no such word).
    static func absence(_ chars: [NarrativeChar]) -> [Int] {
        var out: [Int] = []
        for (k, c) in chars.enumerated() where c == "无" {
            if k + 1 < chars.count && notAbsence.contains(chars[k + 1]) { continue }
            out.append(k + 1)
        }
        for w in absenceWords {
            for start in NarrativeVocabulary.occurrences(w, in: chars) { out.append(start + w.count) }
        }
        return out.count > 1 ? out.sorted() : out
    }

    /// "决算数小于预算数", "决算数与预算数持平".
    static func relation(_ s: String) -> PhaseRelation? {
        let plain = TextNormalization.isPlainCJK(s)
        guard let f = position(of: "决算", in: s, plain: plain), let b = position(of: "预算", in: s, plain: plain) else { return nil }
        let finalFirst = f < b
        let words: [(String, PhaseRelation.Kind)] = [("大于", .greater), ("高于", .greater), ("超过", .greater), ("多于", .greater),
                                                     ("超出", .greater), ("小于", .less), ("低于", .less), ("少于", .less), ("等于", .equal)]
        for (w, k) in words where s.contains(w) { return PhaseRelation(kind: k, finalFirst: finalFirst) }
        if s.contains("与") && isFlat(s) {
            let hedged = ["基本", "大致", "大体", "略"].contains { s.contains($0) }
            return PhaseRelation(kind: .equal, finalFirst: finalFirst, approximately: hedged)
        }
        return nil
    }

    /// Whether nothing but stop-words, years and punctuation stands before a figure, so that it
    /// continues the topic already open ("2022年年初预算数", "涉及一般公共预算当年财政拨款").
    static func namesNothing(_ prefix: String, department: String?) -> Bool {
        var t = prefix
        if let d = department.map(NarrativeText.normalise), !d.isEmpty { t = t.replacingAll(d, with: "") }
        // Removing a word never brings in a scalar the text did not hold, so a word whose first scalar the text
        // lacks (by its value's low six bits) cannot occur at any step: skip it instead of searching for it.
        let held = scalarBits(t)
        for (w, bit) in zip(stopWords, stopWordBits) where held & bit != 0 { t = t.replacingAll(w, with: "") }
        return !t.contains { !($0.isASCII || $0.isPunctuation || $0.isWhitespace) }
    }
}
