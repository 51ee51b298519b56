import Testing
import YusuanCore
import YusuanIngest
import YusuanTestSupport
@testable import YusuanAudit

/// PRJ-006 (round 31: the project targets' units and names keyed once, `OverallTargetCheck.candidates`) finds what
/// the pass over every project line for every department target found, on random forms: names equal or contained,
/// count and other units, each operator, equal figures printed alike and not (the first of them is named).
@Suite struct OverallTargetCandidatesTests {
    /// PRJ-006 as it was: for each department count target, every line of every project form keyed and compared.
    static func reference(_ ctx: AuditContext, rule: Rule) -> [Finding] {
        var findings: [Finding] = []
        for form in PerformanceForm.overall(ctx) {
            for target in form.indicators {
                let unit = TextNormalization.key(target.unit)
                guard let value = target.value, IndicatorText.countUnits.contains(unit),
                      OverallTargetCheck.atLeast.contains(target.op ?? "=") else { continue }
                var matches: [(PerformanceForm, PerformanceIndicator, Fixed)] = []
                for p in PerformanceForm.projects(ctx) {
                    for ind in p.indicators where TextNormalization.key(ind.unit) == unit && OverallTargetCheck.names(ind.key, target.key) {
                        guard let v = ind.value, OverallTargetCheck.atLeast.contains(ind.op ?? "=") else { continue }
                        matches.append((p, ind, v))
                    }
                }
                guard let top = matches.max(by: { $0.2 < $1.2 }), value < top.2 else { continue }
                let (p, ind, v) = top
                let location = ctx.location(form.table, row: target.row, column: form.columns.value)
                findings.append(rule.finding(
                    location, expected: "≥ \(IndicatorText.plain(v)) \(target.unit)", found: "\(IndicatorText.plain(value)) \(target.unit)",
                    message: "\(form.shortName)的整体指标“\(target.name)”为 \(IndicatorText.plain(value)) \(target.unit)，小于\(p.shortName)项目指标“\(ind.name)”的 \(IndicatorText.plain(v)) \(ind.unit)：部门整体目标应涵盖其下项目的目标。",
                    english: "The department target “\(target.name)” in \(form.shortNameEnglish) is \(IndicatorText.plain(value)) \(target.unit), less than the \(IndicatorText.plain(v)) \(ind.unit) of the project target “\(ind.name)” in \(p.shortNameEnglish); a department's target should cover its projects'."))
            }
        }
        return findings
    }

    static let names = ["化解疑难信访案件", "化解信访案件", "疑难信访案件", "业务培训", "干部业务培训", "培训"]
    static let units = ["件", "次", "场次", "人次", "分钟", "万元", " 件"]
    static let ops = ["=", "≥", "≤", ">", ""]
    static let values = ["5", "20", "25", "25.0", "30", "100"]

    /// A disclosure of one 部门整体绩效目标表 and two or three 项目绩效目标表, of random indicator lines.
    static func document(_ rng: inout SeededRandom) throws -> Disclosure {
        func pick(_ a: [String]) -> String { a[Int.random(in: 0..<a.count, using: &rng)] }
        var lines = ["重庆市某区某局 2022 年部门预算情况说明", "", "附件 11", "重庆市某区某局 2022 年部门预算整体绩效目标表", "单位：万元",
                     "部门（单位）名称\t重庆市某区某局\t\t支出预算总量\t55", "绩效指标\t指标名称\t指标权重\t计量单位\t指标性质\t指标值"]
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            lines.append(["", pick(names), "10%", pick(units), pick(ops), pick(values)].joined(separator: "\t"))
        }
        lines.append("")
        for f in 1...Int.random(in: 2...3, using: &rng) {
            lines += ["附件 12-\(f)", "重庆市某区某局 2022 年区级预算绩效目标申报表", "单位：万元",
                      "项目名称\t50015222T00000010000\(f)-项目\(f)", "资金总额（万元）\t40\t项目属性\t新增",
                      "项目起始时间\t2022 年\t项目终止时间\t2022 年", "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t指标性质\t度量单位\t权重"]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                lines.append(["", "产出指标", "数量指标", pick(names), pick(values), pick(ops), pick(units), "30"].joined(separator: "\t"))
            }
            lines.append("")
        }
        return try Recogniser.recognise(TextReader.read(lines.joined(separator: "\n"), source: "t.txt"))
    }

    @Test func findsWhatThePassOverEveryLineFound() throws {
        let rule = try #require(PerformanceRules.all.first { $0.id == "PRJ-006" })
        var rng = SeededRandom(seed: 313)
        var found = 0
        for _ in 0..<300 {
            let ctx = AuditContext(disclosure: try Self.document(&rng), profile: nil)
            guard case .ran(let got) = rule.check(ctx) else { Issue.record("PRJ-006 did not run"); continue }
            #expect(got == Self.reference(ctx, rule: rule))
            found += got.count
        }
        #expect(found > 20)  // 31 findings compared (the seed is fixed)
    }
}
