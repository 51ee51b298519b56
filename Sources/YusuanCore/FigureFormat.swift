/// How a table prints its money figures: how many decimals, and whether thousands are grouped
/// ("2,932,700" in 元 as Shanghai's district template prints, "951.81" in 万元 as most regions do).
/// A profile says it per table (`Profile.format(of:)`); build rounds at the step it prints
/// (0 decimals of 元 = 100 分) and every renderer prints with it.
public struct FigureFormat: Sendable, Hashable, CustomStringConvertible {
    /// Decimals printed, 0…6 (values outside are clamped).
    public var digits: Int
    /// Thousands separated by commas, in groups of three.
    public var grouping: Bool

    public init(digits: Int = 2, grouping: Bool = false) {
        self.digits = min(max(digits, 0), 6)
        self.grouping = grouping
    }

    /// Two decimals, no grouping: how budget tables print unless their profile says otherwise.
    public static let standard = FigureFormat()

    /// A figure as printed: rounded half up to `digits` decimals when it has more, then grouped
    /// ("2932700" → "2,932,700"; "-1234.5" at 2 → "-1,234.50").
    public func text(_ value: Fixed) -> String {
        let plain = value.formatted(digits: digits)
        return grouping ? Self.grouped(plain) : plain
    }

    /// The Excel number format that shows a figure as `text` does: "0.00", "#,##0", "#,##0.00", "0".
    public var excelCode: String {
        (grouping ? "#,##0" : "0") + (digits > 0 ? "." + String(repeating: "0", count: digits) : "")
    }

    public var description: String { "\(digits) decimals\(grouping ? ", grouped" : "")" }

    /// Inserts a comma between groups of three digits of the integer part of a plain decimal.
    public static func grouped(_ plain: String) -> String {
        var sign = ""
        var rest = Substring(plain)
        if rest.first == "-" {
            sign = "-"
            rest = rest.dropFirst()
        }
        let point = rest.firstIndex(of: ".") ?? rest.endIndex
        let whole = Array(rest[..<point])
        guard whole.count > 3, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return plain }
        var out = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return sign + out + rest[point...]
    }
}
