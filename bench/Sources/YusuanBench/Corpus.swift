import Foundation
import YusuanBuild
import YusuanCore
import YusuanRender
import YusuanTestSupport

enum BatchFiles {
    static func list(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}

/// A corpus of built disclosures, half of them with one figure changed by 1.00 万元.
enum Corpus {
    struct Change {
        var file: String
        var table: String
        var row: String
        var before: String
        var after: String
    }

    static func write(to directory: String, count: Int, seed: UInt64) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var manifest = "file\tchanged\ttable\trow\tbefore\tafter\n"
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            // About the seed's size: two units, some 60 line items, a few projects.
            let budget = BudgetGenerator.make(seed: seed &* 1_000_003 &+ UInt64(i), units: 2,
                                              items: Int.random(in: 40...80, using: &rng), projects: Int.random(in: 2...9, using: &rng))
            var d = DisclosureCompiler.compile(budget)
            let name = String(format: "%04d.txt", i)
            var line = "\(name)\tno\t\t\t\t"
            if i % 2 == 1, let change = inject(&d, rng: &rng) {
                line = "\(name)\tyes\t\(change.table)\t\(change.row)\t\(change.before)\t\(change.after)"
            }
            manifest += line + "\n"
            try DisclosureText.render(d).write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try manifest.write(toFile: manifestPath(directory), atomically: true, encoding: .utf8)
        print("corpus \(count) files in \(directory)")
    }

    /// Adds 1.00 to a printed figure of a grid table chosen at random.
    static func inject(_ d: inout Disclosure, rng: inout SeededRandom) -> Change? {
        var cells: [(Int, Int, Int)] = []
        for (t, table) in d.tables.enumerated() where table.kind != .overallPerformance && table.kind != .projectPerformance {
            for (r, row) in table.rows.enumerated() {
                for col in table.moneyColumns where row.cell(col.index)?.number != nil { cells.append((t, r, col.index)) }
            }
        }
        guard let (t, r, c) = cells.randomElement(using: &rng), let before = d.tables[t].rows[r].cells[c].number?.value else { return nil }
        let after = before + Fixed(mantissa: 100, scale: 2)
        d.tables[t].rows[r].cells[c] = Cell(text: after.formatted(digits: 2), location: SourceLocation())
        return Change(file: "", table: d.tables[t].displayName, row: d.tables[t].rows[r].label,
                      before: before.formatted(digits: 2), after: after.formatted(digits: 2))
    }

    /// The manifest sits beside the folder (DIR.manifest.tsv), not in it: in it, `--batch` would read it as a
    /// disclosure (a TSV table) and count its bytes.
    static func manifestPath(_ directory: String) -> String {
        (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + ".manifest.tsv"
    }

    /// Reads the manifest and the JSON lines of `yusuan audit --batch --format json`.
    static func check(directory: String, results: String) throws {
        let manifest = try String(contentsOfFile: manifestPath(directory), encoding: .utf8)
        var changed: [String: Bool] = [:]
        for line in manifest.split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count >= 2 { changed[String(f[0])] = f[1] == "yes" }
        }
        var found = 0, missed: [String] = [], falseErrors: [String] = []
        let text = try String(contentsOfFile: results, encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let file = object["file"] as? String else { continue }
            let name = (file as NSString).lastPathComponent
            guard name.hasSuffix(".txt") else { continue }
            let report = object["report"] as? [String: Any]
            let summary = report?["summary"] as? [String: Any]
            let errors = summary?["errors"] as? Int ?? 0
            if changed[name] == true {
                if errors > 0 { found += 1 } else { missed.append(name) }
            } else if errors > 0 || object["error"] != nil {
                falseErrors.append(name)
            }
        }
        let injected = changed.values.filter { $0 }.count
        print("check injected \(injected) found \(found) missed \(missed.count) clean-with-errors \(falseErrors.count)")
        if !missed.isEmpty { print("missed: " + missed.prefix(10).joined(separator: ", ")) }
        if !falseErrors.isEmpty { print("errors in unchanged files: " + falseErrors.prefix(10).joined(separator: ", ")) }
        if !missed.isEmpty || !falseErrors.isEmpty { exit(1) }
    }
}
