import Foundation

/// An exact decimal number as printed: `mantissa × 10^-scale`.
///
/// Published figures keep the precision they were printed with ("40" has scale 0,
/// "951.81" scale 2), so that a difference can be told from rounding at that precision.
/// Arithmetic is exact; it saturates instead of trapping, and `isValid` turns false then.
public struct Fixed: Hashable, Sendable, Codable, CustomStringConvertible {
    public var mantissa: Int64
    public var scale: Int

    public init(mantissa: Int64, scale: Int) {
        self.mantissa = mantissa
        self.scale = max(0, scale)
    }

    public init(_ integer: Int) {
        self.init(mantissa: Int64(integer), scale: 0)
    }

    public static let zero = Fixed(mantissa: 0, scale: 0)

    public var isZero: Bool { mantissa == 0 }
    public var isNegative: Bool { mantissa < 0 }

    /// The same value expressed with `newScale` digits after the point, if exact and in range.
    public func rescaled(to newScale: Int) -> Fixed? {
        if newScale == scale { return self }
        if newScale > scale {
            guard let factor = Fixed.power10(newScale - scale) else { return nil }
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
            return overflow ? nil : Fixed(mantissa: product, scale: newScale)
        }
        guard let factor = Fixed.power10(scale - newScale), mantissa % factor == 0 else { return nil }
        return Fixed(mantissa: mantissa / factor, scale: newScale)
    }

    /// Rounds half away from zero to `digits` decimals.
    public func rounded(to digits: Int) -> Fixed {
        guard digits < scale, let factor = Fixed.power10(scale - digits) else {
            return rescaled(to: digits) ?? self
        }
        let half = factor / 2
        let q = mantissa / factor
        let r = mantissa % factor
        var result = q
        if r >= half && r > 0 { result += 1 }
        if r <= -half && r < 0 { result -= 1 }
        return Fixed(mantissa: result, scale: digits)
    }

    static func power10(_ n: Int) -> Int64? {
        guard n >= 0, n <= 18 else { return nil }
        var v: Int64 = 1
        for _ in 0..<n { v *= 10 }
        return v
    }

    static func aligned(_ a: Fixed, _ b: Fixed) -> (Int64, Int64, Int)? {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { return nil }
        return (x.mantissa, y.mantissa, s)
    }

    public static func + (a: Fixed, b: Fixed) -> Fixed {
        guard let (x, y, s) = aligned(a, b) else { return a }
        let (sum, overflow) = x.addingReportingOverflow(y)
        return overflow ? a : Fixed(mantissa: sum, scale: s)
    }

    public static func - (a: Fixed, b: Fixed) -> Fixed {
        a + Fixed(mantissa: -b.mantissa, scale: b.scale)
    }

    public static prefix func - (a: Fixed) -> Fixed { Fixed(mantissa: -a.mantissa, scale: a.scale) }

    public var magnitude: Fixed { Fixed(mantissa: mantissa < 0 ? -mantissa : mantissa, scale: scale) }

    /// `self / other × 100`, rounded half away from zero to `digits` decimals; nil when `other` is zero.
    public func percent(of other: Fixed, digits: Int) -> Fixed? {
        guard !other.isZero, let (x, y, _) = Fixed.aligned(self, other),
              let factor = Fixed.power10(digits + 3) else { return nil }
        // x / y × 100 × 10^digits, keeping one extra digit for rounding.
        let num = Decimal(x) * Decimal(factor)
        let den = Decimal(y)
        var q = num / den
        var out = Decimal()
        NSDecimalRound(&out, &q, 0, .plain)
        let tenths = NSDecimalNumber(decimal: out).int64Value  // value × 10^(digits+1)
        var rounded = tenths / 10
        let rem = tenths % 10
        if rem >= 5 { rounded += 1 } else if rem <= -5 { rounded -= 1 }
        return Fixed(mantissa: rounded, scale: digits)
    }

    /// The plain decimal: "-" when negative, at least one digit before the point, exactly `scale`
    /// digits after it ("0.05", "-1234.50", "40").
    public var description: String {
        // Written right to left into the string's own bytes: once per printed money cell, and the
        // String concatenations this replaces cost several times more. A figure of up to 15 bytes
        // becomes a small string, without an allocation.
        let negative = mantissa < 0
        let magnitude = mantissa.magnitude
        // The magnitude's digits, counted against powers of ten (10^19 < UInt64.max < 10^20).
        var digitCount = 1
        var power: UInt64 = 10
        while digitCount < 20, magnitude >= power {
            digitCount += 1
            power &*= 10
        }
        let places = max(0, scale)
        let printed = max(digitCount, places + 1)
        let length = (negative ? 1 : 0) + printed + (places > 0 ? 1 : 0)
        return String(unsafeUninitializedCapacity: length) { buffer in
            var m = magnitude
            var i = length
            // Two digits per division by 100 (a division of 64 bits was most of a figure's cost), one where a
            // single digit is left.
            @inline(__always) func writePair() {
                let pair = UInt32(truncatingIfNeeded: m % 100)
                m /= 100
                let tens = pair / 10
                buffer[i - 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: pair - tens * 10)
                buffer[i - 2] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: tens)
                i -= 2
            }
            @inline(__always) func writeDigit() {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            }
            // The fraction's `places` digits (zeros once the magnitude runs out), the point, then the whole part's
            // digits, at least one.
            if places > 0 {
                var left = places
                while left >= 2 {
                    writePair()
                    left -= 2
                }
                if left == 1 { writeDigit() }
                i -= 1
                buffer[i] = UInt8(ascii: ".")
            }
            while m >= 100 { writePair() }
            if m >= 10 { writePair() } else { writeDigit() }
            if negative { buffer[0] = UInt8(ascii: "-") }
            return length
        }
    }

    /// Formats with exactly `digits` decimals (rounding when needed).
    public func formatted(digits: Int) -> String {
        let r = rounded(to: digits)
        return (r.rescaled(to: digits) ?? r).description
    }
}

extension Fixed: Comparable {
    public static func < (a: Fixed, b: Fixed) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return a.mantissa < b.mantissa }
        return x < y
    }

    public static func == (a: Fixed, b: Fixed) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return false }
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        var m = mantissa, s = scale
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        hasher.combine(m)
        hasher.combine(s)
    }
}

extension Sequence where Element == Fixed {
    /// The exact sum.
    public func sum() -> Fixed { reduce(Fixed.zero, +) }
}
