import Foundation
import YusuanBuild
import YusuanCore
import YusuanRender

/// Builds every department of a city CSV (`City`): each department's disclosure (every table of the
/// profile and the 情况说明) and the consolidated 汇总 by 功能 and 经济 科目 (`Consolidation`), on `jobs`
/// threads. With an output folder, writes the departments' disclosures as text into OUTPUT/departments.txt in the
/// CSV's order of departments (`OrderedOutput`: form-feed lines between them), the 汇总 into OUTPUT/汇总.txt and the
/// exact totals the peers are checked against (分) into OUTPUT/totals.tsv; without one, prints the totals.
enum ScaleBuild {
    struct Options {
        var csv: String
        var output: String?
        var jobs: Int
        var year = 2022
        var profile = "chongqing-district-2022"
    }

    /// One department's rows: the byte offsets where its lines start.
    final class Departments {
        var codes: [String] = []
        var lines: [[Int]] = []
    }

    static func run(_ o: Options) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: o.csv), options: .alwaysMapped)
        if let output = o.output { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        var phases = ""
        let documents = try o.output.map { try OrderedOutput(path: ($0 as NSString).appendingPathComponent("departments.txt")) }
        let totals: String = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let csv = try CityCSV(bytes, path: o.csv)
            let departments = csv.departments()
            let work = WorkQueue(count: departments.codes.count, jobs: o.jobs)
            let uncontrolled = Counter()
            let started = Date()
            defer {
                FileHandle.standardError.write(Data("scale: \(departments.codes.count) departments; \(uncontrolled.total) figures in \(uncontrolled.events) departments more than one unit from exact (controlled rounding found no way to keep them within one); \(phases)\n".utf8))
            }
            // The 汇总 needs only the line items, not the departments' builds: one worker gathers every
            // department's items, builds it, writes it and works out the totals first, then joins the others, so
            // both cores stay busy to the end and nothing is left to do on one core after them.
            // Its input does not depend on thread timing (`Consolidation.Gathering` sums exactly; the leaves are sorted).
            let summary = Slot<Summary>()
            try work.run(first: {
                let began = Date()
                var gathering = Consolidation.Gathering()
                for lines in departments.lines { try csv.gather(lines: lines, into: &gathering) }
                let consolidated = Consolidation(gathering, name: "全市", year: o.year)
                let totals = Self.totals(consolidated)
                if let output = o.output {
                    let disclosure = Disclosure(title: "全市\(o.year)年部门预算汇总", department: "全市", year: o.year, phase: .budget,
                                                tables: consolidated.tables, narrative: [], source: "build")
                    try OrderedOutput.write(DisclosureText.renderUTF8(disclosure), toFile: (output as NSString).appendingPathComponent("汇总.txt"))
                    try OrderedOutput.write(Array(totals.utf8), toFile: (output as NSString).appendingPathComponent("totals.tsv"))
                }
                summary.value = Summary(leaves: consolidated.ledger.leaves.count, uncontrolled: consolidated.ledger.uncontrolled, totals: totals)
                summary.seconds = Date().timeIntervalSince(began)
            }) { index in
                let budget = try csv.budget(code: departments.codes[index], lines: departments.lines[index], year: o.year, profile: o.profile)
                let (disclosure, ledger) = DisclosureCompiler.compileKeepingLedger(budget)
                try documents?.put(index, DisclosureText.renderUTF8(disclosure))
                if ledger.uncontrolled > 0 { uncontrolled.add(ledger.uncontrolled) }
            }
            guard let consolidated = summary.value else { throw BenchError("the consolidated 汇总 was not built") }
            try documents?.finish(count: departments.codes.count)
            phases = String(format: "consolidated 汇总: %d leaves, %d figures more than one unit from exact; all %.1f s, of which the 汇总 %.1f s on one worker alongside the departments (wall)",
                            consolidated.leaves, consolidated.uncontrolled, Date().timeIntervalSince(started), summary.seconds)
            return consolidated.totals
        }
        if o.output == nil { print(totals, terminator: "") }
    }

    /// What the run reports of the 汇总 once it is written (the 汇总 itself is freed on its worker).
    struct Summary {
        var leaves: Int
        var uncontrolled: Int
        var totals: String
    }

    /// The exact figures compared with the peers: the total, 基本/项目, every 功能 类 and every 经济 类 (分).
    static func totals(_ c: Consolidation) -> String {
        // One pass over the leaves: sums by code (the leaves come in 功能 order, and within a 功能 code in 经济 order, so
        // a run of one code is looked up once), then by the first three characters of each distinct code, then each
        // 类's figure is the sum of the groups it is a prefix of (as `c.exact(functional:)`, which tests `hasPrefix`).
        var total: Int64 = 0, basic: Int64 = 0
        var byFunctionalCode = RunSums(), byEconomicCode = RunSums()
        // Leaves read in place, field by field (a leaf taken whole is copied, its strings retained).
        c.ledger.leaves.withUnsafeBufferPointer { leaves in
            for i in leaves.indices {
                let fen = leaves[i].exact.fen
                total += fen
                if leaves[i].nature.isBasic { basic += fen }
                byFunctionalCode.add(leaves[i].functional, fen)
                byEconomicCode.add(leaves[i].economic, fen)
            }
        }
        var byFunctional: [String: Int64] = [:], byEconomic: [String: Int64] = [:]
        for (code, fen) in byFunctionalCode.sums() { byFunctional[String(code.prefix(3)), default: 0] += fen }
        for (code, fen) in byEconomicCode.sums() { byEconomic[String(code.prefix(3)), default: 0] += fen }
        func sum(_ groups: [String: Int64], _ prefix: String) -> Int64 {
            groups.reduce(0) { $1.key.hasPrefix(prefix) ? $0 + $1.value : $0 }
        }
        var lines = ["total\t\(total)", "basic\t\(basic)", "project\t\(total - basic)"]
        for f in byFunctional.keys.sorted() { lines.append("f\(f)\t\(sum(byFunctional, f))") }
        for e in byEconomic.keys.sorted() { lines.append("e\(e)\t\(sum(byEconomic, e))") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Sums by code of figures that come in runs of one code: a run's sum is added to its code's when the code changes,
/// so a code is looked up once a run, not once a figure. Codes are numbered in the order first seen by a hash of their
/// bytes (`FirstSeenNumbering`, `FNV1a`): a dictionary keyed by the string hashed it through `Hasher` at each lookup
/// (about 340 instructions; 经济 codes change at nearly every leaf). Two spellings of one string (equal as strings,
/// not in bytes) may get two numbers; `sums` adds them up under one key, as the dictionary did.
struct RunSums {
    private var numbering = FirstSeenNumbering(expectedKeys: 256)
    private var codes: [String] = []
    private var totals: [Int64] = []
    private var run: (code: String, fen: Int64)?

    mutating func add(_ code: String, _ fen: Int64) {
        if let r = run, r.code == code {
            run = (r.code, r.fen + fen)
        } else {
            if let r = run { close(r) }
            run = (code, fen)
        }
    }

    /// A run's sum added to its code's.
    private mutating func close(_ r: (code: String, fen: Int64)) {
        let hash = FNV1a.hash(utf8: r.code)
        // Looked up first without changing the table: its closure reads `codes`.
        if let n = numbering.find(hash: hash, isKey: { codes[$0] == r.code }) {
            totals[n] += r.fen
            return
        }
        _ = numbering.number(hash: hash) { _ in false }
        codes.append(r.code)
        totals.append(r.fen)
    }

    /// Every code's sum.
    func sums() -> [String: Int64] {
        var all: [String: Int64] = [:]
        for (n, code) in codes.enumerated() { all[code, default: 0] += totals[n] }
        if let r = run { all[r.code, default: 0] += r.fen }
        return all
    }
}

/// Departments handed out to `jobs` threads; the first thread runs `first` (the 汇总) before it takes any.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failure: Error?
    let count: Int
    let jobs: Int

    init(count: Int, jobs: Int) {
        self.count = count
        self.jobs = max(1, jobs)
    }

    private func take() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard failure == nil, next < count else { return nil }
        next += 1
        return next - 1
    }

    private func fail(_ error: Error) {
        lock.lock(); failure = failure ?? error; lock.unlock()
    }

    func run(first: () throws -> Void, _ body: (Int) throws -> Void) throws {
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(body) { body in
                let box = UnsafeSendable((first, body))
                DispatchQueue.concurrentPerform(iterations: jobs) { worker in
                    if worker == 0 {
                        do { try box.value.0() } catch { fail(error) }
                    }
                    while let index = take() {
                        do { try box.value.1(index) } catch { fail(error) }
                    }
                }
            }
        }
        if let failure { throw failure }
    }
}

/// A value one worker sets and the caller reads once every worker is done.
final class Slot<T>: @unchecked Sendable {
    var value: T?
    var seconds = 0.0
}

struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// A count shared by the workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total = 0
    private(set) var events = 0
    func add(_ n: Int) {
        lock.lock(); total += n; events += 1; lock.unlock()
    }
}
