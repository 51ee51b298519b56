import Testing
import YusuanTestSupport
@testable import YusuanAudit
import YusuanCore

/// Round 32 reads each indicator's money and each indicator header's key once, reads a period's year without making
/// strings, and keeps PRJ-007's two values in two variables; each is held here to the code it replaced.
@Suite struct PerformanceReadOnceTests {
    static func row() -> Row {
        Row(code: nil, codePrinted: false, name: "", kind: .item, outline: nil, cells: [], location: SourceLocation())
    }

    /// The stored `money` is what the former computed property gave: `IndicatorMoney(unit)`.
    @Test func moneyIsTheUnitsMoney() {
        var rng = SeededRandom(seed: 32)
        var money = 0
        for _ in 0..<5_000 {
            var unit = ""
            for _ in 0..<Int.random(in: 0...4, using: &rng) { unit += IndicatorMoneyGateTests.pieces.randomElement(using: &rng) ?? "" }
            let ind = PerformanceIndicator(level1: "", level2: "", name: "", valueText: "", value: nil, op: nil, unit: unit,
                                           weight: nil, weightText: "", row: Self.row())
            let want = IndicatorMoney(unit)
            #expect(ind.money?.yuanPerUnit == want?.yuanPerUnit && ind.money?.per == want?.per, "\(unit.unicodeScalars.map { $0.value })")
            if want != nil { money += 1 }
        }
        #expect(money > 200)
    }

    /// `IndicatorColumns` as it was before (each header keyed by every pick that reached it).
    static func referenceColumns(_ table: DisclosureTable) -> [Int?] {
        var used = Set<Int>()
        func pick(_ test: (String) -> Bool) -> Column? {
            let c = table.columns.first { !used.contains($0.index) && test(TextNormalization.key($0.header)) }
            if let c { used.insert(c.index) }
            return c
        }
        let weight = pick { $0.contains("权重") || $0.contains("分值") }
        let level1 = pick { $0.contains("一级指标") }
        let level2 = pick { $0.contains("二级指标") }
        let name = pick { $0.contains("三级指标") || $0.contains("指标名称") || $0.contains("指标内容") }
            ?? table.columns.first { $0.role == .name && !used.contains($0.index) }
        if let n = name { used.insert(n.index) }
        let value = pick { $0.contains("指标值") || $0.contains("目标值") || $0.contains("标准值") }
        let op = pick { $0.contains("指标性质") || $0.contains("符号") || $0.contains("运算") }
        let unit = pick { $0.contains("度量单位") || $0.contains("计量单位") || $0 == "单位" }
        return [level1, level2, name, value, op, unit, weight].map { $0?.index }
    }

    @Test func columnsArePickedAsBefore() {
        var rng = SeededRandom(seed: 33)
        let heads = ["权重", "分值", "一级指标", "二级指标", "三级指标", "指标名称", "指标内容", "指标值", "目标值", "标准值",
                     "指标性质", "符号", "运算", "度量单位", "计量单位", "单位", "单 位", "（单位）", "合计", "", "指标　值", "指标"]
        for _ in 0..<3_000 {
            let columns = (0..<Int.random(in: 0...9, using: &rng)).map { i in
                let path = (0..<Int.random(in: 1...2, using: &rng)).map { _ in heads.randomElement(using: &rng) ?? "" }
                return Column(index: i, headerPath: path, role: Bool.random(using: &rng) ? .name : .money)
            }
            let table = DisclosureTable(kind: .projectPerformance, title: "t", attachment: nil, unit: .yuan, unitDeclared: true,
                                        columns: columns, rows: [], location: SourceLocation())
            let c = IndicatorColumns(table)
            let got = [c.level1, c.level2, c.name, c.value, c.op, c.unit, c.weight].map { $0?.index }
            #expect(got == Self.referenceColumns(table), "\(columns.map(\.headerPath))")
        }
    }

    /// `ProjectPeriodCheck.read` as it was before: the year's run made into a string and parsed.
    static func referenceRead(_ raw: String) -> ProjectPeriodCheck.Value {
        let s = TextNormalization.key(raw)
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
            let run = String(chars[i..<j])
            if run.count == 4, let y = Int(run), (1990...2099).contains(y) {
                let nums = ProjectPeriodCheck.numbers(after: Array(chars[j...]))
                let month = nums.first.flatMap { (1...12).contains($0) ? $0 : nil }
                let day = month != nil && nums.count > 1 && (1...31).contains(nums[1]) ? nums[1] : nil
                return .date(year: y, month: month, day: day)
            }
            i = j
        }
        if ["年", "月", "天", "日"].contains(where: { s.contains($0) }) && s.count <= 8 { return .duration(raw.trimmed) }
        return .other
    }

    /// Pieces of period cells: years in and out of range, runs of digits too long or short for a year, month and day
    /// numbers, their separators, full-width digits, a combining mark (which joins a digit into a non-ASCII character).
    static let periodPieces = ["2022", "2021", "1989", "2099", "2100", "20221", "202", "年", "月", "日", "天", "个", "-", ".",
                               "/", " ", "1", "12", "31", "32", "０", "２０２２", "\u{301}", "\u{3000}", "a"]

    @Test func periodsReadAsBefore() {
        var rng = SeededRandom(seed: 34)
        var dates = 0
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int.random(in: 0...5, using: &rng) { s += Self.periodPieces.randomElement(using: &rng) ?? "" }
            let got = ProjectPeriodCheck.read(s)
            #expect(got == Self.referenceRead(s), "\(s.unicodeScalars.map { $0.value })")
            if case .date = got { dates += 1 }
        }
        // Many draws read as dates, so the year's digits are compared, not only the runs that are none.
        #expect(dates > 2_000)
    }

    /// `ProjectCode.isSeparator` is the test it replaced, `"-－—_:： ".contains(c)`, including for characters that
    /// a combining mark or a variation selector joins to a separator.
    @Test func separatorsAsBefore() {
        var rng = SeededRandom(seed: 36)
        let alphabet: [Unicode.Scalar] = ["-", "－", "—", "_", ":", "：", " ", "\u{301}", "\u{FE0F}", "a", "项", "\u{3000}", "‐", "–"]
        for _ in 0..<5_000 {
            for c in rng.text(length: 1...3, from: alphabet) {
                #expect(ProjectCode.isSeparator(c) == "-－—_:： ".contains(c), "\(c.unicodeScalars.map { $0.value })")
            }
        }
    }

    /// PRJ-007's findings as the check gave them with its values kept in a dictionary by label.
    static func referenceCheck(_ ctx: AuditContext, rule: Rule) -> [Finding] {
        var findings: [Finding] = []
        for form in PerformanceForm.projects(ctx) {
            let start = form.field(["起始时间", "开始时间", "起始年度", "开始年度"])
            let end = form.field(["终止时间", "结束时间", "完成时间", "终止年度", "结束年度"])
            guard start != nil || end != nil else { continue }
            var values: [String: ProjectPeriodCheck.Value] = [:]
            for f in [start, end].compactMap({ $0 }) where !f.value.trimmed.isEmpty {
                let v = ProjectPeriodCheck.read(f.value)
                values[f.label] = v
                if case .date = v { continue }
                findings.append(rule.finding(form.location(f), expected: "日期或年份", found: f.value, message: "", english: ""))
            }
            guard let s = start, case .date(let sy, let sm, let sd)? = values[s.label] else { continue }
            let e = end.flatMap { f in values[f.label].map { (f, $0) } }
            if case let (ef, .date(ey, em, ed))? = e, (ey, em ?? 12, ed ?? 31) < (sy, sm ?? 1, sd ?? 1) {
                findings.append(rule.finding(form.location(ef), expected: "不早于 \(s.value)", found: ef.value, message: "", english: ""))
                continue
            }
            var oneYear = false
            if let v = e?.1 {
                if case .date(let ey, _, _) = v { oneYear = ey == sy } else { oneYear = ProjectPeriodCheck.isOneYear(v) }
            }
            if let term = form.field(["项目期限"]) { oneYear = oneYear || ProjectPeriodCheck.isOneYear(ProjectPeriodCheck.read(term.value)) }
            if oneYear, let year = ctx.year, sy != year {
                findings.append(rule.finding(form.location(s), expected: "\(year) 年", found: s.value, message: "", english: ""))
            }
        }
        return findings
    }

    /// Random forms, with labels that name the start, the end, both, or a "其中" line, and values that are years,
    /// dates, durations, blank or neither: the same findings (rule, place, expected and found) as the dictionary gave.
    @Test func periodFindingsAsBefore() throws {
        let rule = try #require(PerformanceRules.all.first { $0.id == "PRJ-007" })
        var rng = SeededRandom(seed: 35)
        let labels = ["项目起始时间", "项目终止时间", "项目起始时间和终止时间", "开始年度", "结束年度", "其中：起始时间", "项目期限", "项目名称"]
        let values = ["2022 年", "2021年", "2023-01-01", "2022年12月", "2022.6", "1 年", "12个月", "一年", "", "长期", "2022年1月1日"]
        var compared = 0
        for _ in 0..<1_500 {
            let fields = (0..<Int.random(in: 1...4, using: &rng)).map { i in
                FormField(label: labels.randomElement(using: &rng) ?? "", value: values.randomElement(using: &rng) ?? "",
                          location: SourceLocation(line: 10 + i))
            }
            let table = DisclosureTable(kind: .projectPerformance, title: "重庆市某区某局2022年区级预算绩效目标申报表", attachment: "12-1",
                                        unit: .wanYuan, unitDeclared: true, columns: [], rows: [], location: SourceLocation(line: 9),
                                        fields: fields)
            let d = Disclosure(title: "重庆市某区某局2022年部门预算情况说明", department: nil, year: 2022, phase: .budget, tables: [table],
                               narrative: [], contents: [], source: "test", truncated: false)
            let ctx = AuditContext(disclosure: d, profile: nil)
            guard case .ran(let got) = ProjectPeriodCheck.check(ctx, rule: rule) else { continue }
            let want = Self.referenceCheck(ctx, rule: rule)
            #expect(got.map { [$0.rule, $0.location.row ?? "", $0.expected, $0.found] }
                    == want.map { [$0.rule, $0.location.row ?? "", $0.expected, $0.found] }, "\(fields.map { ($0.label, $0.value) })")
            compared += 1
        }
        #expect(compared > 1_000)
    }
}
