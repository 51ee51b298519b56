import Testing
@testable import YusuanAudit
import YusuanCore

/// FIN-001 and FIN-002 on 决算 tables written as text: each passes on a balanced table and reports a wrong figure.
@Suite struct FinalRulesTests {
    @Test func fin001PassesOnABalancedSummary() throws {
        let r = try FinalDoc.audit(FinalDoc.summary())
        #expect(r.status("FIN-001")?.applicable == true)
        #expect(r.findings("FIN-001").isEmpty)
    }

    @Test func fin001FindsAWrongClosingBalance() throws {
        let r = try FinalDoc.audit(FinalDoc.summary(closing: "65.34"))
        let f = try #require(r.findings("FIN-001").first)
        #expect(r.findings("FIN-001").count == 1)
        #expect(f.severity == .error)
        #expect(f.location.row == "年末结转和结余")
        #expect(f.message.contains("年初结转和结余 49.14 + 本年收入合计 2946.25 + 使用非财政拨款结余（含专用结余） 0.00 = 2995.39"))
        #expect(f.message.contains("本年支出合计 2940.05 + 结余分配 0.00 + 年末结转和结余 65.34 = 3005.39"))
        #expect(f.message.contains("两边相差 10.00 万元"))
        #expect(f.expected == "2995.39" && f.found == "3005.39")
    }

    @Test func fin001MatchesTermsByTheirWordsNotTheirLabels() throws {
        // Another template's words for the same terms, and a used balance that makes the sides meet.
        let text = FinalDoc.summary(opening: "39.14", use: "10.00", useLabel: "使用专用结余", openingLabel: "年初结转和结余（上年）")
        #expect(try FinalDoc.audit(text).findings("FIN-001").isEmpty)
        let bad = try FinalDoc.audit(FinalDoc.summary(opening: "39.14", use: "", useLabel: "使用专用结余"))
        #expect(bad.findings("FIN-001").first?.message.contains("两边相差 10.00 万元") == true)
    }

    @Test func fin001ReadsTheFiscalSummaryAndIgnoresTheFundLinesUnderTheBalance() throws {
        let ok = try FinalDoc.audit(FinalDoc.fiscalSummary())
        #expect(ok.status("FIN-001")?.applicable == true)
        #expect(ok.findings("FIN-001").isEmpty)
        let bad = try FinalDoc.audit(FinalDoc.fiscalSummary(closing: "12.63"))
        let f = try #require(bad.findings("FIN-001").first)
        #expect(f.message.contains("年初财政拨款结转和结余 21.63 + 本年收入合计 2940.05 = 2961.68"))
    }

    @Test func fin001ChecksEveryRowOfAFundTableWithBalanceColumns() throws {
        let ok = try FinalDoc.audit(FinalDoc.fundTable())
        #expect(ok.status("FIN-001")?.applicable == true)
        #expect(ok.findings("FIN-001").isEmpty)
        let bad = try FinalDoc.audit(FinalDoc.fundTable(closing: "6.00"))
        #expect(bad.findings("FIN-001").count == 2)
        #expect(bad.findings("FIN-001").contains { $0.location.row == "212 城乡社区支出" && $0.message.contains("两边相差 1.00 万元") })
    }

    @Test func fin001IsNotApplicableWithoutBalances() throws {
        let r = try FinalDoc.audit(FinalDoc.spending())
        #expect(r.status("FIN-001")?.applicable == false)
    }

    @Test func fin002PassesWhenTheFiveSpendingColumnsAddUp() throws {
        let r = try FinalDoc.audit(FinalDoc.spending())
        #expect(r.status("FIN-002")?.applicable == true)
        #expect(r.findings("FIN-002").isEmpty)
    }

    @Test func fin002FindsARowThatDoesNotAddUp() throws {
        let r = try FinalDoc.audit(FinalDoc.spending(row: "2,116.66"))
        let f = try #require(r.findings("FIN-002").first)
        #expect(r.findings("FIN-002").count == 1)
        #expect(f.location.row == "201 一般公共服务支出")
        #expect(f.message.contains("本年支出合计 应等于 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出"))
        #expect(f.message.contains("1503.52 + 603.14 + 0.00 + 0.00 + 0.00 = 2106.66，表中为 2116.66"))
    }

    @Test func phaseGroupsHeadedTotalAreSum004sAndEachGroupIsCheckedOnItsOwn() throws {
        let ok = try FinalDoc.audit(FinalDoc.phases())
        #expect(ok.findings("SUM-004").isEmpty && ok.findings("FIN-002").isEmpty && ok.findings("SUM-001").isEmpty)
        // A wrong 调整预算 基本支出: only that group's identity fails, on both rows, and SUM-001 sees nothing
        // (the two rows change together); FIN-002 leaves 合计 columns to SUM-004.
        let bad = try FinalDoc.audit(FinalDoc.phases(adjustedBasic: "11.00"))
        let fs = bad.findings("SUM-004")
        #expect(fs.count == 2)
        #expect(fs.allSatisfy { $0.location.column == "调整预算/合计" })
        #expect(bad.findings("FIN-002").isEmpty)
    }

    @Test func fin002ChecksAGroupHeadedByItsPhase() throws {
        let ok = try FinalDoc.audit(FinalDoc.phases(finalHead: "决算数"))
        #expect(ok.status("FIN-002")?.applicable == true)
        #expect(ok.findings("FIN-002").isEmpty)
        let bad = try FinalDoc.audit(FinalDoc.phases(finalTotal: "31.00", finalHead: "决算数"))
        let fs = bad.findings("FIN-002")
        #expect(fs.count == 2)
        #expect(fs.allSatisfy { $0.location.column == "决算/决算数" && $0.expected == "30.00" && $0.found == "31.00" })
    }

    @Test func aBalanceWithinRoundingIsAWarning() throws {
        let r = try FinalDoc.audit(FinalDoc.summary(closing: "55.35"))
        let f = try #require(r.findings("FIN-001").first)
        #expect(f.severity == .warning)
        #expect(f.message.contains("舍入"))
    }
}
