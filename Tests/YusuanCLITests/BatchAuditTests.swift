import Foundation
import Testing
import YusuanCLI
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
