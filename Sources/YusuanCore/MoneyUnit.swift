/// The unit a table declares for its figures ("单位：万元").
public enum MoneyUnit: String, Sendable, Codable, CaseIterable {
    case yuan = "元"
    case wanYuan = "万元"
    case yiYuan = "亿元"

    /// How many 分 one unit holds.
    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: 100
        case .wanYuan: 1_000_000
        case .yiYuan: 10_000_000_000
        }
    }

    public var english: String {
        switch self {
        case .yuan: "yuan"
        case .wanYuan: "(10,000 yuan)"
        case .yiYuan: "(100 million yuan)"
        }
    }

    /// Recognises a unit word in a header such as "单位：万元" or "金额单位:元".
    public static func find(in text: String) -> MoneyUnit? {
        // Spaces dropped by bytes (Foundation's `replacingOccurrences` goes through NSString on Linux, about
        // 20,000 instructions a header): a space can only stand between two scalars, so which unit words occur
        // after dropping it is the same either way.
        let t = text.replacingAll(" ", with: "")
        if t.containsText("亿元") { return .yiYuan }
        if t.containsText("万元") { return .wanYuan }
        if t.containsText("元") { return .yuan }
        return nil
    }
}

/// Exact money in 分 (1/100 元), the unit every comparison across tables is made in.
public struct Amount: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var fen: Int64
    public init(fen: Int64) { self.fen = fen }

    /// Converts a printed figure in `unit`; nil when it does not fit in 分 exactly.
    public init?(_ value: Fixed, unit: MoneyUnit) {
        guard let f = value.rescaled(to: 0 + max(value.scale, 0)) else { return nil }
        let (product, overflow) = f.mantissa.multipliedReportingOverflow(by: unit.fenPerUnit)
        guard !overflow, let divisor = Fixed.power10(f.scale), product % divisor == 0 else { return nil }
        self.fen = product / divisor
    }

    /// The value in `unit`, as an exact decimal.
    public func value(in unit: MoneyUnit) -> Fixed {
        var digits = 0
        var per = unit.fenPerUnit
        while per > 1 { per /= 10; digits += 1 }
        return Fixed(mantissa: fen, scale: digits)
    }

    public static func < (a: Amount, b: Amount) -> Bool { a.fen < b.fen }
    public static func + (a: Amount, b: Amount) -> Amount {
        let (s, o) = a.fen.addingReportingOverflow(b.fen)
        return Amount(fen: o ? a.fen : s)
    }
    public static func - (a: Amount, b: Amount) -> Amount {
        let (s, o) = a.fen.subtractingReportingOverflow(b.fen)
        return Amount(fen: o ? a.fen : s)
    }
    public static let zero = Amount(fen: 0)
    public var description: String { value(in: .yuan).description + " 元" }
}
