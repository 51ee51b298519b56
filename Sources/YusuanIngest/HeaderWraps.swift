import YusuanCore

/// Joins a header cell's text wrapped over two printed lines ("2021年预" over "算数", "人员性项" over
/// "目") in space-aligned header lines (a PDF's, `pdftotext -layout`'s). The lower piece continues
/// the upper one when each lies under the other alone, and the words read as one: a term that the
/// line break cuts ("预|算", "项|目", "合|计"), a single character that is no code heading, or a
/// bracket closed before the break ("因公出国（境）" + "费用"). A sub-heading under a heading
/// ("2022年预算数" over "基本支出") is no such cut and stays a line of its own. A PDF's lines say
/// themselves which cells were printed at line spacing under the cell above (`RawLine.wraps`):
/// those are joined whatever the words, over as many lines as the heading takes ("国有资本" /
/// "经营预算" / "拨款").
enum HeaderWraps {
    /// Words of budget table headings; a line break inside one of them is a wrap.
    static let terms = ["预算", "决算", "项目", "支出", "收入", "合计", "小计", "总计", "经费", "费用", "拨款", "补助",
                        "基金", "结转", "结余", "资金", "指标", "性质", "单位", "名称", "编码", "代码", "科目", "金额",
                        "执行", "调整", "公用", "人员", "商品", "服务", "资本", "附属", "上级", "下级", "上缴", "运行",
                        "维护", "购置", "接待", "出国", "财政", "专项", "配套", "下达", "年初", "年末", "本年", "上年",
                        "经营", "事业", "其他", "福利", "工资", "保障", "政府", "采购", "公务", "用车", "完成", "比例",
                        "增减", "幅度", "度量", "权重", "基本", "分类", "功能", "经济", "收益", "使用", "分配", "缴费",
                        "结转和结余"]

    static func join(_ lines: [RawLine]) -> [RawLine] {
        // Space-aligned text without line spacing: cells broken over lines with others between.
        var out = HeaderStacks.join(lines)
        var i = 0
        while i + 1 < out.count {
            let upper = out[i], lower = out[i + 1]
            guard let us = upper.spans, let ls = lower.spans, us.count == upper.cells.count, ls.count == lower.cells.count,
                  upper.location.page == lower.location.page else { i += 1; continue }
            var newUpper = upper
            var removed: Set<Int> = []
            for (b, bSpan) in ls.enumerated() where !lower.cells[b].trimmed.isEmpty {
                let above = us.indices.filter { !upper.cells[$0].trimmed.isEmpty && overlaps(us[$0], bSpan) }
                guard above.count == 1, let a = above.first else { continue }
                let below = ls.indices.filter { !lower.cells[$0].trimmed.isEmpty && overlaps(us[a], ls[$0]) }
                guard below == [b], isWrap(newUpper.cells[a], lower.cells[b]) || wraps(lower, b) else { continue }
                append(lower.cells[b], span: bSpan, to: &newUpper, at: a)
                removed.insert(b)
            }
            out[i] = newUpper
            out[i + 1] = removing(removed, from: lower)
            // A PDF's cell wrapped over three lines: its third line lies under the second, which
            // has just joined the first; nothing of the line between is above it.
            if out[i + 1].wraps != nil { joinFurther(&out, below: i + 1) }
            if out[i + 1].isBlank { out.remove(at: i + 1) } else { i += 1 }
        }
        // Space-aligned text: headings of repeated groups printed among the higher levels.
        return HeaderGroups.relevel(out)
    }

    /// Whether a PDF line's cell `k` was printed as the next line of the cell above it.
    static func wraps(_ line: RawLine, _ k: Int) -> Bool {
        guard let w = line.wraps, w.count == line.cells.count, k < w.count else { return false }
        return w[k]
    }

    static func append(_ text: String, span: Range<Int>, to line: inout RawLine, at a: Int) {
        line.cells[a] = line.cells[a].trimmed + text.trimmed
        if let old = line.spans?[a] {
            line.spans?[a] = min(old.lowerBound, span.lowerBound)..<max(old.upperBound, span.upperBound)
        }
    }

    static func removing(_ removed: Set<Int>, from line: RawLine) -> RawLine {
        guard !removed.isEmpty, let spans = line.spans else { return line }
        var l = line
        let kept = line.cells.indices.filter { !removed.contains($0) }
        l.cells = kept.map { line.cells[$0] }
        l.spans = kept.map { spans[$0] }
        if let w = line.wraps, w.count == line.cells.count { l.wraps = kept.map { w[$0] } }
        return l
    }

    /// Flagged wrapped cells of line `l` whose cell above is on a line higher than `l - 1` (every
    /// line between has nothing over them): joined to that cell when each lies under the other alone.
    static func joinFurther(_ out: inout [RawLine], below l: Int) {
        let lower = out[l]
        guard let ls = lower.spans, ls.count == lower.cells.count else { return }
        var removed: Set<Int> = []
        for (b, bSpan) in ls.enumerated() where !lower.cells[b].trimmed.isEmpty && wraps(lower, b) {
            var j = l - 1
            while j >= 0 {
                let line = out[j]
                guard let us = line.spans, us.count == line.cells.count, line.location.page == lower.location.page else { break }
                let above = us.indices.filter { !line.cells[$0].trimmed.isEmpty && overlaps(us[$0], bSpan) }
                if above.isEmpty { j -= 1; continue }
                if above.count == 1, let a = above.first, j < l - 1,
                   ls.indices.filter({ !lower.cells[$0].trimmed.isEmpty && overlaps(us[a], ls[$0]) }) == [b] {
                    append(lower.cells[b], span: bSpan, to: &out[j], at: a)
                    removed.insert(b)
                }
                break
            }
        }
        out[l] = removing(removed, from: lower)
    }

    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        min(a.upperBound, b.upperBound) > max(a.lowerBound, b.lowerBound)
    }

    /// Whether `lower` reads as the rest of `upper` cut by a line break.
    static func isWrap(_ upper: String, _ lower: String) -> Bool {
        let a = Array(TextNormalization.key(upper)), b = Array(TextNormalization.key(lower))
        guard let last = a.last, let first = b.first, NumberParser.parse(lower) == nil else { return false }
        if b.count == 1 { return !["类", "款", "项"].contains(first) && !first.isNumber }
        if last == ")" && !first.isASCII { return true }
        for term in terms {
            let t = Array(term)
            for cut in 1..<t.count where a.count >= cut && b.count >= t.count - cut {
                if Array(a.suffix(cut)) == Array(t.prefix(cut)) && Array(b.prefix(t.count - cut)) == Array(t.suffix(t.count - cut)) {
                    return true
                }
            }
        }
        return false
    }
}
