import Foundation
import YusuanCore

/// `yusuan-bench rounding FILE…`: solves controlled-rounding problems saved as text and reports, per file,
/// the leaves, aggregates, laminar families, aggregates out of range and the time taken.
///
/// File format (as Tests/Fixtures/rounding holds; a debugging copy of `Ledger.round` can write one per problem):
/// the unit in 分 on the first line, the leaves' exact amounts in 分 (space separated) on the second, then one
/// aggregate per line (leaf indices). `--work N` sets `ControlledRounding.solve`'s work limit.
enum RoundingCheck {
    static func problem(at path: String) throws -> RoundingProblem {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, let unit = Int64(lines[0]) else { throw BenchError("\(path): not a rounding problem") }
        let leaves = lines[1].split(separator: " ").compactMap { Int64($0) }
        let aggregates = lines.dropFirst(2).filter { !$0.isEmpty }.map { $0.split(separator: " ").compactMap { Int($0) } }
        return RoundingProblem(leaves: leaves, unit: unit, aggregates: aggregates)
    }

    /// Solves each file; returns the number of files with an aggregate out of range.
    static func run(_ paths: [String], workLimit: Int = ControlledRounding.defaultWorkLimit) throws -> Int {
        var failed = 0
        for path in paths {
            let p = try problem(at: path)
            var solution: RoundingSolution?
            let t = seconds { solution = ControlledRounding.solve(p, workLimit: workLimit) }
            guard let s = solution else { continue }
            let fine = p.aggregates.indices.allSatisfy { i in
                let (whole, remainder) = p.exactValue(of: p.aggregates[i])
                let printed = s.aggregateUnits[i]
                return printed == whole || (remainder > 0 && printed == whole + 1)
            }
            if !s.violations.isEmpty || !fine { failed += 1 }
            print(String(format: "%@\tleaves %d\taggregates %d\tfamilies %d\tout of range %d\t%.4f s",
                         (path as NSString).lastPathComponent, p.leaves.count, p.aggregates.count, s.familyCount,
                         s.violations.count, t))
        }
        return failed
    }
}
