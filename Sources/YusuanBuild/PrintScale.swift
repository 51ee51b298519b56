import YusuanCore

/// How a table prints money: its unit at its profile's decimals (`FigureFormat.digits`, two unless the
/// profile says otherwise). One printed unit (step) is 0.01 万元 = 10,000 分 for a table in 万元 at two
/// decimals, 0.01 元 = 1 分 for a table in 元 at two decimals (every figure prints exactly), 1 元 =
/// 100 分 for a table in whole 元. Grouping of thousands is a matter of printing only, not of the scale.
public struct PrintScale: Sendable, Hashable, CustomStringConvertible {
    public let unit: MoneyUnit
    /// Decimals printed (two unless the table's profile says otherwise).
    public let digits: Int
    /// 分 in one printed unit.
    public let fen: Int64

    public init(_ unit: MoneyUnit, digits: Int = 2) {
        let printed = RoundingProblem.printedUnit(unit, digits: digits)
        self.unit = unit
        self.digits = printed.digits
        self.fen = printed.fen
    }

    public static let wanYuan = PrintScale(.wanYuan)
    public static let yuan = PrintScale(.yuan)

    /// Whether every amount in 分 prints exactly, so no rounding is needed.
    public var isExact: Bool { fen == 1 }

    /// A count of printed units as the figure printed: 95181 units of 0.01 万元 → 951.81.
    public func figure(units: Int64) -> Fixed { Fixed(mantissa: units, scale: digits) }

    /// An exact amount rounded on its own to the nearest printed unit (half up), as a figure.
    public func nearest(_ amount: Amount) -> Fixed { figure(units: Ledger.nearest(amount.fen, fen)) }

    /// The exact amount a printed figure of this scale stands for.
    public func amount(_ figure: Fixed) -> Amount {
        Amount(figure, unit: unit) ?? .zero
    }

    /// The step as printed: "0.01 万元", "1 元".
    public var description: String {
        digits == 0 ? "1 \(unit.rawValue)" : "0.\(String(repeating: "0", count: digits - 1))1 \(unit.rawValue)"
    }
}
