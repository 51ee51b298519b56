import YusuanCore

/// What a figure is about, independent of the table that prints it.
public enum Subject: Hashable, Sendable, CustomStringConvertible {
    /// The whole expenditure of the table's scope (合计 / 本年支出合计 rows).
    case expenditureTotal
    /// The whole income (本年收入合计, 收入总计 in a budget summary).
    case incomeTotal
    /// The 总计 line of a 收支总表 (both sides): this year's income or spending plus carried balances.
    case grandTotal
    case functional(String)
    case economic(String)
    /// An income source row (一般公共预算拨款收入 …), by the fund it names.
    case income(Measure)
    /// A 三公 item: .total, .threePublicOutbound, .threePublicReception, .threePublicVehicle, …Purchase, …Operation.
    case threePublic(Measure)
    /// A project by its name key (TextNormalization.key).
    case project(String)

    public var description: String {
        switch self {
        case .expenditureTotal: "支出合计"
        case .incomeTotal: "收入合计"
        case .grandTotal: "收支总计"
        case .functional(let c): "功能科目 \(c)"
        case .economic(let c): "经济科目 \(c)"
        case .income(let m): "收入 \(m.rawValue)"
        case .threePublic(let m): "三公 \(m.rawValue)"
        case .project(let k): "项目 \(k)"
        }
    }
}

/// Which funds a figure covers: a 部门 table covers all, a 财政拨款 table the appropriations, and so on.
public enum FundScope: String, Hashable, Sendable {
    case all, fiscal, general, govFund = "gov-fund", stateCapital = "state-capital"
}

/// A quantity: subject, measure (total / basic / project …), fund scope and year.
public struct Quantity: Hashable, Sendable {
    public var subject: Subject
    public var measure: Measure
    public var scope: FundScope
    public var year: Int?
    /// 预算 or 决算 figures (a 决算 table prints both).
    public var phase: Phase

    public init(_ subject: Subject, _ measure: Measure, scope: FundScope, year: Int?, phase: Phase = .budget) {
        self.subject = subject
        self.measure = measure
        self.scope = scope
        self.year = year
        self.phase = phase
    }
}

/// One printing of a quantity in a table.
public struct Fact: Sendable {
    public var quantity: Quantity
    public var figure: Figure
    /// Where the figure is printed, held by reference: fact groups and rules copy facts, and a copy
    /// then retains one object instead of every field of a table, a row and a column.
    let origin: FactOrigin
    /// The fact's column among `origin.columns`.
    let columnSlot: Int
    public var table: DisclosureTable { origin.table }
    public var row: Row { origin.row }
    public var column: Column { origin.columns[columnSlot] }
    /// Whether the cell was blank (read as zero).
    public var blank: Bool
    /// The table's identity (title, attachment, side) as a number, equal for facts of tables that
    /// `SameQuantity.TableIdentity` cannot tell apart: set once per table by `FactIndexBuilder`.
    var tableID: Int = 0
    /// The table's `displayName` as a number, equal for facts of tables with the same name.
    var tableNameID: Int = 0

    public var location: FindingLocation {
        FindingLocation(table: table.displayName, attachment: table.attachment, row: row.label,
                        column: column.header, source: row.cells[safe: column.index]?.location ?? row.location)
    }
}

/// The table and row facts were read from, and the columns they may be in (shared by the facts of one row
/// and by their copies). The table is shared by every fact read from it (`SharedTable`), and `columns` is
/// the table's array of measured columns: a row's origin copies the row, once for all its figures.
final class FactOrigin: Sendable {
    let source: SharedTable
    let row: Row
    let columns: [Column]
    var table: DisclosureTable { source.table }

    init(source: SharedTable, row: Row, columns: [Column]) {
        self.source = source
        self.row = row
        self.columns = columns
    }
}
