import Testing
import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanTestSupport

// MARK: - Fixtures written as document text (tab-separated, as the seed prints them)

/// Lines of a small Chongqing-style disclosure: title, optional project list, forms.
private enum PerfDoc {
    static let title = "重庆市某区某局 2022 年部门预算情况说明"

    static func list(_ projects: [(String, String)], codes: [String]? = nil) -> [String] {
        let header = codes == nil ? "序号\t项目名称\t合计" : "序号\t项目编码\t项目名称\t合计"
        var lines = ["附件 10", "重庆市某区某局 2022 年项目支出明细表", "单位：万元", header]
        for (i, p) in projects.enumerated() {
            let code = codes.map { "\t" + $0[i] } ?? ""
            lines.append("\(i + 1)\(code)\t\(p.0)\t\(p.1)")
        }
        return lines + [""]
    }

    /// One 项目绩效目标表; `indicators` rows: 一级, 二级, 三级, 指标值, 性质, 单位, 权重.
    static func form(_ attachment: String, code: String? = "50015222T000000100001", name: String = "甲项目专项",
                     amount: String = "40", start: String = "2022 年", end: String = "2022 年",
                     indicators: [[String]]) -> [String] {
        let fullName = code.map { "\($0)-\(name)" } ?? name
        var lines = ["附件 \(attachment)", "重庆市某区某局 2022 年区级预算绩效目标申报表", "单位：万元",
                     "项目名称\t\(fullName)", "资金总额（万元）\t\(amount)\t项目属性\t新增",
                     "项目起始时间\t\(start)\t项目终止时间\t\(end)",
                     "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t指标性质\t度量单位\t权重"]
        lines += indicators.map { "\t" + $0.joined(separator: "\t") }
        return lines + [""]
    }

    /// A 部门整体绩效目标表 with the seed's header (名称, 权重 in %, 单位, 性质, 值).
    static func overall(_ indicators: [[String]]) -> [String] {
        var lines = ["附件 11", "重庆市某区某局 2022 年部门预算整体绩效目标表", "单位：万元",
                     "部门（单位）名称\t重庆市某区某局\t\t支出预算总量\t55",
                     "绩效指标\t指标名称\t指标权重\t计量单位\t指标性质\t指标值"]
        lines += indicators.map { "\t" + $0.joined(separator: "\t") }
        return lines + [""]
    }

    /// Another region's layout: 项目编码 field, 年度资金总额 in 元, operator and unit inside 指标值,
    /// merged 一级/二级 cells left blank, 指标权重 last.
    static func variant(_ attachment: String, code: String, costs: [String]) -> [String] {
        ["附件 \(attachment)", "某市某局 2024 年项目支出绩效目标表", "单位：元",
         "项目名称\t乙培训项目\(attachment)", "项目编码\t\(code)", "年度资金总额（元）\t400000",
         "一级指标\t二级指标\t指标名称\t指标值\t指标权重",
         "产出指标\t成本指标\t培训费\t\(costs[0])\t20", "\t\t资料费\t\(costs[1])\t20",
         "\t数量指标\t培训人次\t≥500人次\t30", "效益指标\t满意度指标\t满意度\t≥95%\t30", ""]
    }

    static let costs = [["产出指标", "数量指标", "培训人数", "100", "≥", "人次", "40"],
                        ["产出指标", "成本指标", "培训费", "30", "=", "万元", "25"],
                        ["产出指标", "成本指标", "资料费", "10", "=", "万元/年", "25"]]

    static func read(_ parts: [[String]]) throws -> Disclosure {
        let text = ([title, ""] + parts.flatMap { $0 }).joined(separator: "\n")
        return try Recogniser.recognise(TextReader.read(text, source: "t.txt"))
    }

    static let chongqing = ProfileLibrary.profile(id: "chongqing-district-2022")

    static func run(_ id: String, _ d: Disclosure, profile: Profile? = nil) -> [Finding]? {
        guard let rule = PerformanceRules.all.first(where: { $0.id == id }) else { return nil }
        switch rule.check(AuditContext(disclosure: d, profile: profile)) {
        case .ran(let fs): return fs
        case .notApplicable: return nil
        }
    }
}

// MARK: - PRJ-001 project codes

@Test func projectCodesAlikePass() throws {
    let d = try PerfDoc.read((1...3).map { PerfDoc.form("12-\($0)", code: "50015222T00000010000\($0)", name: "项目\($0)", indicators: PerfDoc.costs) })
    #expect(PerfDoc.run("PRJ-001", d) == [])
}

@Test func projectCodeOneDigitShort() throws {
    let codes = ["50015222T000000100001", "50015222T000000100002", "50015222T00000100003", "50015222T000000100004"]
    let d = try PerfDoc.read(codes.enumerated().map { PerfDoc.form("12-\($0.offset + 1)", code: $0.element, name: "项目\($0.offset)", indicators: PerfDoc.costs) })
    let fs = try #require(PerfDoc.run("PRJ-001", d))
    #expect(fs.count == 1)
    let f = try #require(fs.first)
    #expect(f.rule == "PRJ-001" && f.severity == .error)
    #expect(f.location.attachment == "12-3")
    #expect(f.message.contains("50015222T00000100003") && f.message.contains("20 位") && f.message.contains("其余 3 个项目编码（均为 21 位") && f.message.contains("少 1 位"))
    #expect(f.expected == "21 位" && f.found == "20 位")
}

@Test func projectCodeForeignRegionAndListColumn() throws {
    let codes = ["50015222T000000100001", "50015222T000000100002", "50015322T000000100003"]
    let d = try PerfDoc.read([PerfDoc.list([("项目0", "40"), ("项目1", "40"), ("项目2", "40")], codes: codes)])
    let fs = try #require(PerfDoc.run("PRJ-001", d))
    #expect(fs.count == 1)
    #expect(fs.first?.message.contains("500153") == true && fs.first?.message.contains("500152") == true)
    #expect(fs.first?.location.attachment == "10")
}

@Test func projectCodesNeedAMajority() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", code: "50015222T000000100001", indicators: PerfDoc.costs),
                              PerfDoc.form("12-2", code: "50015222T00000010002", name: "乙", indicators: PerfDoc.costs)])
    #expect(PerfDoc.run("PRJ-001", d) == nil)
}

// MARK: - PRJ-002 amounts in the list and the form

@Test func projectAmountsAgree() throws {
    let d = try PerfDoc.read([PerfDoc.list([("甲项目专项", "40"), ("乙项目 专项", "15")]),
                              PerfDoc.form("12-1", indicators: PerfDoc.costs),
                              PerfDoc.form("12-2", name: "乙项目专项", amount: "15", indicators: [])])
    #expect(PerfDoc.run("PRJ-002", d) == [])
}

@Test func projectAmountDiffers() throws {
    let d = try PerfDoc.read([PerfDoc.list([("甲项目专项", "45")]), PerfDoc.form("12-1", indicators: PerfDoc.costs)])
    let f = try #require(PerfDoc.run("PRJ-002", d)?.first)
    #expect(f.rule == "PRJ-002" && f.severity == .error)
    #expect(f.message.contains("40") && f.message.contains("45") && f.message.contains("相差 5"))
    #expect(f.location.attachment == "12-1")
}

@Test func projectMissingFromListIsANotice() throws {
    let d = try PerfDoc.read([PerfDoc.list([("乙项目专项", "40")]), PerfDoc.form("12-1", indicators: PerfDoc.costs)])
    let f = try #require(PerfDoc.run("PRJ-002", d)?.first)
    #expect(f.severity == .notice && f.message.contains("甲项目专项"))
}

// MARK: - PRJ-003 cost indicators add up to the amount

@Test func costIndicatorsAddUp() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", indicators: PerfDoc.costs)])
    #expect(PerfDoc.run("PRJ-003", d) == [])
}

@Test func costIndicatorsFallShort() throws {
    let rows = [["6.8"], ["9.2"], ["5"], ["6.5"], ["6.5"], ["5"]].enumerated().map { i, v in
        ["产出指标", "成本指标", "指标 \(i + 1)：支出\(i)", v[0], "=", "万元/年", "5"]
    }
    let d = try PerfDoc.read([PerfDoc.form("12-2", indicators: rows)])
    let f = try #require(PerfDoc.run("PRJ-003", d)?.first)
    #expect(f.rule == "PRJ-003" && f.severity == .error)
    #expect(f.message.contains("6.8 + 9.2 + 5 + 6.5 + 6.5 + 5 = 39") && f.message.contains("资金总额为 40"))
}

@Test func costIndicatorsInYuanAreConverted() throws {
    let ok = [["产出指标", "成本指标", "培训费", "300000", "=", "元", "45"], ["产出指标", "成本指标", "资料费", "100000", "=", "元", "45"]]
    #expect(PerfDoc.run("PRJ-003", try PerfDoc.read([PerfDoc.form("12-1", indicators: ok)])) == [])
    let short = [["产出指标", "成本指标", "培训费", "300000", "=", "元", "45"], ["产出指标", "成本指标", "资料费", "50000", "=", "元", "45"]]
    let f = try #require(PerfDoc.run("PRJ-003", try PerfDoc.read([PerfDoc.form("12-1", indicators: short)]))?.first)
    #expect(f.message.contains("30 + 5 = 35") && f.message.contains("相差 5 万元"))
}

@Test func costIndicatorsNotApplicableWithoutCosts() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", indicators: [["产出指标", "数量指标", "培训人数", "100", "≥", "人次", "90"]])])
    #expect(PerfDoc.run("PRJ-003", d) == nil)
}

// MARK: - PRJ-004 weights

@Test func weightsMatchTheProfile() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", indicators: PerfDoc.costs.map { Array($0.dropLast()) + ["30"] })])
    #expect(PerfDoc.run("PRJ-004", d, profile: PerfDoc.chongqing) == [])
    #expect(PerfDoc.run("PRJ-004", d) == [])  // 90 is accepted without a profile
}

@Test func weightsOffTotal() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", indicators: PerfDoc.costs.map { Array($0.dropLast()) + ["35"] })])
    let f = try #require(PerfDoc.run("PRJ-004", d, profile: PerfDoc.chongqing)?.first)
    #expect(f.rule == "PRJ-004" && f.severity == .warning)
    #expect(f.message.contains("35 + 35 + 35 = 105") && f.message.contains("应为 90"))
    let g = try #require(PerfDoc.run("PRJ-004", d)?.first)
    #expect(g.message.contains("应为 100 或 90"))
}

@Test func overallWeightsInPercent() throws {
    let good = try PerfDoc.read([PerfDoc.overall([["化解案件", "60%", "件", "=", "29"], ["群众满意度", "40%", "%", "≥", "95"]])])
    #expect(PerfDoc.run("PRJ-004", good, profile: PerfDoc.chongqing) == [])
    let bad = try PerfDoc.read([PerfDoc.overall([["化解案件", "60%", "件", "=", "29"], ["群众满意度", "30%", "%", "≥", "95"]]),
                                PerfDoc.form("12-1", indicators: PerfDoc.costs.map { Array($0.dropLast()) + ["30"] })])
    let f = try #require(PerfDoc.run("PRJ-004", bad, profile: PerfDoc.chongqing)?.first)
    #expect(f.message.contains("60 + 30 = 90") && f.message.contains("应为 100"))
}

@Test func weightsOfACutOffLastTableAreANotice() throws {
    var d = try PerfDoc.read([PerfDoc.form("12-1", indicators: PerfDoc.costs.map { Array($0.dropLast()) + ["25"] })])
    d.truncated = true
    let f = try #require(PerfDoc.run("PRJ-004", d, profile: PerfDoc.chongqing)?.first)
    #expect(f.severity == .notice && f.message.contains("截断") && f.message.contains("75"))
}

// MARK: - PRJ-005 units that do not fit the indicator

@Test func indicatorUnitsFit() throws {
    #expect(PerfDoc.run("PRJ-005", try PerfDoc.read([PerfDoc.form("12-1", indicators: PerfDoc.costs)])) == [])
}

@Test func quantityInMoneyAndCostInCounts() throws {
    let rows = [["产出指标", "数量指标", "系列宣传", "3", "=", "万元/年", "30"],
                ["产出指标", "成本指标", "宣传费", "40", "=", "次", "30"]]
    let fs = try #require(PerfDoc.run("PRJ-005", try PerfDoc.read([PerfDoc.form("12-6", indicators: rows)])))
    #expect(fs.count == 2)
    #expect(fs.first?.severity == .warning && fs.first?.message.contains("万元/年") == true && fs.first?.message.contains("系列宣传") == true)
    #expect(fs.last?.severity == .notice && fs.last?.found == "次")
}

// MARK: - PRJ-006 department targets against project targets

@Test func overallTargetBelowAProject() throws {
    let d = try PerfDoc.read([
        PerfDoc.overall([["化解疑难信访案件", "100%", "件", "=", "20"]]),
        PerfDoc.form("12-1", indicators: [["产出指标", "数量指标", "指标 1：化解疑难信访案件", "25", "=", "件", "90"]]),
    ])
    let f = try #require(PerfDoc.run("PRJ-006", d)?.first)
    #expect(f.rule == "PRJ-006" && f.severity == .warning)
    #expect(f.message.contains("20 件") && f.message.contains("25 件") && f.message.contains("附件12-1"))
}

@Test func overallTargetsThatCoverTheProjects() throws {
    let d = try PerfDoc.read([
        PerfDoc.overall([["化解疑难信访案件", "50%", "件", "=", "29"], ["业务培训", "30%", "次", "=", "1"],
                         ["修复等待时长", "20%", "分钟", "≤", "20"]]),
        PerfDoc.form("12-1", indicators: [["产出指标", "数量指标", "化解疑难信访案件", "25", "=", "件", "30"],
                                          ["产出指标", "数量指标", "干部业务培训", "2", "=", "场次", "30"],
                                          ["产出指标", "时效指标", "修复等待时长", "30", "≤", "分钟", "30"]]),
    ])
    #expect(PerfDoc.run("PRJ-006", d) == [])
}

// MARK: - PRJ-007 project period

@Test func periodAsYears() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", start: "2022-01-01", end: "2022-12-31", indicators: PerfDoc.costs)])
    #expect(PerfDoc.run("PRJ-007", d) == [])
}

@Test func periodAsDuration() throws {
    let d = try PerfDoc.read([PerfDoc.form("12-1", end: "1 年", indicators: PerfDoc.costs)])
    let f = try #require(PerfDoc.run("PRJ-007", d)?.first)
    #expect(f.rule == "PRJ-007" && f.severity == .notice)
    #expect(f.message.contains("1 年") && f.location.row == "项目终止时间")
}

@Test func periodReversedOrOutsideTheYear() throws {
    let reversed = try PerfDoc.read([PerfDoc.form("12-1", start: "2022 年", end: "2021 年", indicators: PerfDoc.costs)])
    #expect(PerfDoc.run("PRJ-007", reversed)?.first?.message.contains("早于") == true)
    let early = try PerfDoc.read([PerfDoc.form("12-1", start: "2021 年", end: "2021 年", indicators: PerfDoc.costs)])
    let f = try #require(PerfDoc.run("PRJ-007", early)?.first)
    #expect(f.message.contains("2022") && f.location.row == "项目起始时间")
}

// MARK: - Another layout

@Test func formVariantIsReadByColumnMeaning() throws {
    let d = try PerfDoc.read([PerfDoc.variant("9-1", code: "31000024A00000000017", costs: ["=30万元", "≤5万元"]),
                              PerfDoc.variant("9-2", code: "31000024A00000000018", costs: ["=30万元", "=10万元"]),
                              PerfDoc.variant("9-3", code: "3100002400A000000019", costs: ["=30万元", "=10万元"])])
    let costs = try #require(PerfDoc.run("PRJ-003", d))
    #expect(costs.count == 1)
    #expect(costs.first?.message.contains("300000 + 50000 = 350000，年度资金总额为 400000") == true)
    #expect(costs.first?.location.attachment == "9-1")
    #expect(PerfDoc.run("PRJ-004", d) == [])
    #expect(PerfDoc.run("PRJ-005", d) == [])
    let codes = try #require(PerfDoc.run("PRJ-001", d))
    #expect(codes.count == 1 && codes.first?.location.attachment == "9-3")
    #expect(codes.first?.message.contains("10 位数字 + 字母 + 9 位数字") == true)
}

// MARK: - The seed

@Test func performanceRulesOnTheSeed() throws {
    let d = try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
    let profile = PerfDoc.chongqing
    let prj1 = try #require(PerfDoc.run("PRJ-001", d, profile: profile))
    #expect(prj1.map(\.location.attachment) == ["12-5"])
    #expect(prj1.first?.message.contains("20 位") == true)
    #expect(PerfDoc.run("PRJ-002", d, profile: profile) == [])
    let prj3 = try #require(PerfDoc.run("PRJ-003", d, profile: profile))
    #expect(prj3.map(\.location.attachment) == ["12-2"])
    #expect(prj3.first?.severity == .error && prj3.first?.message.contains("= 39") == true)
    #expect(PerfDoc.run("PRJ-004", d, profile: profile) == [])
    let prj5 = try #require(PerfDoc.run("PRJ-005", d, profile: profile))
    #expect(prj5.map(\.location.attachment) == ["12-6"])
    #expect(PerfDoc.run("PRJ-006", d, profile: profile) == [])
    let prj7 = try #require(PerfDoc.run("PRJ-007", d, profile: profile))
    #expect(prj7.count == 9 && prj7.allSatisfy { $0.found == "1 年" })
}
