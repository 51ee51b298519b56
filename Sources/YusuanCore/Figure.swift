/// A printed figure together with the unit it was printed in: enough to compare across tables
/// and to tell a real difference from one that rounding at the printed precision explains.
public struct Figure: Hashable, Sendable, Codable, CustomStringConvertible {
    public var value: Fixed
    public var unit: MoneyUnit
    /// A blank cell or "-": exactly zero, not a rounded figure.
    public var exact: Bool

    public init(_ value: Fixed, unit: MoneyUnit, exact: Bool = false) {
        self.value = value
        self.unit = unit
        self.exact = exact
    }

    /// A blank cell: exactly zero.
    public static func blank(_ unit: MoneyUnit) -> Figure { Figure(.zero, unit: unit, exact: true) }

    /// The exact amount in 分 (nil only for absurd precision).
    public var amount: Amount? { Amount(value, unit: unit) }

    /// Half of the last printed digit, in 分: how far the exact value may be from the printed one.
    public var halfResolutionFen: Int64 {
        guard !exact, let p = Fixed.power10(value.scale) else { return 0 }
        return unit.fenPerUnit / p / 2
    }

    public var description: String { value.description }

    /// The figure in another unit, exact.
    public func value(in other: MoneyUnit) -> Fixed {
        amount?.value(in: other) ?? value
    }
}

/// How two printed figures that should be equal relate.
public enum Agreement: Sendable, Equatable {
    case equal
    /// Different as printed, but rounding each part at its printed precision can explain it.
    case withinRounding
    case different
}

/// Compares a printed total against the exact sum of printed parts, and equal quantities against each other.
public enum FigureComparison {
    /// `total` against Σ `parts`: tolerance is half a printed digit of every term.
    public static func sum(_ parts: [Figure], total: Figure) -> Agreement {
        guard let t = total.amount else { return .different }
        var s: Int64 = 0
        var tol: Int64 = total.halfResolutionFen
        for p in parts {
            guard let a = p.amount else { return .different }
            s += a.fen
            tol += p.halfResolutionFen
        }
        let diff = (s - t.fen).magnitude
        if diff == 0 { return .equal }
        return diff <= tol ? .withinRounding : .different
    }

    /// Two printings of one quantity.
    public static func same(_ a: Figure, _ b: Figure) -> Agreement {
        sum([a], total: b)
    }

    /// Digits to show a set of figures with: the largest printed scale, at least as printed.
    public static func displayScale(_ figures: [Figure]) -> Int {
        figures.map(\.value.scale).max() ?? 0
    }

    /// "827.23 + 64.63 + 32.63 + 27.31 = 951.80" in the unit of `total`, at the printed precision.
    /// With more than six parts, blank (zero) parts are left out of the text.
    public static func expression(_ parts: [Figure], total: Figure) -> (text: String, sum: Fixed) {
        let unit = total.unit
        let scale = displayScale(parts + [total])
        let values = parts.map { $0.value(in: unit) }
        let s = values.sum()
        let shown = values.count > 6 && values.contains { !$0.isZero } ? values.filter { !$0.isZero } : values
        let terms = shown.map { $0.formatted(digits: scale) }
        let text = (terms.isEmpty ? "0" : terms.joined(separator: " + ")) + " = " + s.formatted(digits: scale)
        return (text, s)
    }
}
