import Foundation
import Testing
import YusuanStore

/// Importing line items (`yusuan import`), as contract checks run against every backend like
/// `StoreContractTests`: rows and totals read back exactly, bad input named by line and column, and a
/// refused import (early or after many rows were already written) leaves the store as it was.
enum LineItemCheck: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case importAndQuery
    case badInputLeavesStoreUnchanged
    case failureAfterManyRowsLeavesStoreUnchanged
    case failingSourceLeavesStoreUnchanged
    case failureAfterChunksSentLeavesStoreUnchanged
    case storeRefusalStopsTheSource
    case backslashesAndNegativesReadBack

    var testDescription: String { rawValue }

    func run(_ store: any YusuanStore) async throws {
        switch self {
        case .importAndQuery: try await LineItemContract.importAndQuery(store)
        case .badInputLeavesStoreUnchanged: try await LineItemContract.badInputLeavesStoreUnchanged(store)
        case .failureAfterManyRowsLeavesStoreUnchanged: try await LineItemContract.failureAfterManyRows(store)
        case .failingSourceLeavesStoreUnchanged: try await LineItemContract.failingSource(store)
        case .failureAfterChunksSentLeavesStoreUnchanged: try await LineItemContract.failureAfterChunksSent(store)
        case .storeRefusalStopsTheSource: try await LineItemContract.storeRefusalStopsTheSource(store)
        case .backslashesAndNegativesReadBack: try await LineItemContract.backslashesAndNegatives(store)
        }
    }
}

@Suite("Line-item import")
struct LineItemImportTests {
    @Test("SQLite file", arguments: LineItemCheck.allCases)
    func sqliteFile(_ check: LineItemCheck) async throws {
        try await StoreBackend.sqliteFile.withStore { try await check.run($0) }
    }

    @Test("SQLite in memory", arguments: LineItemCheck.allCases)
    func sqliteInMemory(_ check: LineItemCheck) async throws {
        try await StoreBackend.sqliteInMemory.withStore { try await check.run($0) }
    }

    @Test("PostgreSQL", .enabled(if: PostgresTestDatabase.url != nil, PostgresTestDatabase.skipReason),
          arguments: LineItemCheck.allCases)
    func postgres(_ check: LineItemCheck) async throws {
        try await StoreBackend.postgres.withStore { try await check.run($0) }
    }
}

enum LineItemContract {
    static let header = "部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）"

    /// Two departments; a BOM, CRLF line ends, a blank line, a quoted field, thousands separators, a
    /// dash for zero, one decimal.
    static let sample = "\u{FEFF}" + header + "\r\n" + [
        "101001,001,2010101,30101,人员经费,,一般公共预算拨款,\"1,234.56\"",
        "101001,002,2010102,30201,日常公用经费,,事业收入,0.5",
        "",
        "101001,001,2010350,31002,项目,101001P01,一般公共预算拨款,-",
        "202002,001,2040101,30201,项目,\"202002 P\"\"2\"\"\",政府性基金预算拨款,100000000.01",
    ].joined(separator: "\r\n") + "\r\n"

    static func reader(_ text: String, name: String = "city.csv") throws -> LineItemCSVReader {
        try LineItemCSVReader(bytes: Array(text.utf8), name: name)
    }

    /// What a store holds, to compare before and after a refused import.
    struct Snapshot: Equatable {
        var batches: [LineItemBatch]
        var totals: [[LineItemTotal]]
        var logLines: Int

        init(_ store: any YusuanStore) async throws {
            batches = try await store.lineItemBatches()
            var totals: [[LineItemTotal]] = []
            for batch in batches { totals.append(try await store.lineItemTotals(batchID: batch.id)) }
            self.totals = totals
            logLines = try await store.auditLog(limit: 1_000).count
        }
    }

    /// Text with backslashes (COPY's escape character, and `\N`, its NULL) and negative amounts read back as
    /// written, from the CSV reader and from rows in memory (the two ways a source writes checked rows).
    static func backslashesAndNegatives(_ store: any YusuanStore) async throws {
        let csv = header + "\n" + [
            #"101001,0\1,2010101,30101,人员经费,\N,一般公共预算拨款,-12.34"#,
            #"101001,\\,2010102,30201,项目,"P\""x""\",事业收入,0.01"#,
        ].joined(separator: "\n") + "\n"
        let batch = try await store.importLineItems(try reader(csv), year: 2025, fileName: "odd.csv", actor: .system)
        let rows = try await store.lineItems(batchID: batch.id, department: "101001")
        #expect(rows.map(\.unit) == [#"0\1"#, #"\\"#])
        #expect(rows.map(\.project) == [#"\N"#, #"P\"x"\"#])
        #expect(rows.map(\.fen) == [-1_234, 1])

        let memory = [LineItemRow(line: 7, department: #"d\"#, unit: "001", functional: "2010101", economic: "30101",
                                  nature: "人员经费", project: "", fund: #"\\N"#, fen: -9_000_000_000_000)]
        let second = try await store.importLineItems(LineItemArraySource(memory), year: 2025, fileName: "rows", actor: .system)
        #expect(try await store.lineItems(batchID: second.id, department: #"d\"#) == memory)
    }

    static func importAndQuery(_ store: any YusuanStore) async throws {
        #expect(try await store.lineItemBatches() == [])
        let batch = try await store.importLineItems(try reader(sample), year: 2025, fileName: "city.csv", actor: Fixture.officer)
        #expect(batch.rowCount == 4 && batch.year == 2025 && batch.fileName == "city.csv" && batch.importedBy == "officer-wang")
        #expect(try await store.lineItemBatches() == [batch])

        let totals = try await store.lineItemTotals(batchID: batch.id)
        #expect(totals == [LineItemTotal(department: "101001", rows: 3, fen: 123_456 + 50 + 0),
                           LineItemTotal(department: "202002", rows: 1, fen: 10_000_000_001)])

        let rows = try await store.lineItems(batchID: batch.id, department: "101001")
        #expect(rows.map(\.line) == [2, 3, 5], "lines of the file, the header being line 1 and the blank line skipped")
        #expect(rows.first == LineItemRow(line: 2, department: "101001", unit: "001", functional: "2010101", economic: "30101",
                                          nature: "人员经费", project: "", fund: "一般公共预算拨款", fen: 123_456))
        #expect(rows.last?.project == "101001P01" && rows.last?.nature == "项目" && rows.last?.fen == 0)
        let quoted = try await store.lineItems(batchID: batch.id, department: "202002")
        #expect(quoted.map(\.project) == ["202002 P\"2\""])
        #expect(try await store.lineItems(batchID: batch.id, department: "missing") == [])

        let log = try await store.auditLog(limit: 1)
        #expect(log.first?.action == "lineitems.import" && log.first?.username == "officer-wang"
                && log.first?.detail.contains("4 rows") == true)

        // A second import of the same year is a batch of its own; the first is untouched.
        let second = try await store.importLineItems(try reader(header + "\n303003,001,2010101,30101,人员经费,,事业收入,7\n"),
                                                     year: 2025, fileName: "late.csv", actor: .system)
        #expect(second.id != batch.id && second.rowCount == 1)
        #expect(try await store.lineItemBatches().map(\.id) == [second.id, batch.id], "newest first")
        #expect(try await store.lineItemTotals(batchID: batch.id) == totals)
        #expect(try await store.lineItemTotals(batchID: second.id) == [LineItemTotal(department: "303003", rows: 1, fen: 700)])
    }

    /// Each bad row, with the line, the column and a word the error must name.
    static let badRows: [(row: String, column: String, says: String)] = [
        ("101001,001,201010,30101,人员经费,,一般公共预算拨款,1", "功能科目", "7"),
        ("101001,001,20101x1,30101,人员经费,,一般公共预算拨款,1", "功能科目", "7"),
        ("101001,001,2010101,2010101,人员经费,,一般公共预算拨款,1", "经济科目", "5"),
        ("101001,001,2010101,30101,人员经费,,一般公共预算拨款,12.345", "金额（元）", "two decimals"),
        ("101001,001,2010101,30101,人员经费,,一般公共预算拨款,十二元", "金额（元）", "元"),
        ("101001,001,2010101,30101,人员经费,,一般公共预算拨款,12%", "金额（元）", "元"),
        ("101001,001,2010101,30101,人员经费,,一般公共预算拨款,", "金额（元）", "empty"),
        ("101001,001,2010101,30101,人员经费,,美元,1", "资金来源", "资金来源"),
        ("101001,001,2010101,30101,办公,,一般公共预算拨款,1", "性质", "性质"),
        ("101001,001,2010101,30101,项目,,一般公共预算拨款,1", "项目编码", "项目编码"),
        (",001,2010101,30101,人员经费,,一般公共预算拨款,1", "部门编码", "empty"),
        ("101001,001,2010101,30101,人员经费,,一般公共预算拨款", "有7列", "7 fields, the header has 8"),
        ("101001,001,2010101,30101,人员经费,,一般公共预算拨款,1,2", "有9列", "9 fields"),
    ]

    static func badInputLeavesStoreUnchanged(_ store: any YusuanStore) async throws {
        _ = try await store.importLineItems(try reader(sample), year: 2025, fileName: "city.csv", actor: .system)
        let before = try await Snapshot(store)
        for bad in badRows {
            // Two good rows, then the bad one on line 4.
            let text = header + "\n101001,001,2010101,30101,人员经费,,一般公共预算拨款,10\n"
                + "101001,002,2010101,30101,人员经费,,一般公共预算拨款,20\n" + bad.row + "\n"
            do {
                _ = try await store.importLineItems(try reader(text, name: "bad.csv"), year: 2025, fileName: "bad.csv", actor: .system)
                Issue.record("\(bad.row): imported, expected a refusal")
            } catch let error as StoreError {
                guard case .invalid(let message) = error else {
                    Issue.record("\(bad.row): expected .invalid, got \(error)")
                    continue
                }
                #expect(message.contains("bad.csv 第4行") && message.contains("line 4"), "\(bad.row): \(message)")
                #expect(message.contains(bad.column) && message.contains(bad.says), "\(bad.row): \(message)")
            }
            #expect(try await Snapshot(store) == before, "\(bad.row): the store changed")
        }
    }

    /// A bad row after more rows than one chunk: rows were already written (SQLite) or sent (COPY).
    static func failureAfterManyRows(_ store: any YusuanStore) async throws {
        let count = 20_000
        var text = header + "\n"
        var expected: [String: Int64] = [:]
        for i in 0..<count {
            let department = String(500_000 + i % 7)
            let fen = Int64(i) * 101 + 1
            expected[department, default: 0] += fen
            text += "\(department),00\(i % 3),2010101,30101,日常公用经费,,一般公共预算拨款,\(fen / 100).\(String(format: "%02d", fen % 100))\n"
        }
        let good = try await store.importLineItems(try reader(text), year: 2024, fileName: "many.csv", actor: .system)
        #expect(good.rowCount == count)
        let totals = try await store.lineItemTotals(batchID: good.id)
        #expect(totals.map(\.department) == expected.keys.sorted())
        #expect(totals.map(\.fen) == expected.keys.sorted().map { expected[$0] ?? -1 })
        #expect(totals.map(\.rows).reduce(0, +) == count)

        let before = try await Snapshot(store)
        let bad = text + "500000,001,2010101,30101,日常公用经费,,一般公共预算拨款,1.001\n" + text.split(separator: "\n")[1] + "\n"
        await expectStoreError(.invalid, "a bad amount on line \(count + 2)") {
            _ = try await store.importLineItems(try reader(bad), year: 2024, fileName: "many.csv", actor: .system)
        }
        #expect(try await Snapshot(store) == before, "the refused import left rows behind")
    }

    /// A source failing for its own reasons (a read error) after some rows.
    static func failingSource(_ store: any YusuanStore) async throws {
        let before = try await Snapshot(store)
        await expectStoreError(.backend, "a source that fails after its first chunk") {
            _ = try await store.importLineItems(FailingSource(), year: 2024, fileName: "broken.csv", actor: .system)
        }
        #expect(try await Snapshot(store) == before)
        #expect(try await store.lineItemBatches() == [])
    }
}

extension LineItemContract {
    /// A source failing after it gave 30,000 good rows (megabytes of COPY text: chunks were already
    /// prepared, sent and taken by the server while the next was being read).
    static func failureAfterChunksSent(_ store: any YusuanStore) async throws {
        let before = try await Snapshot(store)
        let source = GeneratedSource(rowsPerCall: 1_000, calls: 30, then: .fail)
        await expectStoreError(.backend, "a source that fails after 30,000 rows") {
            _ = try await store.importLineItems(source, year: 2024, fileName: "broken.csv", actor: .system)
        }
        #expect(source.calls == 31, "read up to the failure, then no more")
        #expect(try await Snapshot(store) == before)
        #expect(try await store.lineItemBatches() == [])
    }

    /// A row the store itself refuses (an empty department, which the CSV reader never gives: the table's
    /// CHECK) among two million: the import fails, stops reading the source long before its end, and leaves
    /// nothing behind; the store still works.
    static func storeRefusalStopsTheSource(_ store: any YusuanStore) async throws {
        let before = try await Snapshot(store)
        let source = GeneratedSource(rowsPerCall: 1_000, calls: 2_000, then: .end, emptyDepartmentAtCall: 10)
        do {
            _ = try await store.importLineItems(source, year: 2024, fileName: "refused.csv", actor: .system)
            Issue.record("a row with an empty department was imported")
        } catch {
            #expect(error is StoreError, "\(error)")
        }
        let calls = source.calls
        #expect(calls >= 10 && calls < 1_000, "stopped reading long before the end (\(calls) of 2,000 calls)")
        #expect(try await Snapshot(store) == before)
        #expect(source.calls == calls, "nothing read the source after the import returned")
        let good = try await store.importLineItems(try reader(sample), year: 2025, fileName: "city.csv", actor: .system)
        #expect(good.rowCount == 4)
    }
}

/// `rowsPerCall` valid rows per call (whatever limit is asked) for `calls` calls, then the end or a read error;
/// optionally one row with an empty department in call `emptyDepartmentAtCall`.
final class GeneratedSource: LineItemSource, @unchecked Sendable {
    enum Then { case end, fail }
    private let lock = NSLock()
    private let rowsPerCall: Int
    private let total: Int
    private let then: Then
    private let emptyDepartmentAtCall: Int?
    private var made = 0

    init(rowsPerCall: Int, calls: Int, then: Then, emptyDepartmentAtCall: Int? = nil) {
        self.rowsPerCall = rowsPerCall
        self.total = calls
        self.then = then
        self.emptyDepartmentAtCall = emptyDepartmentAtCall
    }

    var calls: Int {
        lock.lock()
        defer { lock.unlock() }
        return made
    }

    func next(limit: Int) throws -> [LineItemRow] {
        lock.lock()
        defer { lock.unlock() }
        made += 1
        guard made <= total else {
            if then == .fail { throw StoreError.backend("reading broken.csv: disk error") }
            return []
        }
        let first = (made - 1) * rowsPerCall
        return (0..<rowsPerCall).map { i in
            let empty = made == emptyDepartmentAtCall && i == rowsPerCall / 2
            return LineItemRow(line: first + i + 2, department: empty ? "" : String(600_000 + i % 13), unit: "001",
                               functional: "2010101", economic: "30101", nature: "人员经费", project: "",
                               fund: "一般公共预算拨款", fen: Int64(first + i))
        }
    }
}

/// Gives one chunk of valid rows, then fails.
final class FailingSource: LineItemSource, @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    func next(limit: Int) throws -> [LineItemRow] {
        lock.lock()
        defer { lock.unlock() }
        calls += 1
        guard calls == 1 else { throw StoreError.backend("reading broken.csv: disk error") }
        return (0..<limit).map {
            LineItemRow(line: $0 + 2, department: "101001", unit: "001", functional: "2010101", economic: "30101",
                        nature: "人员经费", project: "", fund: "一般公共预算拨款", fen: Int64($0))
        }
    }
}
