import Foundation
import YusuanAudit
import YusuanCore
import YusuanIngest
import YusuanRender

/// `yusuan audit --batch DIR`: every disclosure in a folder, audited on all cores, with a progress
/// bar on a terminal and a summary table (or JSON lines, one per file).
public enum BatchAuditRunner {
    /// What one file gave: a report, or why it could not be read.
    public struct Outcome: Sendable {
        public var file: String
        public var bytes: Int
        public var report: AuditReport?
        public var error: String?
    }

    public struct Result: Sendable {
        public var outcomes: [Outcome]
        public var seconds: Double
        public var exitCode: Int32
        public var bytes: Int { outcomes.map(\.bytes).reduce(0, +) }
    }

    static let extensions: Set<String> = ["txt", "text", "html", "htm", "xlsx", "pdf", "csv", "tsv"]

    /// The files of `directory` (and its subfolders) that Yusuan reads, sorted by path.
    public static func files(in directory: String) throws(IngestError) -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IngestError(file: directory, message: "not a folder; --batch takes a folder of disclosures")
        }
        guard let walker = fm.enumerator(atPath: directory) else {
            throw IngestError(file: directory, message: "cannot list the folder")
        }
        var out: [String] = []
        while let name = walker.nextObject() as? String {
            let ext = (name as NSString).pathExtension.lowercased()
            if extensions.contains(ext) { out.append((directory as NSString).appendingPathComponent(name)) }
        }
        return out.sorted()
    }

    /// Audits `files` on `jobs` threads; `progress` is called (from any thread) after each file.
    public static func run(files: [String], profile: String?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                           progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        let results = OutcomeStore(count: files.count)
        let started = DispatchTime.now()
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < files.count {
                results.set(i, audit(files[i], profile: profile))
                progress?(results.increment())
                i += workers
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let outcomes = results.all(files: files)
        let code: Int32 = outcomes.contains { $0.error != nil } ? 65 : (outcomes.contains { ($0.report?.count(.error) ?? 0) > 0 } ? 1 : 0)
        return Result(outcomes: outcomes, seconds: seconds, exitCode: code)
    }

    static func audit(_ file: String, profile: String?) -> Outcome {
        guard let data = FileManager.default.contents(atPath: file) else {
            return Outcome(file: file, bytes: 0, report: nil, error: "\(file): cannot read the file")
        }
        do {
            let d = try Recogniser.recognise(DocumentReader.read(data, source: file))
            return Outcome(file: file, bytes: data.count, report: Auditor.audit(d, profileID: profile), error: nil)
        } catch {
            return Outcome(file: file, bytes: data.count, report: nil, error: error.description)
        }
    }

    /// One line per file, then the summary table (text); or one JSON line per file.
    public static func render(_ result: Result, json: Bool, language: ReportLanguage) -> String {
        let zh = language == .zh
        if json {
            return result.outcomes.map { o in
                if let r = o.report { return AuditJSONReport.line(r, file: o.file, language: language) }
                return AuditJSONReport.errorLine(file: o.file, error: o.error ?? "unreadable")
            }.joined(separator: "\n") + "\n"
        }
        var s = ""
        for o in result.outcomes {
            if let r = o.report {
                s += zh ? "\(o.file)：错误 \(r.count(.error))，警告 \(r.count(.warning))，提示 \(r.count(.notice))\n"
                        : "\(o.file): \(r.count(.error)) errors, \(r.count(.warning)) warnings, \(r.count(.notice)) notices\n"
            } else {
                s += (zh ? "无法读取 " : "unreadable ") + (o.error ?? o.file) + "\n"
            }
        }
        return s + "\n" + summary(result, language: language)
    }

    static func summary(_ result: Result, language: ReportLanguage) -> String {
        let zh = language == .zh
        let reports = result.outcomes.compactMap(\.report)
        let withErrors = reports.filter { $0.count(.error) > 0 }.count
        let clean = reports.filter { $0.findings.isEmpty }.count
        let unreadable = result.outcomes.filter { $0.error != nil }.count
        let total = { (s: Severity) in reports.map { $0.count(s) }.reduce(0, +) }
        let mb = Double(result.bytes) / 1_000_000
        let rate = result.seconds > 0 ? mb / result.seconds : 0
        var rules: [String: Int] = [:]
        for r in reports { for f in r.findings { rules[f.rule, default: 0] += 1 } }
        let top = rules.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let rows: [(String, String)] = zh ? [
            ("文件", "\(result.outcomes.count)"), ("有错误", "\(withErrors)"), ("无任何发现", "\(clean)"), ("无法读取", "\(unreadable)"),
            ("错误 / 警告 / 提示", "\(total(.error)) / \(total(.warning)) / \(total(.notice))"),
            ("最常见的规则", top.isEmpty ? "—" : top),
            ("用时", String(format: "%.3f 秒，%.1f MB，%.1f MB/秒", result.seconds, mb, rate)),
        ] : [
            ("files", "\(result.outcomes.count)"), ("with errors", "\(withErrors)"), ("clean", "\(clean)"), ("unreadable", "\(unreadable)"),
            ("errors / warnings / notices", "\(total(.error)) / \(total(.warning)) / \(total(.notice))"),
            ("most frequent rules", top.isEmpty ? "—" : top),
            ("time", String(format: "%.3f s, %.1f MB, %.1f MB/s", result.seconds, mb, rate)),
        ]
        // Padded by display width: a CJK character takes two columns of a terminal.
        func columns(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        let width = rows.map { columns($0.0) }.max() ?? 0
        return rows.map { $0.0 + String(repeating: " ", count: width - columns($0.0)) + "  " + $0.1 }.joined(separator: "\n") + "\n"
    }
}

/// Results written by several threads, each index once.
final class OutcomeStore: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BatchAuditRunner.Outcome?]
    private var done = 0

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ outcome: BatchAuditRunner.Outcome) {
        lock.lock(); defer { lock.unlock() }
        items[i] = outcome
    }

    func increment() -> Int {
        lock.lock(); defer { lock.unlock() }
        done += 1
        return done
    }

    func all(files: [String]) -> [BatchAuditRunner.Outcome] {
        lock.lock(); defer { lock.unlock() }
        return items.enumerated().map { i, o in o ?? BatchAuditRunner.Outcome(file: files[i], bytes: 0, report: nil, error: "\(files[i]): not audited") }
    }
}
