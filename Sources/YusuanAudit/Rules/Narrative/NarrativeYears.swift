import YusuanCore

/// NAR-004: the years the narrative names — the year compared with, "截止 YYYY 年 12 月", heading years.
/// Years inside citations (文号 〔2019〕, "2020 年市信访办《关于…》") are never read: only these three shapes are.
enum NarrativeYears {
    static func check(_ ctx: AuditContext, rule: Rule) -> RuleOutcome {
        guard let year = ctx.year, !ctx.disclosure.narrative.isEmpty else {
            return .notApplicable(reason: "no narrative, or the document's year is unknown")
        }
        let look = NarrativeLookup(ctx)
        let blocks = ctx.narrativeBlocks
        let phase = ctx.disclosure.phase
        return .ran(comparisons(look, year: year, phase: phase, rule: rule)
            + cutoffs(blocks, year: year, phase: phase, rule: rule) + headings(blocks, year: year, phase: phase, rule: rule))
    }

    /// In a 预算 the year compared with is the year before; a 决算 may also compare with its own year's 预算.
    static func fits(_ y: Int, year: Int, phase: Phase) -> Bool {
        phase == .budget ? y == year - 1 : (y == year || y == year - 1)
    }

    static func comparisons(_ look: NarrativeLookup, year: Int, phase: Phase, rule: Rule) -> [Finding] {
        var out: [Finding] = []
        var seen = Set<String>()
        for s in look.statements {
            guard let b = s.base, let y = b.statedYear, !fits(y, year: year, phase: phase),
                  seen.insert("\(s.sentenceIndex)|\(b.text)").inserted else { continue }
            let others = Set(look.statements.filter { $0.block == s.block }.compactMap { $0.base?.statedYear }
                .filter { fits($0, year: year, phase: phase) })
            let otherZh = others.count == 1 ? "（本段其他比较均为 \(others.first ?? 0) 年）" : ""
            let otherEn = others.count == 1 ? " (every other comparison in the paragraph says \(others.first ?? 0))" : ""
            let expected = phase == .budget ? "\(year - 1)" : "\(year - 1) / \(year)"
            let zh = phase == .budget
                ? "情况说明\(s.quoted)与 \(y) 年比较，但 \(year) 年预算的“上年”是 \(year - 1) 年\(otherZh)。"
                : "情况说明\(s.quoted)与 \(y) 年比较，但 \(year) 年决算应与上年（\(year - 1) 年）或本年预算比较\(otherZh)。"
            let en = "The narrative compares with \(y) (\(s.clause)), but the \(year) \(phase == .budget ? "budget" : "outturn") "
                + "should compare with \(phase == .budget ? "\(year - 1)" : "\(year - 1) or its own budget")\(otherEn)."
            out.append(rule.finding(look.location(s), expected: expected, found: "\(y)", message: zh, english: en))
        }
        return out
    }

    /// "截止2021年12月" / "截至2021年底": the end of the year before a 预算, of the year of a 决算.
    static func cutoffs(_ blocks: [NarrativeBlock], year: Int, phase: Phase, rule: Rule) -> [Finding] {
        var out: [Finding] = []
        let expected = phase == .budget ? year - 1 : year
        for c in blocks.flatMap({ $0.sentences.flatMap(\.clauses) }) {
            // Only a clause that says 截止 or 截至 (a byte search) is read into tokens.
            guard c.text.contains("截止") || c.text.contains("截至") else { continue }
            let chars = NarrativeChar.array(c.text)
            let tokens = NarrativeTokens.scan(chars)
            for w in ["截止", "截至"] {
                for at in NarrativeVocabulary.occurrences(NarrativeChar.array(w), in: chars) {
                    guard let t = tokens.first(where: { $0.start == at + 2 && ($0.kind == .year || $0.kind == .date) }) else { continue }
                    let rest = chars[t.end...].text
                    let yearEnd = t.kind == .date ? chars[t.start..<t.end].text.hasSuffix("12月")
                        : rest.hasPrefix("底") || rest.hasPrefix("末") || rest.hasPrefix("年底")
                    let y = Int(t.value.mantissa)
                    guard yearEnd, y != expected else { continue }
                    let words = chars[at..<t.end].text
                    out.append(rule.finding(
                        FindingLocation(table: "情况说明", row: words, source: c.location), expected: "\(expected)", found: "\(y)",
                        message: "情况说明「\(c.text)」写“\(words)”，\(year) 年\(phase.rawValue)应截至 \(expected) 年年末。",
                        english: "The narrative counts “as of the end of \(y)” (\(c.text)); a \(year) \(phase == .budget ? "budget" : "outturn") counts as of the end of \(expected)."))
                }
            }
        }
        return out
    }

    /// A heading or title line ("2022年部门预算情况说明") names the document's year.
    static func headings(_ blocks: [NarrativeBlock], year: Int, phase: Phase, rule: Rule) -> [Finding] {
        var out: [Finding] = []
        // The words first: few paragraphs hold them, and the length test steps over characters (for the others,
        // 61 of them).
        for b in blocks where b.isHeading || ((b.text.contains("情况说明") || b.text.hasSuffix("表")) && !b.text.contains(",")
                                              && b.text.hasAtMost(characters: 60)) {
            let t = b.text
            if ["比", "较", "对比", "执行", "上年"].contains(where: t.contains) { continue }
            guard let tok = NarrativeTokens.scan(NarrativeChar.array(t)).first(where: { $0.kind == .year }) else { continue }
            let y = Int(tok.value.mantissa)
            if y == year || phase == .budget && y == year - 1 && t.contains("决算") { continue }
            out.append(rule.finding(
                FindingLocation(table: "情况说明", row: t, source: b.location), expected: "\(year)", found: "\(y)",
                message: "情况说明标题「\(t)」写 \(y) 年，本文件是 \(year) 年\(phase.rawValue)。",
                english: "The heading “\(t)” names \(y), but the document is the \(year) \(phase == .budget ? "budget" : "outturn")."))
        }
        return out
    }
}
