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
        /// The report, when `run` was asked to keep it (`Keep.reports`).
        public var report: AuditReport?
        public var error: String?
        /// What the summary needs of the report, worked out by the worker that audited the file.
        public var tally: Tally?
        /// The file's JSON line, rendered by the worker (`Keep.jsonLines`).
        public var line: String?
    }

    /// What `run` keeps of each audited file. A report holds its whole disclosure (every table, row and cell,
    /// about half a megabyte for a budget of the seed's size), so a batch that keeps them grows by that much per
    /// file; the others keep only what `render` prints.
    public enum Keep: Sendable {
        /// The report itself (and its tally).
        case reports
        /// The file's JSON line in this language, and the tally.
        case jsonLines(ReportLanguage)
        /// Only the tally: the text output's line per file and summary.
        case tallies
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
    /// Each worker takes the next file not yet taken, largest first, so that no worker is left with a share of the
    /// batch while the other idles (a fixed share per worker waited for the slowest one, and on a shared machine a
    /// thread that other work delays is often behind). The outcomes stay in the order of `files`.
    public static func run(files: [String], profile: String?, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                           keep: Keep = .reports, progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        let results = OutcomeStore(count: files.count, order: largestFirst(files))
        let started = DispatchTime.now()
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = results.next() {
                results.set(i, kept(audit(files[i], profile: profile), keep))
                progress?(results.increment())
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let outcomes = results.all(files: files)
        let code: Int32 = outcomes.contains { $0.error != nil } ? 65 : (outcomes.contains { ($0.tally?.errors ?? 0) > 0 } ? 1 : 0)
        return Result(outcomes: outcomes, seconds: seconds, exitCode: code)
    }

    /// The indices of `files`, largest file first (ties and files whose size is unknown in path order).
    static func largestFirst(_ files: [String]) -> [Int] {
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        return files.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
    }

    /// What `keep` asks for of an outcome: the tally always, then the report or its JSON line.
    static func kept(_ outcome: Outcome, _ keep: Keep) -> Outcome {
        var o = outcome
        guard let report = o.report else { return o }
        o.tally = Tally(report)
        switch keep {
        case .reports: break
        case .jsonLines(let language):
            o.line = AuditJSONReport.line(report, file: o.file, language: language)
            o.report = nil
        case .tallies: o.report = nil
        }
        return o
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
                if let line = o.line { return line }
                if let r = o.report { return AuditJSONReport.line(r, file: o.file, language: language) }
                return AuditJSONReport.errorLine(file: o.file, error: o.error ?? "unreadable")
            }.joined(separator: "\n") + "\n"
        }
        var s = ""
        for o in result.outcomes {
            if let r = o.tally {
                s += zh ? "\(o.file)：错误 \(r.errors)，警告 \(r.warnings)，提示 \(r.notices)\n"
                        : "\(o.file): \(r.errors) errors, \(r.warnings) warnings, \(r.notices) notices\n"
            } else {
                s += (zh ? "无法读取 " : "unreadable ") + (o.error ?? o.file) + "\n"
            }
        }
        return s + "\n" + summary(result, language: language)
    }

    static func summary(_ result: Result, language: ReportLanguage) -> String {
        let zh = language == .zh
        let reports = result.outcomes.compactMap(\.tally)
        let withErrors = reports.filter { $0.errors > 0 }.count
        let clean = reports.filter { $0.findings == 0 }.count
        let unreadable = result.outcomes.filter { $0.error != nil }.count
        let total = { (s: Severity) in reports.map { $0.count(s) }.reduce(0, +) }
        let mb = Double(result.bytes) / 1_000_000
        let rate = result.seconds > 0 ? mb / result.seconds : 0
        var rules: [String: Int] = [:]
        for r in reports { for (rule, n) in r.rules { rules[rule, default: 0] += n } }
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

