import Foundation
import YusuanCore
import YusuanTestSupport

/// A synthetic city's (or province's) line items in one CSV, the input of the build-at-scale benchmark
/// and of its DuckDB and pandas peers:
///
///     部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）
///
/// Departments follow each other; each has 1–5 units, about ten projects and line items on real codes
/// of the year's catalogs (mostly of one 功能 类 of its own, some of 201), amounts of 10 to 500,000 元 in 分.
enum City {
    static let header = "部门编码,单位编码,功能科目,经济科目,性质,项目编码,资金来源,金额（元）"

    static func write(to path: String, departments: Int, items: Int, seed: UInt64, year: Int = 2022) throws {
        let functional = CatalogLibrary.catalog(.functional, year: year)
        let economic = CatalogLibrary.catalog(.economicDepartment, year: year)
        let paired = ReferenceTables.correspondences
        let pairedEconomic = Set(paired.map(\.economic)), pairedFunctional = Set(paired.map(\.functional))
        let xiang = (functional?.entries.keys.filter { $0.count == 7 && !pairedFunctional.contains($0) } ?? []).sorted()
        let classes = Dictionary(grouping: xiang) { String($0.prefix(3)) }
        let classCodes = classes.keys.sorted()
        let general = classes["201"] ?? xiang
        let kuan = (economic?.entries.keys.filter { $0.count == 5 && !pairedEconomic.contains($0) } ?? []).sorted()
        let personnel = kuan.filter { $0.hasPrefix("301") || $0.hasPrefix("303") }
        let publicCost = kuan.filter { $0.hasPrefix("302") }
        let projectEconomic = kuan.filter { $0.hasPrefix("302") || $0.hasPrefix("310") }
        guard !xiang.isEmpty, !personnel.isEmpty, !publicCost.isEmpty else {
            throw BenchError("no catalogs for \(year)")
        }
        _ = FileManager.default.createFile(atPath: path, contents: nil)  // failure is caught just below
        guard let out = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        defer { try? out.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 22)
        buffer += Array((header + "\n").utf8)
        var rng = SeededRandom(seed: seed)
        let natures = ["人员经费", "日常公用经费", "项目"].map { Array($0.utf8) }
        let funds: [[UInt8]] = [RevenueSource.generalBudget, .govFund, .specialAccount, .businessIncome].map { Array($0.rawValue.utf8) }
        for d in 0..<departments {
            let deptCode = Array(String(100_000 + d).utf8)
            let count = items / departments + (d < items % departments ? 1 : 0)
            let unitCount = Int.random(in: 1...5, using: &rng)
            let units = (1...unitCount).map { Array(String(format: "%03d", $0).utf8) }
            let own = classes[classCodes.randomElement(using: &rng) ?? "201"] ?? general
            let pool = (0..<15).compactMap { _ in own.randomElement(using: &rng) } + (0..<5).compactMap { _ in general.randomElement(using: &rng) }
            let projects = (0..<10).map { p in Array("\(100_000 + d)P\(String(format: "%04d", p + 1))".utf8) }
            for _ in 0..<count {
                let roll = Int.random(in: 0..<10, using: &rng)
                let nature = roll < 4 ? 0 : roll < 7 ? 1 : 2
                let codes = nature == 0 ? personnel : nature == 1 ? publicCost : projectEconomic
                let fundRoll = Int.random(in: 0..<50, using: &rng)
                let fund = fundRoll < 40 ? 0 : fundRoll < 44 ? 1 : fundRoll < 47 ? 2 : 3
                buffer += deptCode; buffer.append(44)
                buffer += units[Int.random(in: 0..<unitCount, using: &rng)]; buffer.append(44)
                buffer += Array((pool.randomElement(using: &rng) ?? "2010101").utf8); buffer.append(44)
                buffer += Array((codes.randomElement(using: &rng) ?? "30201").utf8); buffer.append(44)
                buffer += natures[nature]; buffer.append(44)
                if nature == 2 { buffer += projects[Int.random(in: 0..<projects.count, using: &rng)] }
                buffer.append(44)
                buffer += funds[fund]; buffer.append(44)
                appendYuan(Int64.random(in: 1_000...50_000_000, using: &rng), to: &buffer)
                buffer.append(10)
                if buffer.count > 1 << 22 {
                    out.write(Data(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        out.write(Data(buffer))
    }

    /// 分 → "元.角分".
    static func appendYuan(_ fen: Int64, to buffer: inout [UInt8]) {
        buffer += Array(String(fen / 100).utf8)
        let cents = Int(fen % 100)
        buffer.append(46)
        buffer.append(UInt8(48 + cents / 10))
        buffer.append(UInt8(48 + cents % 10))
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
