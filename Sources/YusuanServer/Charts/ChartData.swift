import YusuanCore

/// One bar of a chart: a label and an amount in 分.
struct ChartBar: Sendable, Equatable {
    var label: String
    var fen: Int64
}

/// The figures the portal charts, read from a disclosure's tables (never recomputed from line items):
/// expenditure by 功能类, basic vs project, and the 三公 total by year.
enum ChartData {
    /// The 类 rows (3-digit functional codes) of the 部门支出总表 — or of the 一般公共预算 table
    /// when the former is absent — at the disclosure year's total column.
    static func byFunction(_ d: Disclosure) -> [ChartBar] {
        for kind in [TableKind.expenditureSummary, .generalExpenditure] {
            guard let table = d.table(kind), let column = totalColumn(table, year: d.year) else { continue }
            let bars = table.rows.compactMap { row -> ChartBar? in
                guard let code = row.code, code.scheme == .functional, code.level == 1,
                      let fen = fen(row, column, table), fen != 0 else { return nil }
                return ChartBar(label: "\(code.digits) \(row.name)", fen: fen)
            }
            if !bars.isEmpty { return bars }
        }
        return []
    }

    /// Basic and project expenditure: the total row of the 部门支出总表 (or the 一般公共预算 table).
    static func basicVersusProject(_ d: Disclosure, basic: String, project: String) -> [ChartBar] {
        for kind in [TableKind.expenditureSummary, .generalExpenditure] {
            guard let table = d.table(kind),
                  let b = column(table, .basic, year: d.year), let p = column(table, .project, year: d.year) else { continue }
            guard let total = table.rows.first(where: { $0.kind != .item && $0.code == nil }) else { continue }
            let values = [ChartBar(label: basic, fen: fen(total, b, table) ?? 0), ChartBar(label: project, fen: fen(total, p, table) ?? 0)]
            if values.contains(where: { $0.fen != 0 }) { return values }
        }
        return []
    }

    /// The 三公 total of every year the 三公 table prints (this year and usually the year before).
    static func threePublicByYear(_ d: Disclosure) -> [Int: Int64] {
        guard let table = d.table(.threePublic), let row = table.rows.first else { return [:] }
        var result: [Int: Int64] = [:]
        for c in table.columns where c.measure == .total && c.role == .money {
            guard let year = c.year ?? d.year, result[year] == nil, let fen = fen(row, c, table) else { continue }
            result[year] = fen
        }
        return result
    }

    static func totalColumn(_ t: DisclosureTable, year: Int?) -> Column? {
        column(t, .total, year: year)
    }

    /// The money column of `measure` for the disclosure's year (or with no year).
    static func column(_ t: DisclosureTable, _ measure: Measure, year: Int?) -> Column? {
        let candidates = t.columns.filter { $0.role == .money && $0.measure == measure }
        return candidates.first { $0.year == year } ?? candidates.first { $0.year == nil }
    }

    static func fen(_ row: Row, _ column: Column, _ table: DisclosureTable) -> Int64? {
        guard let value = row.number(column.index), let amount = Amount(value, unit: table.unit) else { return nil }
        return amount.fen
    }
}
