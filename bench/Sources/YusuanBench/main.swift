import Foundation
import YusuanAudit
import YusuanBuild
import YusuanCore
import YusuanIngest
import YusuanRender
import YusuanSource
import YusuanTestSupport

/// The benchmark helper behind bench/run (not part of the test suite):
///
///   yusuan-bench corpus DIR [COUNT] [SEED]   write COUNT disclosures (text) built from random valid budgets of about
///                                            the seed's size; every second one with one figure changed by 1.00;
///                                            DIR.manifest.tsv (beside DIR) lists the changes
///   yusuan-bench floor DIR                   read and decode (UTF-8) every file of DIR: the floor audit is measured against
///   yusuan-bench check DIR RESULTS.jsonl     every changed file has an error naming the changed row; the others have none
///   yusuan-bench inprocess FILE [REPEAT]     audit one file REPEAT times in process: seconds per audit
///   yusuan-bench reports OUTDIR FILE…        each file's audit report as JSON in every language (OUTDIR/N.zh.json, …;
///                                            N.error when it cannot be read): the outputs an optimisation must keep
///   yusuan-bench budget OUT.yaml UNITS ITEMS PROJECTS   a random valid budget source of that size
///   yusuan-bench city OUT.csv DEPARTMENTS ITEMS [SEED]  a synthetic city's line items in one CSV (City.swift)
///   yusuan-bench scale CSV [OUTDIR] [--jobs N]        build every department of a city CSV and the consolidated
///                                                     汇总 (ScaleBuild.swift); exact totals to OUTDIR/totals.tsv
///   yusuan-bench rounding [--work N] FILE…            solve saved controlled-rounding problems (RoundingCheck.swift);
///                                                     exit status 1 when an aggregate stays out of range

let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("yusuan-bench: " + message + "\n").utf8))
    exit(64)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now()
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// Runs the command named by the arguments. An error (input that cannot be read, a file that cannot be written)
/// ends the program with its message and exit status 1 (the `do` at the end), a wrong command line with status 64 (`fail`).
func run() throws {
    switch arguments.first {
    case "corpus":
        guard arguments.count >= 2 else { fail("corpus DIR [COUNT] [SEED]") }
        try Corpus.write(to: arguments[1], count: arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000,
                         seed: arguments.count > 3 ? UInt64(arguments[3]) ?? 1 : 1)
    case "floor":
        guard arguments.count == 2 else { fail("floor DIR") }
        let files = try BatchFiles.list(arguments[1])
        var characters = 0, bytes = 0
        let t = seconds {
            for f in files {
                guard let data = FileManager.default.contents(atPath: f) else { continue }
                bytes += data.count
                characters += String(decoding: data, as: UTF8.self).unicodeScalars.count
            }
        }
        print(String(format: "floor %d files %d bytes %d scalars %.6f s %.1f MB/s", files.count, bytes, characters, t, Double(bytes) / 1e6 / t))
    case "check":
        guard arguments.count == 3 else { fail("check DIR RESULTS.jsonl") }
        try Corpus.check(directory: arguments[1], results: arguments[2])
    case "inprocess":
        guard arguments.count >= 2 else { fail("inprocess FILE [REPEAT]") }
        let repeatCount = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100
        guard let data = FileManager.default.contents(atPath: arguments[1]) else { fail("cannot read \(arguments[1])") }
        var findings = 0
        let t = try seconds {
            for _ in 0..<repeatCount {
                let d = try Recogniser.recognise(DocumentReader.read(data, source: arguments[1]))
                findings += Auditor.audit(d, profileID: nil).findings.count
            }
        }
        print(String(format: "inprocess %d audits %.6f s per audit (%d bytes, %d findings each)", repeatCount, t / Double(repeatCount), data.count, findings / repeatCount))
    case "reports":
        guard arguments.count >= 3 else { fail("reports OUTDIR FILE…") }
        try Reports.write(files: Array(arguments.dropFirst(2)), to: arguments[1])
    case "budget":
        guard arguments.count == 5, let units = Int(arguments[2]), let items = Int(arguments[3]), let projects = Int(arguments[4]) else {
            fail("budget OUT.yaml UNITS ITEMS PROJECTS")
        }
        let budget = BudgetGenerator.make(seed: 7, units: units, items: items, projects: projects)
        try BudgetSource.write(budget, format: .yaml, to: arguments[1])
    case "city":
        guard arguments.count >= 4, let departments = Int(arguments[2]), let items = Int(arguments[3]), departments > 0 else {
            fail("city OUT.csv DEPARTMENTS ITEMS [SEED]")
        }
        try City.write(to: arguments[1], departments: departments, items: items, seed: arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1)
    case "scale":
        var rest = Array(arguments.dropFirst())
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        if let i = rest.firstIndex(of: "--jobs"), i + 1 < rest.count, let n = Int(rest[i + 1]) {
            jobs = n
            rest.removeSubrange(i...(i + 1))
        }
        guard let csv = rest.first else { fail("scale CSV [OUTDIR] [--jobs N]") }
        try ScaleBuild.run(ScaleBuild.Options(csv: csv, output: rest.count > 1 ? rest[1] : nil, jobs: jobs))
    case "rounding":
        var files = Array(arguments.dropFirst())
        var workLimit = ControlledRounding.defaultWorkLimit
        if let i = files.firstIndex(of: "--work"), i + 1 < files.count, let n = Int(files[i + 1]) {
            workLimit = n
            files.removeSubrange(i...(i + 1))
        }
        guard !files.isEmpty else { fail("rounding [--work N] FILE…") }
        if try RoundingCheck.run(files, workLimit: workLimit) > 0 { exit(1) }
    default:
        fail("usage: yusuan-bench corpus|floor|check|inprocess|reports|budget|city|scale|rounding … (see bench/README.md)")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("yusuan-bench: \(error)\n".utf8))
    exit(1)
}
