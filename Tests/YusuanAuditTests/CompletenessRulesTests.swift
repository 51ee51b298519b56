import Testing
import YusuanAudit
import YusuanCore

// MARK: - A small builder for hand-made disclosures

/// One column of a hand-made table: header, measure, year.
private struct Col {
    var header: String
    var measure: Measure?
    var year: Int?
    init(_ header: String, _ measure: Measure? = .total, year: Int? = nil) {
        self.header = header
        self.measure = measure
        self.year = year
    }
}

/// Builds disclosures the way the recogniser would hand them to the rules.
private enum Fixture {
    static func table(_ kind: TableKind, _ title: String, attachment: String? = nil, columns: [Col] = [Col("合计")],
                      rows: [(String, [String])] = [], notes: [String] = [], fields: [(String, String)] = [],
                      truncated: Bool = false, line: Int = 100) -> DisclosureTable {
        var cols = [Column(index: 0, headerPath: ["项目"], role: .name)]
        for (i, c) in columns.enumerated() {
            cols.append(Column(index: i + 1, headerPath: [c.header], role: .money, measure: c.measure, year: c.year))
        }
        let built = rows.enumerated().map { (i, r) in
            let at = SourceLocation(line: line + 2 + i)
            let cells = ([r.0] + r.1).enumerated().map { (j, text) in
                Cell(text: text, location: SourceLocation(line: at.line, column: j))
            }
            let kind: RowKind = r.0.hasSuffix("合计") || r.0.hasSuffix("总计") ? .subtotal : .item
            return Row(code: nil, codePrinted: false, name: r.0, kind: kind, outline: nil, cells: cells, location: at)
        }
        let formFields = fields.enumerated().map { (i, f) in
            FormField(label: f.0, value: f.1, location: SourceLocation(line: line + 2 + i))
        }
        return DisclosureTable(kind: kind, title: title, attachment: attachment, unit: .wanYuan, unitDeclared: true,
                               columns: cols, rows: built, notes: notes, location: SourceLocation(line: line),
                               truncated: truncated, fields: formFields)
    }

    static func disclosure(_ title: String = "重庆市某区某局2022年部门预算情况说明", department: String? = nil, year: Int? = 2022,
                           tables: [DisclosureTable] = [], narrative: [String] = [],
                           contents: [ContentsEntry] = [], truncated: Bool = false) -> Disclosure {
        let paragraphs = narrative.enumerated().map { (i, text) in
            Paragraph(text: text, location: SourceLocation(line: i + 1), isHeading: false)
        }
        return Disclosure(title: title, department: department, year: year, phase: .budget, tables: tables,
                          narrative: paragraphs, contents: contents, source: "test", truncated: truncated)
    }

    static func entry(_ attachment: String?, _ title: String, line: Int = 1) -> ContentsEntry {
        ContentsEntry(attachment: attachment, title: title, location: SourceLocation(line: line))
    }

    /// A table of each kind the Chongqing template asks for, numbered as it numbers them.
    static func chongqingTables(except skipped: Set<TableKind> = [], projects: Int = 1) -> [DisclosureTable] {
        let specs: [(String, TableKind, String)] = [
            ("1", .fiscalSummary, "财政拨款收支总表"), ("2", .generalExpenditure, "一般公共预算财政拨款支出预算表"),
            ("3", .basicExpenditure, "一般公共预算财政拨款基本支出预算表"), ("4", .threePublic, "一般公共预算“三公”经费支出表"),
            ("5", .govFundExpenditure, "政府性基金预算支出表"), ("6", .budgetSummary, "部门收支总表"),
            ("7", .revenueSummary, "部门收入总表"), ("8", .expenditureSummary, "部门支出总表"),
            ("9", .procurement, "政府采购预算明细表"), ("11", .overallPerformance, "部门预算整体绩效目标表"),
        ]
        var tables = specs.filter { !skipped.contains($0.1) }.map { a, kind, title in
            table(kind, "重庆市某区某局2022年\(title)", attachment: a, rows: [("合计", ["10.00"])])
        }
        if !skipped.contains(.projectList) {
            let items = (0..<projects).map { ("项目\($0 + 1)", ["5.00"]) }
            tables.append(table(.projectList, "重庆市某区某局2022年项目支出明细表", attachment: "10",
                                rows: [("合计", ["\(projects * 5).00"])] + items))
        }
        if !skipped.contains(.projectPerformance) {
            tables.append(table(.projectPerformance, "重庆市某区某局2022年区级预算绩效目标申报表", attachment: "12-1",
                                columns: [], fields: [("项目名称", "项目1")]))
        }
        return tables
    }
}

/// Runs one completeness rule; nil when it was not applicable.
private func findings(_ id: String, _ d: Disclosure, profile: Profile? = nil) -> [Finding]? {
    guard let rule = CompletenessRules.all.first(where: { $0.id == id }) else {
        Issue.record("no rule \(id)")
        return nil
    }
    switch rule.check(AuditContext(disclosure: d, profile: profile)) {
    case .ran(let fs): return fs
    case .notApplicable: return nil
    }
}

private var chongqing: Profile? { ProfileLibrary.profile(id: "chongqing-district-2022") }

// MARK: - The catalog

@Test func completenessRulesAreListedInOrder() {
    #expect(CompletenessRules.all.map(\.id) == (1...8).map { "CMP-00\($0)" })
    #expect(CompletenessRules.all.allSatisfy { $0.category == .completeness })
    #expect(CompletenessRules.all.map(\.severity)
        == [.error, .warning, .warning, .warning, .warning, .warning, .warning, .notice])
}

// MARK: - CMP-001 required tables

@Test func cmp001PassesWhenEveryRequiredTableIsPresent() throws {
    let profile = try #require(chongqing)
    let d = Fixture.disclosure(tables: Fixture.chongqingTables())
    #expect(findings("CMP-001", d, profile: profile) == [])
}

@Test func cmp001ReportsEachMissingTableWithItsAttachment() throws {
    let profile = try #require(chongqing)
    let d = Fixture.disclosure(tables: Fixture.chongqingTables(except: [.revenueSummary, .procurement]))
    let fs = try #require(findings("CMP-001", d, profile: profile))
    #expect(fs.count == 2)
    #expect(fs.allSatisfy { $0.rule == "CMP-001" && $0.severity == .error })
    #expect(fs.map(\.location.attachment) == ["7", "9"])
    #expect(fs[0].message.contains("缺少附件7 部门收入总表"))
    #expect(fs[0].messageEnglish.contains("revenue summary"))
    #expect(fs[1].message.contains("政府采购预算明细表"))
}

@Test func cmp001AsksForProjectTablesOnlyWhenThereAreProjects() throws {
    let profile = try #require(chongqing)
    let withProjects = Fixture.disclosure(tables: Fixture.chongqingTables(except: [.projectPerformance], projects: 3))
    let fs = try #require(findings("CMP-001", withProjects, profile: profile))
    #expect(fs.count == 1)
    #expect(fs.first?.message.contains("区级预算绩效目标申报表") == true)
    #expect(fs.first?.message.contains("3个项目") == true)

    let noProjects = Fixture.disclosure(tables: Fixture.chongqingTables(except: [.projectPerformance], projects: 0))
    #expect(findings("CMP-001", noProjects, profile: profile) == [])
}

@Test func cmp001IsNotApplicableWithoutProfile() {
    #expect(findings("CMP-001", Fixture.disclosure(tables: [])) == nil)
}

// MARK: - CMP-002 attachment numbering

@Test func cmp002PassesForAnUnbrokenSequence() {
    let tables = ["1", "2", "3", "4-1", "4-2"].map { Fixture.table(.other, "表", attachment: $0) }
    #expect(findings("CMP-002", Fixture.disclosure(tables: tables)) == [])
}

@Test func cmp002ReportsGapsInNumbersAndSubNumbers() throws {
    let numbers = ["1", "2", "3", "4", "5", "6", "8", "10", "12-1", "12-2", "12-4"]
    let tables = numbers.map { Fixture.table(.other, "表", attachment: $0) }
    let fs = try #require(findings("CMP-002", Fixture.disclosure(tables: tables), profile: chongqing))
    #expect(fs.map(\.location.attachment) == ["7", "9", "11", "12-3"])
    #expect(fs.allSatisfy { $0.rule == "CMP-002" && $0.severity == .warning })
    #expect(fs[0].message.contains("附件6之后是附件8，缺少附件7"))
    #expect(fs[0].message.contains("部门收入总表"))
    #expect(fs[3].message.contains("附件12-2之后是附件12-4，缺少附件12-3"))
    #expect(fs[3].messageEnglish.contains("12-3"))
}

@Test func cmp002ReportsAMissingStart() throws {
    let tables = ["3", "4"].map { Fixture.table(.other, "表", attachment: $0) }
    let fs = try #require(findings("CMP-002", Fixture.disclosure(tables: tables)))
    #expect(fs.count == 1)
    #expect(fs.first?.message.contains("缺少附件1、附件2") == true)
}

@Test func cmp002IsNotApplicableWithoutNumbers() {
    let d = Fixture.disclosure(tables: [Fixture.table(.other, "表")])
    #expect(findings("CMP-002", d) == nil)
}

// MARK: - CMP-003 contents

@Test func cmp003PassesWhenContentsAgree() {
    let tables = [
        Fixture.table(.fiscalSummary, "重庆市某区某局 2022 年财政拨款收支总表", attachment: "1"),
        Fixture.table(.projectPerformance, "重庆市某区某局2022年区级预算绩效目标申报表", attachment: "12-1"),
        Fixture.table(.projectPerformance, "重庆市某区某局2022年区级预算绩效目标申报表", attachment: "12-2"),
    ]
    let contents = [
        Fixture.entry(nil, "五、部门预算表"),
        Fixture.entry("1", "2022年财政拨款收支总表"),
        Fixture.entry("12", "区级预算绩效目标申报表"),
    ]
    #expect(findings("CMP-003", Fixture.disclosure(tables: tables, contents: contents)) == [])
}

@Test func cmp003AcceptsTablesNumberedOnlyInTheContents() {
    let tables = [
        Fixture.table(.budgetSummary, "2024年部门财务收支预算总表"),
        Fixture.table(.threePublic, "部门“三公”经费和机关运行经费预算表"),
    ]
    let contents = [
        Fixture.entry(nil, "五、部门预算表"),
        Fixture.entry("1", "2024年部门财务收支预算总表"),
        Fixture.entry("9", "部门“三公”经费和机关运行经费预算表"),
        Fixture.entry(nil, "六、其他相关情况说明"),
    ]
    let d = Fixture.disclosure("上海市普陀区2024年区级部门预算", year: 2024, tables: tables, contents: contents)
    #expect(findings("CMP-003", d) == [])
}

@Test func cmp003ReportsMissingUnlistedAndRenumberedTables() throws {
    let tables = [
        Fixture.table(.fiscalSummary, "财政拨款收支总表", attachment: "1"),
        Fixture.table(.generalExpenditure, "一般公共预算财政拨款支出预算表", attachment: "3"),
        Fixture.table(.expenditureSummary, "部门支出总表", attachment: "8"),
    ]
    let contents = [
        Fixture.entry("1", "财政拨款收支总表"),
        Fixture.entry("2", "一般公共预算财政拨款支出预算表"),
        Fixture.entry("7", "部门收入总表"),
    ]
    let fs = try #require(findings("CMP-003", Fixture.disclosure(tables: tables, contents: contents)))
    #expect(fs.count == 3)
    #expect(fs.allSatisfy { $0.rule == "CMP-003" && $0.severity == .warning })
    #expect(fs.contains { $0.message.contains("编为附件2，正文中为附件3") })
    #expect(fs.contains { $0.message.contains("目录列有“附件7 部门收入总表”，正文中未见此表") })
    #expect(fs.contains { $0.message.contains("“附件8 部门支出总表”未列入目录") })
}

@Test func cmp003IsNotApplicableWithoutContents() {
    #expect(findings("CMP-003", Fixture.disclosure(tables: [Fixture.table(.other, "表")])) == nil)
}

// MARK: - CMP-004 template leftovers

@Test func cmp004PassesForFinishedText() {
    let d = Fixture.disclosure(
        tables: [Fixture.table(.projectPerformance, "区级预算绩效目标申报表", attachment: "12-1", columns: [],
                               fields: [("项目名称", "50015222T000000113935-信访系统运维专项"), ("项目概况", "尺码XXL、型号AXX1……")])],
        narrative: ["2022年年初预算数951.81万元。", "主要用于办公费、印刷费……等。"])
    #expect(findings("CMP-004", d) == [])
}

@Test func cmp004FindsPlaceholdersPromptsAndDoubledPunctuation() throws {
    let table = Fixture.table(
        .govFundExpenditure, "政府性基金预算支出表", attachment: "5",
        columns: [Col("说明", nil)], rows: [("合计", ["××"])], notes: ["请填写空表原因"],
        fields: [("项目概况", "用于解决信访积案，有效化解信访突出问题。。")])
    let d = Fixture.disclosure(tables: [table], narrative: ["2026年，XX收入预算x,xxx万元，其中财政拨款收入XXX万元。"])
    let fs = try #require(findings("CMP-004", d))
    #expect(fs.allSatisfy { $0.rule == "CMP-004" && $0.severity == .warning })
    #expect(fs.count == 4)
    let narrative = try #require(fs.first { $0.location.table == "情况说明" })
    #expect(narrative.message.contains("情况说明第1行"))
    #expect(narrative.message.contains("占位符“XX”"))
    #expect(narrative.message.contains("占位符“xxx”"))
    #expect(narrative.messageEnglish.contains("placeholder “XX”"))
    #expect(fs.contains { $0.message.contains("附件5 政府性基金预算支出表的表注") && $0.message.contains("填写提示“请填写”") })
    #expect(fs.contains { $0.message.contains("“项目概况”栏") && $0.message.contains("重复标点“。。”") })
    #expect(fs.contains { $0.message.contains("“合计”行") && $0.message.contains("占位符“××”") })
}

// MARK: - CMP-005 empty tables

@Test func cmp005PassesWhenEmptyTablesSayWhy() {
    let govFund = Fixture.table(.govFundExpenditure, "政府性基金预算支出表", attachment: "5", rows: [("合计", [""])],
                                notes: ["（备注：本单位无政府性基金收支，故此表无数据。）"])
    let stateCapital = Fixture.table(.stateCapitalExpenditure, "国有资本经营预算支出表", attachment: "7", rows: [("合计", [""])])
    let full = Fixture.table(.generalExpenditure, "一般公共预算财政拨款支出预算表", attachment: "2", rows: [("合计", ["9.00"])])
    let d = Fixture.disclosure(tables: [govFund, stateCapital, full],
                               narrative: ["本单位2022年无使用国有资本经营预算拨款安排的支出。"])
    #expect(findings("CMP-005", d) == [])
}

@Test func cmp005JudgesAMultiPageTableAsAWhole() {
    let first = Fixture.table(.budgetSummary, "部门收支总表", attachment: "6", rows: [("一般公共服务支出", ["827.23"])])
    let continued = Fixture.table(.budgetSummary, "部门收支总表", attachment: "6", rows: [("外交支出", [""])], line: 160)
    #expect(findings("CMP-005", Fixture.disclosure(tables: [first, continued])) == [])
}

@Test func cmp005ReportsAnEmptyTableWithoutExplanation() throws {
    let govFund = Fixture.table(.govFundExpenditure, "政府性基金预算支出表", attachment: "5", rows: [("合计", [""])])
    let d = Fixture.disclosure(tables: [govFund], narrative: ["本单位无国有资本经营预算。"])
    let fs = try #require(findings("CMP-005", d))
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .warning)
    #expect(fs.first?.location.attachment == "5")
    #expect(fs.first?.message.contains("附件5 政府性基金预算支出表没有数据") == true)
    #expect(fs.first?.message.contains("本单位无政府性基金收支，故此表无数据") == true)
}

@Test func cmp005ReportsANoteThatNamesTheWrongFund() throws {
    let stateCapital = Fixture.table(.stateCapitalExpenditure, "国有资本经营预算支出表", attachment: "9",
                                     rows: [("合计", [""])], notes: ["本单位无政府性基金收支，故此表无数据。"])
    let fs = try #require(findings("CMP-005", Fixture.disclosure(tables: [stateCapital])))
    #expect(fs.count == 1)
    #expect(fs.first?.message.contains("未提及国有资本经营") == true)
    #expect(fs.first?.message.contains("政府性基金") == true)
    #expect(fs.first?.messageEnglish.contains("does not mention") == true)
}

@Test func cmp005ReportsAnEmptyNoteOnAFullTable() throws {
    let threePublic = Fixture.table(.threePublic, "部门“三公”经费和机关运行经费预算表", rows: [("合计", ["47.91"])],
                                    notes: ["注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。"])
    let fs = try #require(findings("CMP-005", Fixture.disclosure(tables: [threePublic])))
    #expect(fs.count == 1)
    #expect(fs.first?.message.contains("列有数据（如47.91）") == true)
    #expect(fs.first?.message.contains("说明与表格不符") == true)
}

// MARK: - CMP-006 official vehicles split

private let threePublicColumns = [
    Col("2022年预算数/总计", .total, year: 2022), Col("因公出国(境)费用", .threePublicOutbound, year: 2022),
    Col("公务用车购置及运行费/小计", .threePublicVehicle, year: 2022),
    Col("公务用车购置及运行费/公务用车购置", .threePublicVehiclePurchase, year: 2022),
    Col("公务用车购置及运行费/公务用车运行维护费", .threePublicVehicleOperation, year: 2022),
    Col("公务接待费", .threePublicReception, year: 2022),
]

@Test func cmp006PassesWhenVehicleCostsAreSplitInColumns() {
    let t = Fixture.table(.threePublic, "一般公共预算“三公”经费支出表", attachment: "4", columns: threePublicColumns,
                          rows: [("", ["20.00", "", "4.00", "", "4.00", "16.00"])])
    #expect(findings("CMP-006", Fixture.disclosure(tables: [t])) == [])
}

@Test func cmp006ReportsBlankPartsInColumns() throws {
    let t = Fixture.table(.threePublic, "一般公共预算“三公”经费支出表", attachment: "4", columns: threePublicColumns,
                          rows: [("", ["20.00", "", "4.00", "", "", "16.00"])])
    let fs = try #require(findings("CMP-006", Fixture.disclosure(tables: [t])))
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .warning)
    #expect(fs.first?.message.contains("附件4 一般公共预算“三公”经费支出表（2022年数）公务用车购置及运行费为4.00") == true)
    #expect(fs.first?.message.contains("两栏均为空") == true)
    #expect(fs.first?.location.column == "公务用车购置及运行费/小计")
}

@Test func cmp006HandlesItemsAsRows() throws {
    let split = Fixture.table(.threePublic, "“三公”经费情况统计表", rows: [
        ("合计", ["34.35"]), ("1.因公出国(境)费用", ["0"]), ("2.公务接待费", ["1.70"]), ("3.公务用车费", ["32.65"]),
        ("其中:(1)公务用车运行维护费", ["32.65"]), ("(2)公务用车购置", [""]),
    ])
    #expect(findings("CMP-006", Fixture.disclosure(tables: [split])) == [])

    let unsplit = Fixture.table(.threePublic, "“三公”经费情况统计表", rows: [
        ("合计", ["44"]), ("1、因公出国(境)费用", [""]), ("2、公务接待费", ["10"]), ("3、公务用车购置及运行费", ["34"]),
    ])
    let fs = try #require(findings("CMP-006", Fixture.disclosure(tables: [unsplit])))
    #expect(fs.count == 1)
    #expect(fs.first?.message.contains("没有公务用车购置费和公务用车运行（维护）费栏目") == true)
    #expect(fs.first?.location.row == "3、公务用车购置及运行费")
}

@Test func cmp006IsNotApplicableWithoutThreePublicTable() {
    #expect(findings("CMP-006", Fixture.disclosure(tables: [Fixture.table(.other, "表")])) == nil)
}

// MARK: - CMP-007 narrative sections

private let chongqingNarrative = [
    "一、单位基本情况", "（一）职能职责。", "（二）单位构成。", "二、部门收支总体情况", "三、部门预算情况说明",
    "四、“三公”经费情况说明", "五、其他重要事项的情况说明", "1.机关运行经费。", "2.政府采购情况。",
    "3.绩效目标设置情况。", "4.国有资产占有使用情况。", "六、专业性名词解释",
]

@Test func cmp007PassesWhenEverySectionIsThere() throws {
    let profile = try #require(chongqing)
    #expect(findings("CMP-007", Fixture.disclosure(narrative: chongqingNarrative), profile: profile) == [])
}

@Test func cmp007ReportsMissingSections() throws {
    let profile = try #require(chongqing)
    let narrative = chongqingNarrative.filter { !$0.contains("三公") && !$0.contains("政府采购") }
    let fs = try #require(findings("CMP-007", Fixture.disclosure(narrative: narrative), profile: profile))
    #expect(fs.map(\.location.row) == ["“三公”经费情况说明", "政府采购情况"])
    #expect(fs.allSatisfy { $0.rule == "CMP-007" && $0.severity == .warning })
    #expect(fs.first?.message.contains("情况说明缺少“") == true)
    #expect(fs.first?.messageEnglish.contains("lacks the section") == true)
}

@Test func cmp007IsNotApplicableWithoutProfileOrNarrative() {
    #expect(findings("CMP-007", Fixture.disclosure(narrative: chongqingNarrative)) == nil)
    #expect(findings("CMP-007", Fixture.disclosure(narrative: []), profile: chongqing) == nil)
}

// MARK: - CMP-008 truncated tables

@Test func cmp008PassesWhenNothingIsCut() {
    #expect(findings("CMP-008", Fixture.disclosure(tables: [Fixture.table(.other, "表", attachment: "1")])) == [])
}

@Test func cmp008ReportsACutTableAsANotice() throws {
    let t = Fixture.table(.projectPerformance, "区级预算绩效目标申报表", attachment: "12-9", columns: [],
                          rows: [("化解信访积案", [])], truncated: true)
    let fs = try #require(findings("CMP-008", Fixture.disclosure(tables: [t], truncated: true)))
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .notice)
    #expect(fs.first?.message.contains("附件12-9 区级预算绩效目标申报表似乎被截断") == true)
    #expect(fs.first?.messageEnglish.contains("appears cut off; rules that need its missing rows were not applied") == true)
}

// MARK: - Profiles

@Test func shippedProfilesDecode() {
    let all = ProfileLibrary.all()
    #expect(all.map(\.id) == ["chongqing-district-2022", "national-143", "national-final-accounts",
                              "shanghai-district-2024", "shanghai-district-final-2024"])
    #expect(all.allSatisfy { !$0.tables.isEmpty && !$0.narrativeSections.isEmpty })
    // One fallback per phase: the national template of 预算 and of 决算.
    #expect(all.filter { $0.fallback == true }.map(\.id) == ["national-143", "national-final-accounts"])
    #expect(Set(all.filter { $0.fallback == true }.map(\.phase)) == [.budget, .final])
}

@Test func finalAccountsProfilesListTheNineCentralTables() throws {
    for id in ["national-final-accounts", "shanghai-district-final-2024"] {
        let p = try #require(ProfileLibrary.profile(id: id))
        #expect(p.phase == .final)
        #expect(p.tables.count == 9)
        #expect(Set(p.tables.map(\.kind)).count == 9, "\(id): each of the nine tables is a distinct kind")
        #expect(p.tables.allSatisfy { $0.title.contains("决算") })
    }
}

@Test func chongqingProfileDescribesTheSeedTemplate() throws {
    let p = try #require(chongqing)
    #expect(p.tables.compactMap(\.attachment) == (1...12).map { "\($0)" })
    #expect(p.tables.first { $0.attachment == "7" }?.kind == .revenueSummary)
    #expect(p.tables.first { $0.attachment == "9" }?.kind == .procurement)
    #expect(p.tables.last?.repeated == true)
    #expect(p.performanceWeightTotal == 90)
    #expect(p.overallWeightTotal == 100)
}

@Test func nationalProfileHasTheStatutoryTables() throws {
    let p = try #require(ProfileLibrary.profile(id: "national-143"))
    #expect(Set(p.tables.map(\.kind)) == [.budgetSummary, .revenueSummary, .expenditureSummary, .fiscalSummary,
                                          .generalExpenditure, .basicExpenditure, .threePublic, .govFundExpenditure,
                                          .stateCapitalExpenditure])
}

@Test func detectionPicksChongqing() {
    let d = Fixture.disclosure("重庆市某区某局 2022 年部门预算情况说明", tables: [
        Fixture.table(.projectPerformance, "重庆市某区某局2022年区级预算绩效目标申报表", attachment: "12-1", columns: []),
    ])
    #expect(ProfileLibrary.detect(d)?.id == "chongqing-district-2022")
}

@Test func detectionPicksShanghaiAndFallsBackToNational() {
    let shanghai = Fixture.disclosure("上海市普陀区2024年区级部门预算", year: 2024, tables: [
        Fixture.table(.budgetSummary, "2024年部门财务收支预算总表"),
    ])
    #expect(ProfileLibrary.detect(shanghai)?.id == "shanghai-district-2024")
    let elsewhere = Fixture.disclosure("某省某县某局2023年部门预算", year: 2023, tables: [
        Fixture.table(.budgetSummary, "部门收支总表"),
    ])
    #expect(ProfileLibrary.detect(elsewhere)?.id == "national-143")
}
