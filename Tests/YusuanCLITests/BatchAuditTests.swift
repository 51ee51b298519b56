import Foundation
import Testing
@testable import YusuanCLI
import YusuanRender
import YusuanTestSupport

/// `yusuan audit --batch DIR`: every file of a folder, on several threads, the same findings as one by one.
@Suite struct BatchAuditTests {
    func folder(_ files: [(String, String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-batch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func aFolderIsAuditedOnSeveralThreadsWithTheSameFindingsAsOneByOne() throws {
        let seed = try String(contentsOfFile: Fixtures.seed, encoding: .utf8)
        let dir = try folder([("a.txt", seed), ("sub/b.txt", seed), ("notes.md", "ignored: not a disclosure format")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try BatchAuditRunner.files(in: dir)
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.txt"])
        let batch = BatchAuditRunner.run(files: files, profile: nil, jobs: 2)
        let single = AuditRunner.run(files: [Fixtures.seed], profile: nil, format: .text, language: .zh)
        #expect(batch.outcomes.count == 2)
        for outcome in batch.outcomes {
            #expect(outcome.report?.findings.map(\.rule) == single.reports.first?.findings.map(\.rule))
        }
        #expect(batch.exitCode == 1, "the seed has errors")
        let json = BatchAuditRunner.render(batch, json: true, language: .zh)
        let lines = json.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect((object?["file"] as? String)?.hasSuffix(".txt") == true)
            #expect(((object?["report"] as? [String: Any])?["summary"] as? [String: Any])?["errors"] as? Int == single.reports.first?.count(.error))
        }
        let text = BatchAuditRunner.render(batch, json: false, language: .zh)
        #expect(text.contains("文件"))
        #expect(text.contains("有错误"))
    }

    @Test func keepingLinesOrTalliesPrintsWhatKeepingReportsPrints() throws {
        let seed = try String(contentsOfFile: Fixtures.seed, encoding: .utf8)
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: false)
        let short = lines.prefix(lines.count / 2).joined(separator: "\n")
        let dir = try folder([("a.txt", seed), ("b.txt", short), ("sub/c.txt", seed + "\n"), ("d.txt", "这是一段普通文字，没有表格。\n")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try BatchAuditRunner.files(in: dir)
        let reports = BatchAuditRunner.run(files: files, profile: nil, jobs: 1, keep: .reports)
        for language in [ReportLanguage.zh, .en] {
            let lines = BatchAuditRunner.run(files: files, profile: nil, jobs: 2, keep: .jsonLines(language))
            #expect(lines.outcomes.allSatisfy { $0.report == nil })
            #expect(lines.outcomes.map(\.file) == files, "outcomes in the order of the files, whatever order they were audited in")
            #expect(BatchAuditRunner.render(lines, json: true, language: language) == BatchAuditRunner.render(reports, json: true, language: language))
            let tallies = BatchAuditRunner.run(files: files, profile: nil, jobs: 3, keep: .tallies)
            #expect(tallies.outcomes.allSatisfy { $0.report == nil && $0.line == nil })
            #expect(tallies.exitCode == reports.exitCode)
            // The text output but its last line (the time taken).
            let text = { (r: BatchAuditRunner.Result) in BatchAuditRunner.render(r, json: false, language: language).split(separator: "\n").dropLast() }
            #expect(text(tallies) == text(reports))
        }
        for o in reports.outcomes {
            guard let r = o.report, let t = o.tally else { continue }
            #expect(t.errors == r.count(.error) && t.warnings == r.count(.warning) && t.notices == r.count(.notice))
            #expect(t.findings == r.findings.count)
            #expect(t.rules == Dictionary(grouping: r.findings, by: \.rule).mapValues(\.count))
        }
        #expect(reports.exitCode == 65)
    }

    @Test func workersTakeTheLargestFilesFirst() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-order-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sizes = [3, 10, 1, 10, 7]
        let files = sizes.enumerated().map { i, n in
            let path = dir + "/\(i).txt"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: n)))
            return path
        }
        #expect(BatchAuditRunner.largestFirst(files + [dir + "/missing.txt"]) == [1, 3, 4, 0, 2, 5])
    }

    @Test func anUnreadableFileIsListedAndExits65() throws {
        let dir = try folder([("plain.txt", "这是一段普通文字，没有表格。\n")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let batch = BatchAuditRunner.run(files: try BatchAuditRunner.files(in: dir), profile: nil, jobs: 1)
        #expect(batch.exitCode == 65)
        #expect(batch.outcomes.first?.error?.contains("plain.txt") == true)
        #expect(BatchAuditRunner.render(batch, json: true, language: .en).contains("\"error\""))
    }

    @Test func aMissingFolderIsAClearError() {
        #expect(throws: (any Error).self) { try BatchAuditRunner.files(in: "/nonexistent/yusuan") }
    }
}
