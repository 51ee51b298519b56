import YusuanCore

/// One printed figure of a disclosure as a budget line: which table, row and column it stands
/// in, what it classifies (functional or economic code, department and unit), what it measures,
/// for which fund, year, phase and direction, and the amount in 元 as an exact decimal.
public struct BudgetLine: Sendable, Equatable {
    public var attachment: String
    public var tableKind: String
    public var tableTitle: String
    public var side: String
    /// 1-based row of the table.
    public var row: Int
    public var sourceLine: Int?
    /// "expenditure" or "revenue".
    public var direction: String
    /// "approved" (预算) or "executed" (决算).
    public var phase: String
    public var fiscalYear: Int?
    public var department: String
    public var unit: String
    public var functionalCode: String
    public var functionalName: String
    public var economicCode: String
    public var economicName: String
    /// The row's label as printed.
    public var item: String
    public var rowKind: String
    public var codePrinted: Bool
    /// The column's header path, levels joined by "/".
    public var column: String
    public var measure: String
    public var fund: String
    /// The figure as printed, and the unit it was printed in.
    public var printed: String
    public var printedUnit: String
    /// The figure in 元, exact ("9518100.00").
    public var amount: String
}

/// The budget lines of a disclosure and their CSV: one line per table row × figure column with a
/// printed figure (blank cells print no figure and give no line; "-" is a printed zero).
/// Performance forms hold no money and give none.
public enum DisclosureBudgetLines {
    /// The CSV columns, in order; `DisclosureDataPackage` describes each.
    public static let fields = ["attachment", "table_kind", "table_title", "side", "row", "source_line", "direction", "phase",
                                "fiscal_year", "department", "unit", "functional_code", "functional_name", "economic_code",
                                "economic_name", "item", "row_kind", "code_printed", "column", "measure", "fund", "printed",
                                "printed_unit", "amount"]

    public static func lines(_ d: Disclosure) -> [BudgetLine] {
        var out: [BudgetLine] = []
        for t in d.tables {
            let money = t.columns.filter { $0.role == .money }
            let unitColumn = t.columns.first { $0.role == .unit }?.index
            let revenue = t.side == .income || t.kind == .revenueSummary
            for (r, row) in t.rows.enumerated() {
                let label = RowLabels.outline(row.name).rest
                let functional = row.code?.scheme == .functional
                for c in money {
                    guard let cell = row.cell(c.index), let n = cell.number, !n.isPercent else { continue }
                    let unit = n.unit ?? t.unit
                    let amount = Amount(n.value, unit: unit)?.value(in: .yuan).description ?? ""
                    let phase = c.phase ?? d.phase
                    out.append(BudgetLine(
                        attachment: t.attachment ?? "", tableKind: t.kind.rawValue, tableTitle: t.title,
                        side: t.side.rawValue, row: r + 1, sourceLine: row.location.line,
                        direction: revenue ? "revenue" : "expenditure", phase: phase == .budget ? "approved" : "executed",
                        fiscalYear: c.year ?? d.year, department: d.department ?? "",
                        unit: unitColumn.flatMap { row.cell($0)?.text } ?? "",
                        functionalCode: functional ? row.code?.digits ?? "" : "", functionalName: functional ? label : "",
                        economicCode: functional ? "" : row.code?.digits ?? "", economicName: functional || row.code == nil ? "" : label,
                        item: row.name, rowKind: row.kind.rawValue, codePrinted: row.code != nil && row.codePrinted,
                        column: c.header, measure: (c.measure ?? .other).rawValue,
                        fund: fund(column: c, row: row, kind: t.kind, revenue: revenue),
                        printed: cell.text, printedUnit: unit.rawValue, amount: amount))
                }
            }
        }
        return out
    }

    /// The fund a figure belongs to: the column's fund (一般公共预算 …), a revenue row's source,
    /// or the fund the table covers ("all" for the department's whole budget, "fiscal" for 财政拨款).
    static func fund(column: Column, row: Row, kind: TableKind, revenue: Bool) -> String {
        let funds: Set<Measure> = [.generalBudget, .govFund, .stateCapital, .specialAccount, .businessIncome,
                                   .superiorSubsidy, .affiliatedIncome, .operatingIncome, .otherIncome, .carryover]
        if let m = column.measure, funds.contains(m) { return m.rawValue }
        if revenue, let m = MeasureVocabulary.measure(of: row.name), funds.contains(m) { return m.rawValue }
        switch kind {
        case .generalExpenditure, .basicExpenditure, .threePublic: return Measure.generalBudget.rawValue
        case .govFundExpenditure: return Measure.govFund.rawValue
        case .stateCapitalExpenditure: return Measure.stateCapital.rawValue
        case .fiscalSummary: return "fiscal"
        case .budgetSummary, .revenueSummary, .expenditureSummary, .projectList: return "all"
        case .procurement, .overallPerformance, .projectPerformance, .other: return ""
        }
    }

    /// The lines as CSV (RFC 4180 quoting, "\n" line ends, a header line first).
    public static func csv(_ d: Disclosure) -> String {
        var out = fields.joined(separator: ",") + "\n"
        for l in lines(d) {
            let values = [l.attachment, l.tableKind, l.tableTitle, l.side, String(l.row), l.sourceLine.map(String.init) ?? "",
                          l.direction, l.phase, l.fiscalYear.map(String.init) ?? "", l.department, l.unit, l.functionalCode,
                          l.functionalName, l.economicCode, l.economicName, l.item, l.rowKind, l.codePrinted ? "true" : "false",
                          l.column, l.measure, l.fund, l.printed, l.printedUnit, l.amount]
            out += values.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
