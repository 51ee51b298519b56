import Testing
@testable import YusuanBuild
import YusuanCore
import YusuanTestSupport

/// Digit codes packed into integers (`DigitCode`) and the index's packed path (`PackedLeaves`): held to
/// `String.hasPrefix` and to the scan with `LeafFilter.matches`.
@Suite struct PackedLeafIndexTests {
    @Test func packedPrefixesAgreeWithStringPrefixes() throws {
        let codes = ["", "2", "20", "201", "2010101", "2080505", "30101", "0", "00", "007", "99999999", "12345678901234567",
                     "99999999999999999"]
        for code in codes {
            let c = try #require(DigitCode.pack(code))
            #expect(DigitCode.length(c) == code.count)
            for prefix in codes {
                let p = try #require(DigitCode.pack(prefix))
                #expect(DigitCode.hasPrefix(c, p) == code.hasPrefix(prefix), "\(code) \(prefix)")
            }
            for n in 0...code.count {
                #expect(DigitCode.prefix(c, n) == DigitCode.pack(String(code.prefix(n))), "\(code) \(n)")
            }
        }
        // Leading zeros count: "0" and "00" are different codes.
        #expect(DigitCode.pack("0") != DigitCode.pack("00"))
        #expect(DigitCode.pack("20a") == nil)
        #expect(DigitCode.pack("２０１") == nil)
        #expect(DigitCode.pack("1234567890123456789") == nil)
        // 18 digits are left to the strings: these two values differ by 2^59, which a shift by 5 would lose.
        #expect(DigitCode.pack("100000000000000000") == nil)
        #expect(DigitCode.pack("676460752303423488") == nil)
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func packedSelectionsAreTheScan(seed: UInt64) {
        let budget = BudgetGenerator.make(seed: seed, units: 3, items: 250, projects: 5)
        let ledger = Ledger(budget.lineItems)
        let index = LeafIndex(ledger)
        var filters = LeafIndexTests.filters(ledger, projects: budget.projects.map(\.code))
        // Prefixes that are not digits, empty, or longer than any code: the packed path must agree too.
        filters += [.functional(""), .economic(""), .functional("2x"), .economic("３０１"), .functional("20101010101"),
                    LeafFilter.functional("").and(.fund(.generalBudget)), LeafFilter.economic("30").and(.functional("2")),
                    // Sets of 经济 codes found by packed code: codes that are not digits, leading zeros, the empty code.
                    .economicCodes(["30101", "30a", "0301", "", "３０１"]), LeafFilter.economicCodes(["30201", "30101"]).and(.basic)]
        for filter in filters {
            let scanned = ledger.select(filter.matches)
            #expect(index.select(filter) == scanned, "\(filter)")
        }
        // Filters that select by the same key share one selection number; others do not.
        #expect(index.selection(.functional("")) == index.selection(.all))
        #expect(index.selection(.basic) != index.selection(.project))
    }

    @Test func aRecordedPassNotesTheSameSetsAsBefore() {
        // Sets noted per selection number are the distinct sets in first-printed order, per scale.
        let budget = BudgetGenerator.make(seed: 9, units: 2, items: 150, projects: 4)
        let ledger = Ledger(budget.lineItems)
        let recorder = Recorder()
        let books = Books(ledger: ledger, recorder: recorder)
        let yuan = books.at(PrintScale(.yuan, digits: 0))
        let filters: [LeafFilter] = [.basic, .all, .basic, .project, .functional(""), .fund(.generalBudget)]
        for f in filters {
            _ = books.figure(f)
            _ = yuan.figure(f)
        }
        var expected: [[Int]] = []
        for f in filters {
            let set = ledger.select(f.matches)
            if set.count > 1, !expected.contains(set) { expected.append(set) }
        }
        #expect(recorder.sets[.wanYuan] == expected)
        #expect(recorder.sets[PrintScale(.yuan, digits: 0)] == expected)
    }
}
