import YusuanCore

/// How a table prints money: its unit at two decimals. One printed unit is 0.01 万元 = 10,000 分 for
/// a table in 万元 and 0.01 元 = 1 分 for a table in 元, where every figure prints exactly.
public struct PrintScale: Sendable, Hashable, CustomStringConvertible {
    public let unit: MoneyUnit
    /// Decimals printed (two, as budget tables print them).
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

    public var description: String { "0.\(String(repeating: "0", count: max(digits - 1, 0)))1 \(unit.rawValue)" }
}
