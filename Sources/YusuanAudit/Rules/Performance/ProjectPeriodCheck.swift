import YusuanCore

/// PRJ-007: 项目起始时间 / 项目终止时间 read as dates or years, in order, and a one-year project starting in the budget year.
enum ProjectPeriodCheck {
    /// What a period field holds.
    enum Value: Equatable {
        /// A date or a year; missing parts are nil.
        case date(year: Int, month: Int?, day: Int?)
        /// A length of time ("1 年", "12个月").
        case duration(String)
        case other
    }

    /// Reads "2022 年", "2022-01-01", "2022年1月", "2022.12"; "1 年" is a duration.
    static func read(_ raw: String) -> Value {
        let s = TextNormalization.key(raw)
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
            // Four ASCII digits (each character here is one, "0"…"9") read as the year they spell: what
            // `Int(String(chars[i..<j]))` gave for a run of four, without making the string.
            if j - i == 4, case let y = chars[i..<j].reduce(0, { $0 * 10 + Int($1.asciiValue ?? 0x30) - 0x30 }),
               (1990...2099).contains(y) {
                let nums = numbers(after: chars[j...])
                let month = nums.first.flatMap { (1...12).contains($0) ? $0 : nil }
                let day = month != nil && nums.count > 1 && (1...31).contains(nums[1]) ? nums[1] : nil
                return .date(year: y, month: month, day: day)
            }
            i = j
        }
        if ["年", "月", "天", "日"].contains(where: { s.contains($0) }) && s.count <= 8 { return .duration(raw.trimmed) }
        return .other
    }

    /// Up to two numbers after a year ("-01-15", "年1月", ".12").
    static func numbers<C: Collection<Character>>(after chars: C) -> [Int] {
        var out: [Int] = []
        var current = ""
        for c in chars.prefix(8) {
            if c.isASCII && c.isNumber { current.append(c); continue }
            if !current.isEmpty { out.append(Int(current) ?? 0); current = "" }
            if !["年", "月", "日", "-", ".", "/"].contains(c) { break }
        }
        if !current.isEmpty { out.append(Int(current) ?? 0) }
        return Array(out.prefix(2))
    }

    static func isOneYear(_ v: Value) -> Bool {
        guard case .duration(let t) = v else { return false }
        let k = TextNormalization.key(t)
        return ["1年", "一年", "12个月", "1年度"].contains(k)
    }

    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        var findings: [Finding] = []
        var applicable = false
        for form in PerformanceForm.projects(ctx) {
            let start = form.field(["起始时间", "开始时间", "起始年度", "开始年度"])
            let end = form.field(["终止时间", "结束时间", "完成时间", "终止年度", "结束年度"])
            guard start != nil || end != nil else { continue }
            applicable = true
            // What each field reads as, kept for the tests below: at most two fields, so two variables, not a
            // dictionary by label (a label that matches both lists is one field, picked as both start and end).
            var startValue: Value?, endValue: Value?
            for f in [start, end].compactMap({ $0 }) where !f.value.trimmed.isEmpty {
                let v = read(f.value)
                if f.label == start?.label { startValue = v }
                if f.label == end?.label { endValue = v }
                switch v {
                case .date: break
                case .duration:
                    findings.append(rule.finding(form.location(f), expected: "日期或年份", found: f.value,
                        message: "\(form.shortName)的“\(f.label)”填的是“\(f.value)”，这是期限，不是日期或年份。",
                        english: "\(form.shortNameEnglish): “\(f.label)” reads “\(f.value)”, a duration, not a date or a year."))
                case .other:
                    findings.append(rule.finding(form.location(f), expected: "日期或年份", found: f.value,
                        message: "\(form.shortName)的“\(f.label)”填的是“\(f.value)”，不能读作日期或年份。",
                        english: "\(form.shortNameEnglish): “\(f.label)” reads “\(f.value)”, which is not a date or a year."))
                }
            }
            guard let s = start, case .date(let sy, let sm, let sd)? = startValue else { continue }
            let e = end.flatMap { f in endValue.map { (f, $0) } }
            if case let (ef, .date(ey, em, ed))? = e, (ey, em ?? 12, ed ?? 31) < (sy, sm ?? 1, sd ?? 1) {
                findings.append(rule.finding(form.location(ef), expected: "不早于 \(s.value)", found: ef.value,
                    message: "\(form.shortName)的项目终止时间“\(ef.value)”早于起始时间“\(s.value)”。",
                    english: "\(form.shortNameEnglish): the end “\(ef.value)” is before the start “\(s.value)”."))
                continue
            }
            var oneYear = false
            if let v = e?.1 {
                if case .date(let ey, _, _) = v { oneYear = ey == sy } else { oneYear = isOneYear(v) }
            }
            if let term = form.field(["项目期限"]) { oneYear = oneYear || isOneYear(read(term.value)) }
            if oneYear, let year = ctx.year, sy != year {
                findings.append(rule.finding(form.location(s), expected: "\(year) 年", found: s.value,
                    message: "\(form.shortName)是一年期项目，起始时间“\(s.value)”却不在预算年度 \(year) 年。",
                    english: "\(form.shortNameEnglish) is a one-year project, but its start “\(s.value)” is not in the budget year \(year)."))
            }
        }
        return applicable ? .ran(findings) : .notApplicable(reason: "no project form prints 项目起始时间 or 项目终止时间")
    }
}
