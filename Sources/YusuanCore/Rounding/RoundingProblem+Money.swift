extension RoundingProblem {
    /// Leaves as exact amounts, printed in `unit` with `digits` decimals: 万元 with 2 decimals makes
    /// one printed unit 0.01 万元 = 10,000 分.
    public init(amounts: [Amount], printedIn unit: MoneyUnit, digits: Int, aggregates: [[Int]]) {
        self.init(leaves: amounts.map(\.fen), unit: RoundingProblem.printedUnit(unit, digits: digits).fen,
                  aggregates: aggregates)
    }

    /// 分 in one printed unit of `unit` at `digits` decimals, and the digits actually usable: no finer
    /// than 1 分 (元 takes at most 2 decimals, 万元 at most 6).
    public static func printedUnit(_ unit: MoneyUnit, digits: Int) -> (fen: Int64, digits: Int) {
        var fen = unit.fenPerUnit
        var used = 0
        while used < digits && fen % 10 == 0 {
            fen /= 10
            used += 1
        }
        return (fen, used)
    }
}

extension RoundingSolution {
    /// A count of printed units as the figure a table prints, e.g. 95181 units of 0.01 万元 → "951.81".
    public static func figure(units: Int64, unit: MoneyUnit, digits: Int) -> Figure {
        Figure(Fixed(mantissa: units, scale: RoundingProblem.printedUnit(unit, digits: digits).digits), unit: unit)
    }

    /// The printed figure of the problem's aggregate at `index`.
    public func figure(aggregate index: Int, unit: MoneyUnit, digits: Int) -> Figure {
        RoundingSolution.figure(units: aggregateUnits[index], unit: unit, digits: digits)
    }
}
