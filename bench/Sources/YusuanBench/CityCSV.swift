import Foundation
import YusuanBuild
import YusuanCore

/// Reads a city CSV (`City.header`) in place: departments by the offsets of their lines, then one
/// department's lines into a `Budget` (line items, its units, its projects, revenue equal to spending).
/// Fields are plain (no quotes); amounts are 元 with at most two decimals, read exactly into 分.
struct CityCSV {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    /// Column of each field, by `City.header`'s names.
    let department, unit, functional, economic, nature, project, fund, amount: Int
    let bodyStart: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        self.bytes = bytes
        self.path = path
        var end = 0
        while end < bytes.count, bytes[end] != 10 { end += 1 }
        var header = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        if header.hasSuffix("\r") { header.removeLast() }
        if header.hasPrefix("\u{FEFF}") { header.removeFirst() }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) throws -> Int {
            guard let i = names.firstIndex(of: name) else { throw BenchError("\(path): no column \(name) in the header") }
            return i
        }
        department = try column("部门编码"); unit = try column("单位编码"); functional = try column("功能科目")
        economic = try column("经济科目"); nature = try column("性质"); project = try column("项目编码")
        fund = try column("资金来源"); amount = try column("金额（元）")
        bodyStart = min(bytes.count, end + 1)
    }

    /// Each department's line offsets, departments in order of first appearance.
    func departments() -> ScaleBuild.Departments {
        let result = ScaleBuild.Departments()
        var index: [String: Int] = [:]
        guard let base = bytes.baseAddress else { return result }
        // Gathered in locals and stored once: each access to the class's stored properties is checked for
        // exclusivity at run time, and a line's append was one.
        var codes: [String] = [], lines: [[Int]] = []
        var previous: (start: Int, end: Int, department: Int)?
        var position = bodyStart
        let n = bytes.count
        while position < n {
            let start = position
            let end = find(10, from: start, to: n)
            position = end + 1
            if end == start || (end == start + 1 && bytes[start] == 13) { continue }
            let (fs, fe) = field(department, start, end)
            let d: Int
            if let p = previous, p.end - p.start == fe - fs, memcmp(base + p.start, base + fs, fe - fs) == 0 {
                d = p.department
            } else {
                let code = string(fs, fe)
                if let known = index[code] {
                    d = known
                } else {
                    d = codes.count
                    index[code] = d
                    codes.append(code)
                    lines.append([])
                }
            }
            previous = (fs, fe, d)
            lines[d].append(start)
        }
        (result.codes, result.lines) = (codes, lines)
        return result
    }

    func budget(code: String, lines: [Int], year: Int, profile: String) throws -> Budget {
        var items: [LineItem] = []
        items.reserveCapacity(lines.count)
        // Units and funds numbered in order of first appearance (found by their bytes: no string per line); the
        // revenue summed by unit and fund number.
        var unitCodes: [String] = [], unitNumbers = ByteMemo<Int>()
        var sources: [RevenueSource] = []
        var revenue: [[Int64?]] = []
        // Projects in order of first appearance, each with the unit and 功能 code of its first line.
        var projectCodes = TextMemo(), projectOrder: [(code: String, unit: String, functional: String)] = []
        var fields = [(Int, Int)](repeating: (0, 0), count: 8)
        let slots = Self.slots([unit, functional, economic, nature, project, fund, amount])
        var natures = ByteMemo<NatureKind?>(), funds = ByteMemo<(source: RevenueSource, number: Int)?>()
        // 功能 and 经济 codes: one string per distinct code of the department, not two per line.
        var codes = TextMemo()
        for start in lines {
            var end = find(10, from: start, to: bytes.count)
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            try split(start, end, into: &fields, slots: slots)
            let unitNumber = unitNumbers.value(bytes, fields[0]) { text -> Int in
                unitCodes.append(text)
                revenue.append([])
                return unitCodes.count - 1
            }
            let unitCode = unitCodes[unitNumber]
            let f = codes.text(bytes, fields[1]).text, e = codes.text(bytes, fields[2]).text
            // 性质 and 资金来源 take a few values: found by their bytes, no string per line.
            let nature = natures.value(bytes, fields[3]) { text -> NatureKind? in
                switch text {
                case "人员经费": return .personnel
                case "日常公用经费": return .publicCost
                case "项目", "": return .project
                default: return nil
                }
            }
            guard let fund = funds.value(bytes, fields[5], { text in
                RevenueSource(rawValue: text).map { source in
                    sources.append(source)
                    return (source: source, number: sources.count - 1)
                }
            }) else { throw problem(start, "unknown 资金来源") }
            guard let fen = yuan(fields[6].0, fields[6].1) else { throw problem(start, "金额（元） is not 元 with at most two decimals") }
            let spending: SpendingNature
            switch nature {
            case .personnel: spending = .personnel
            case .publicCost: spending = .publicCost
            case .project:
                guard fields[4].0 < fields[4].1 else { throw problem(start, "a 项目 line without 项目编码") }
                let project = projectCodes.text(bytes, fields[4])
                spending = .project(project.text)
                if project.isNew { projectOrder.append((project.text, unitCode, f)) }
            case nil: throw problem(start, "unknown 性质 \(string(fields[3].0, fields[3].1))")
            }
            if revenue[unitNumber].count <= fund.number {
                revenue[unitNumber] += Array(repeating: nil, count: fund.number + 1 - revenue[unitNumber].count)
            }
            revenue[unitNumber][fund.number] = (revenue[unitNumber][fund.number] ?? 0) + fen
            items.append(LineItem(unit: unitCode, functional: f, economic: e, nature: spending, fund: fund.source, amount: Amount(fen: fen)))
        }
        let units = unitCodes.sorted().enumerated().map { i, c in
            BudgetUnit(code: c, name: i == 0 ? "部门\(code)本级" : "部门\(code)所属单位\(c)", kind: i == 0 ? .administrative : .institution)
        }
        let projects = projectOrder.enumerated().map { i, p in
            Project(code: p.code, name: "项目\(i + 1)", unit: p.unit, category: .general,
                    functional: p.functional, basis: "依据年度工作计划。", overview: "用于年度工作。",
                    goal: "完成年度工作。", start: "\(year)年1月", end: "\(year)年12月")
        }
        var revenueItems: [RevenueItem] = []
        for (u, sums) in revenue.enumerated() {
            for (number, sum) in sums.enumerated() {
                if let sum { revenueItems.append(RevenueItem(unit: unitCodes[u], source: sources[number], amount: Amount(fen: sum))) }
            }
        }
        revenueItems.sort { ($0.unit, $0.source.rawValue) < ($1.unit, $1.source.rawValue) }
        return Budget(department: "部门\(code)", departmentCode: code, year: year, profile: profile, units: units,
                      duties: "负责本部门职责范围内的工作。", composition: "本部门由\(units.count)个单位组成。",
                      revenue: revenueItems, lineItems: items, projects: projects, overallGoals: ["完成年度工作任务"])
    }

    /// One department's line items added to the 汇总's gathering, reading only the fields it needs (功能, 经济, 性质,
    /// 项目编码, 资金来源, 金额): no `Budget`, no units or projects. Checks those fields as `budget` does.
    func gather(lines: [Int], into gathering: inout Consolidation.Gathering) throws {
        var fields = [(Int, Int)](repeating: (0, 0), count: 8)
        let slots = Self.slots([functional, economic, nature, project, fund, amount])
        var natures = ByteMemo<SpendingNature?>(), funds = ByteMemo<RevenueSource?>()
        for start in lines {
            var end = find(10, from: start, to: bytes.count)
            if end > start, bytes[end - 1] == 13 { end -= 1 }
            try split(start, end, into: &fields, slots: slots)
            let spending = natures.value(bytes, fields[2]) { text -> SpendingNature? in
                switch text {
                case "人员经费": return .personnel
                case "日常公用经费": return .publicCost
                case "项目", "": return .project("")
                default: return nil
                }
            }
            guard let spending else { throw problem(start, "unknown 性质 \(string(fields[2].0, fields[2].1))") }
            if !spending.isBasic, fields[3].0 == fields[3].1 { throw problem(start, "a 项目 line without 项目编码") }
            guard let source = funds.value(bytes, fields[4], RevenueSource.init(rawValue:)) else { throw problem(start, "unknown 资金来源") }
            guard let fen = yuan(fields[5].0, fields[5].1) else { throw problem(start, "金额（元） is not 元 with at most two decimals") }
            gathering.add(functional: UnsafeBufferPointer(rebasing: bytes[fields[0].0..<fields[0].1]),
                          economic: UnsafeBufferPointer(rebasing: bytes[fields[1].0..<fields[1].1]),
                          nature: spending, fund: source, amount: Amount(fen: fen))
        }
    }

    /// Values of a few distinct field texts (性质, 资金来源, 单位编码), found by their bytes so that no string is built per line.
    struct ByteMemo<Value> {
        private var known: [([UInt8], Value)] = []

        mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: (Int, Int), _ make: (String) -> Value) -> Value {
            let field = UnsafeBufferPointer(rebasing: bytes[range.0..<range.1])
            // Compared with memcmp: a generic `elementsEqual` over the bytes cost 1% of a city's instructions.
            for (key, value) in known where key.count == field.count {
                let same = key.withUnsafeBufferPointer { k in
                    guard let a = k.baseAddress, let b = field.baseAddress else { return true }
                    return memcmp(a, b, field.count) == 0
                }
                if same { return value }
            }
            let value = make(String(decoding: field, as: UTF8.self))
            known.append((Array(field), value))
            return value
        }
    }

    enum NatureKind { case personnel, publicCost, project }
}
