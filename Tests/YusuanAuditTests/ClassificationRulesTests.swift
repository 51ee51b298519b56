import Testing
import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanTestSupport

// MARK: - Fixtures written as document text

/// Lines of small disclosures with coded tables, read by the real reader.
private enum CodeDoc {
    static let header = "科目编码\t科目名称\t合计\t基本支出\t项目支出"

    static let general = ["\t合计\t100.00\t60.00\t40.00", "201\t一般公共服务支出\t100.00\t60.00\t40.00",
                          "20103\t政府办公厅（室）及相关机构事务\t100.00\t60.00\t40.00",
                          "2010301\t行政运行\t60.00\t60.00\t", "2010308\t信访事务\t40.00\t\t40.00"]

    static func table(_ attachment: String, _ title: String, header: String = header, _ rows: [String]) -> [String] {
        ["附件 \(attachment)", "重庆市某区某局 2022 年\(title)", "单位：万元", header] + rows + [""]
    }

    static func generalTable(_ rows: [String] = general, header: String = header) -> [String] {
        table("2", "一般公共预算财政拨款支出预算表", header: header, rows)
    }

    static func expenditureTable(_ rows: [String]) -> [String] {
        table("8", "部门支出总表", rows)
    }

    static func basicTable(_ rows: [String]) -> [String] {
        table("3", "一般公共预算财政拨款基本支出预算表", header: "科目编码\t科目名称\t合计\t人员经费\t日常公用经费", rows)
    }

    static func read(_ parts: [[String]], year: Int = 2022) throws -> Disclosure {
        let text = (["重庆市某区某局 \(year) 年部门预算情况说明", ""] + parts.flatMap { $0 }).joined(separator: "\n")
        return try Recogniser.recognise(TextReader.read(text, source: "t.txt"))
    }

    static func run(_ id: String, _ d: Disclosure) -> [Finding]? {
        guard let rule = ClassificationRules.all.first(where: { $0.id == id }) else { return nil }
        switch rule.check(AuditContext(disclosure: d, profile: nil)) {
        case .ran(let fs): return fs
        case .notApplicable: return nil
        }
    }

    /// The general table with one line replaced.
    static func replacing(_ old: String, with new: String) -> [String] {
        general.map { $0.hasPrefix(old + "\t") ? new : $0 }
    }
}

// MARK: - CLS-001 well-formed codes

@Test func codesWellFormed() throws {
    #expect(CodeDoc.run("CLS-001", try CodeDoc.read([CodeDoc.generalTable()])) == [])
}

@Test func functionalCodeOfSixDigits() throws {
    let d = try CodeDoc.read([CodeDoc.generalTable(CodeDoc.replacing("2010308", with: "201038\t信访事务\t40.00\t\t40.00"))])
    let fs = try #require(CodeDoc.run("CLS-001", d))
    let f = try #require(fs.first { $0.severity == .error })
    #expect(f.rule == "CLS-001" && f.found == "6 位")
    #expect(f.message.contains("201038") && f.message.contains("3、5 或 7 位"))
    #expect(f.location.attachment == "2" && f.location.column == "科目编码")
}

@Test func economicCodeOfSevenDigits() throws {
    let d = try CodeDoc.read([CodeDoc.basicTable(["\t合计\t10.00\t10.00\t", "301\t工资福利支出\t10.00\t10.00\t", "3010101\t基本工资\t10.00\t10.00\t"])])
    let f = try #require(CodeDoc.run("CLS-001", d)?.first)
    #expect(f.severity == .error && f.message.contains("3010101") && f.message.contains("3 或 5 位"))
}

@Test func codeWithLettersOrSeparators() throws {
    let letters = try CodeDoc.read([CodeDoc.generalTable(CodeDoc.replacing("2010308", with: "2O10308\t信访事务\t40.00\t\t40.00"))])
    let f = try #require(CodeDoc.run("CLS-001", letters)?.first)
    #expect(f.severity == .error && f.message.contains("数字以外"))
    let spaced = try CodeDoc.read([CodeDoc.generalTable(CodeDoc.replacing("2010308", with: "2010 308\t信访事务\t40.00\t\t40.00"))])
    let g = try #require(CodeDoc.run("CLS-001", spaced)?.first)
    #expect(g.severity == .notice && g.expected == "2010308")
}

@Test func splitCodeColumns() throws {
    let header = "科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t"
    let good = ["201\t\t\t一般公共服务支出\t100.00\t60.00\t40.00", "201\t03\t\t政府办公厅（室）及相关机构事务\t100.00\t60.00\t40.00",
                "201\t03\t01\t行政运行\t60.00\t60.00\t", "201\t03\t08\t信访事务\t40.00\t\t40.00"]
    #expect(CodeDoc.run("CLS-001", try CodeDoc.read([CodeDoc.generalTable(good, header: header)])) == [])
    #expect(CodeDoc.run("CLS-002", try CodeDoc.read([CodeDoc.generalTable(good, header: header)])) == [])
    let bad = good.map { $0.replacingOccurrences(of: "\t08\t", with: "\t8\t") }
    let f = try #require(CodeDoc.run("CLS-001", try CodeDoc.read([CodeDoc.generalTable(bad, header: header)]))?.first)
    #expect(f.severity == .error && f.found == "8" && f.message.contains("应为 2 位数字"))
}

@Test func unitCodesInAUnitColumnAreNotSubjectCodes() throws {
    let rows = ["322001\t重庆市某区某局\t100.00\t60.00\t40.00"] + CodeDoc.general.dropFirst()
    let d = try CodeDoc.read([CodeDoc.generalTable(rows, header: "单位/科目编码\t单位/科目名称\t合计\t基本支出\t项目支出")])
    #expect(CodeDoc.run("CLS-001", d) == [])
}

@Test func itemWithoutItsParentIsANotice() throws {
    let rows = CodeDoc.general.filter { !$0.hasPrefix("20103\t") }
    let fs = try #require(CodeDoc.run("CLS-001", try CodeDoc.read([CodeDoc.generalTable(rows)])))
    #expect(fs.count == 1)
    #expect(fs.first?.severity == .notice && fs.first?.message.contains("20103") == true)
}

// MARK: - CLS-002 names against the catalog

@Test func namesAgreeWithTheCatalog() throws {
    #expect(CodeDoc.run("CLS-002", try CodeDoc.read([CodeDoc.generalTable()])) == [])
}

@Test func nameDiffersFromTheCatalog() throws {
    let d = try CodeDoc.read([CodeDoc.generalTable(CodeDoc.replacing("2010308", with: "2010308\t信访业务\t40.00\t\t40.00")),
                              CodeDoc.expenditureTable(CodeDoc.replacing("2010308", with: "2010308\t信访业务\t40.00\t\t40.00"))])
    let fs = try #require(CodeDoc.run("CLS-002", d))
    #expect(fs.count == 1)
    let f = try #require(fs.first)
    #expect(f.rule == "CLS-002" && f.severity == .warning)
    #expect(f.message.contains("信访业务") && f.message.contains("与 2022 年支出功能分类科目的名称“信访事务”不同"))
    #expect(f.message.contains("附件8同") && f.expected == "信访事务")
}

@Test func unknownCodeIsANotice() throws {
    let d = try CodeDoc.read([CodeDoc.generalTable(CodeDoc.replacing("2010308", with: "2010307\t某某事务\t40.00\t\t40.00"))])
    let f = try #require(CodeDoc.run("CLS-002", d)?.first)
    #expect(f.severity == .notice && f.message.contains("不在 2022 年支出功能分类科目中") && f.message.contains("收录不全"))
}

@Test func nearestEarlierCatalogIsNamed() throws {
    let d = try CodeDoc.read([CodeDoc.generalTable(CodeDoc.replacing("2010308", with: "2010308\t信访业务\t40.00\t\t40.00"))], year: 2023)
    let f = try #require(CodeDoc.run("CLS-002", d)?.first)
    #expect(f.message.contains("2023 年无对应科目表"))
}

// MARK: - CLS-003 one name per code

@Test func sameCodeSameNameEverywhere() throws {
    let spaced = CodeDoc.replacing("20103", with: "20103\t政府办公厅(室) 及相关机构事务\t100.00\t60.00\t40.00")
    let d = try CodeDoc.read([CodeDoc.generalTable(), CodeDoc.expenditureTable(spaced)])
    #expect(CodeDoc.run("CLS-003", d) == [])
}

@Test func sameCodeTwoNames() throws {
    let d = try CodeDoc.read([CodeDoc.generalTable(),
                              CodeDoc.expenditureTable(CodeDoc.replacing("2010308", with: "2010308\t信访业务\t40.00\t\t40.00"))])
    let fs = try #require(CodeDoc.run("CLS-003", d))
    #expect(fs.count == 1)
    let f = try #require(fs.first)
    #expect(f.rule == "CLS-003" && f.severity == .error && f.location.attachment == "8")
    #expect(f.message.contains("附件2为“信访事务”") && f.message.contains("附件8为“信访业务”"))
}

// MARK: - The seed

@Test func classificationRulesOnTheSeed() throws {
    let d = try Recogniser.recognise(TextReader.read(Fixtures.text("Examples/tongnan-xinfang-2022-budget.txt"), source: "seed"))
    for id in ["CLS-001", "CLS-002", "CLS-003"] {
        #expect(CodeDoc.run(id, d) == [], "\(id) on the seed")
    }
}
