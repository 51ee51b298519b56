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
        var projectFunctional: [String: (unit: String, functional: String)] = [:], projectOrder: [String] = []
        var fields = [(Int, Int)](repeating: (0, 0), count: 8)
        let slots = Self.slots([unit, functional, economic, nature, project, fund, amount])
        var natures = ByteMemo<NatureKind?>(), funds = ByteMemo<(source: RevenueSource, number: Int)?>()
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
            let f = string(fields[1].0, fields[1].1), e = string(fields[2].0, fields[2].1)
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
                let projectCode = string(fields[4].0, fields[4].1)
                guard !projectCode.isEmpty else { throw problem(start, "a 项目 line without 项目编码") }
                spending = .project(projectCode)
                if projectFunctional[projectCode] == nil { projectFunctional[projectCode] = (unitCode, f); projectOrder.append(projectCode) }
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
            Project(code: p, name: "项目\(i + 1)", unit: projectFunctional[p]?.unit ?? "", category: .general,
                    functional: projectFunctional[p]?.functional ?? "", basis: "依据年度工作计划。", overview: "用于年度工作。",
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

    /// The position of the first `byte` in [start, end), or `end` when there is none. `memchr` compares many
    /// bytes at a time: the lines of a city are read three times (departments, their budgets, the 汇总).
    func find(_ byte: UInt8, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The byte range of field `column` of the line [start, end).
    func field(_ column: Int, _ start: Int, _ end: Int) -> (Int, Int) {
        var fieldStart = start
        for _ in 0..<column {
            let comma = find(44, from: fieldStart, to: end)
            if comma == end { return (end, end) }
            fieldStart = comma + 1
        }
        return (fieldStart, find(44, from: fieldStart, to: end))
    }

    /// Where each field goes: `slots[k]` is the position in `fields` of field k (-1: not wanted).
    static func slots(_ columns: [Int]) -> [Int] {
        var slots = [Int](repeating: -1, count: (columns.max() ?? -1) + 1)
        for (slot, c) in columns.enumerated() { slots[c] = slot }
        return slots
    }

    /// The ranges of the wanted fields (`slots`) into `fields`, read in one pass over the line (no array per line).
    func split(_ start: Int, _ end: Int, into fields: inout [(Int, Int)], slots: [Int]) throws {
        var count = 0, fieldStart = start
        while true {
            let fieldEnd = find(44, from: fieldStart, to: end)
            if count < slots.count, slots[count] >= 0 { fields[slots[count]] = (fieldStart, fieldEnd) }
            count += 1
            if fieldEnd == end { break }
            fieldStart = fieldEnd + 1
        }
        guard count >= slots.count else { throw problem(start, "the line has \(count) fields") }
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// "1234.56" (元) → 分; nil when not a plain decimal with at most two decimals.
    func yuan(_ start: Int, _ end: Int) -> Int64? {
        var i = start, negative = false
        if i < end, bytes[i] == 45 { negative = true; i += 1 }
        var value: Int64 = 0, digits = 0, decimals = -1
        while i < end {
            let b = bytes[i]
            if b == 46 {
                guard decimals < 0 else { return nil }
                decimals = 0
            } else if b >= 48, b <= 57 {
                if decimals >= 0 { decimals += 1; guard decimals <= 2 else { return nil } }
                let (v, o) = value.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                value = v + Int64(b - 48)
                digits += 1
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, value < Int64.max / 100 else { return nil }
        for _ in 0..<(2 - max(0, decimals)) { value *= 10 }
        return negative ? -value : value
    }

    func problem(_ offset: Int, _ message: String) -> BenchError {
        var line = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 { line += 1 }
        return BenchError("\(path):\(line): \(message)")
    }
}
