import Foundation
import Testing
import YusuanCLI
import YusuanTestSupport

/// The reports users read, compared with golden files (re-record with YUSUAN_RECORD=1 and read the diff).
@Suite(.serialized) struct GoldenReportTests {
    func run(_ files: [String], format: AuditRunner.Format, language: String = "zh") -> AuditRunner.Result {
        var r = AuditRunner.run(files: files, profile: nil, format: format, language: language == "en" ? .en : .zh)
        r.output = r.output.replacingOccurrences(of: Fixtures.root.path + "/", with: "")
        return r
    }

    @Test func seedTextReportInChinese() {
        let r = run([Fixtures.seed], format: .text)
        #expect(Golden.compare(r.output, to: "seed-report.zh.txt") == nil, "\(Golden.compare(r.output, to: "seed-report.zh.txt") ?? "")")
    }

    @Test func seedTextReportInEnglish() {
        let r = run([Fixtures.seed], format: .text, language: "en")
        #expect(Golden.compare(r.output, to: "seed-report.en.txt") == nil, "\(Golden.compare(r.output, to: "seed-report.en.txt") ?? "")")
    }

    @Test func seedJSONReport() throws {
        let r = run([Fixtures.seed], format: .json)
        #expect(Golden.compare(r.output, to: "seed-report.json") == nil, "\(Golden.compare(r.output, to: "seed-report.json") ?? "")")
        let object = try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Any]
        #expect(summary?["errors"] as? Int == r.reports.first?.count(.error))
        #expect((object?["document"] as? [String: Any])?["year"] as? Int == 2022)
    }

    @Test func snippetReports() {
        let names = (1...30).map { String(format: "sangong-%03d.txt", $0) }.filter {
            FileManager.default.fileExists(atPath: Fixtures.snippet($0))
        }
        let r = run(names.map(Fixtures.snippet), format: .text)
        #expect(r.reports.count == names.count)
        #expect(Golden.compare(r.output, to: "snippets-report.zh.txt") == nil, "\(Golden.compare(r.output, to: "snippets-report.zh.txt") ?? "")")
    }

    @Test func exitStatuses() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain.txt")
        try "只有文字，没有表格。\n".write(to: plain, atomically: true, encoding: .utf8)
        let r = run([plain.path], format: .text)
        #expect(r.exitCode == 65)
        #expect(r.errors.first?.contains("no disclosure table recognised") == true)
        let missing = run([dir.appendingPathComponent("none.txt").path], format: .text)
        #expect(missing.exitCode == 65)
        #expect(missing.errors.first?.contains("none.txt") == true)
        let clean = dir.appendingPathComponent("clean.txt")
        try "某局2022年一般公共预算“三公”经费支出预算表\n单位：万元\n项目\t预算数\n合计\t1.00\n因公出国（境）费\t\n公务接待费\t1.00\n公务用车购置及运行费\t\n其中：公务用车运行费\t\n公务用车购置费\t\n"
            .write(to: clean, atomically: true, encoding: .utf8)
        #expect(run([clean.path], format: .text).exitCode == 0)
        try "某局2022年一般公共预算“三公”经费支出预算表\n单位：万元\n项目\t预算数\n合计\t2.00\n因公出国（境）费\t\n公务接待费\t1.00\n公务用车购置及运行费\t\n其中：公务用车运行费\t\n公务用车购置费\t\n"
            .write(to: clean, atomically: true, encoding: .utf8)
        #expect(run([clean.path], format: .text).exitCode == 1)
    }
}
