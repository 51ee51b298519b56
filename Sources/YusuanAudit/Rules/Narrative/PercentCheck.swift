import YusuanCore

/// Recomputes a stated percentage at the precision it was printed with.
enum PercentCheck {
    /// `part ÷ whole × 100`, rounded half away from zero to `digits` decimals; nil when `whole` is zero.
    static func value(_ part: Figure, of whole: Figure, digits: Int) -> Fixed? {
        guard let p = part.amount, let w = whole.amount else { return nil }
        return Fixed(mantissa: p.fen, scale: 0).percent(of: Fixed(mantissa: w.fen, scale: 0), digits: digits)
    }

    /// Whether `stated` is what `part ÷ whole` gives at the printed precision, rounded or cut off (equal);
    /// else whether the rounding of two figures printed to two decimals, each large against that
    /// rounding, can explain it (within rounding).
    static func compare(_ stated: Fixed, part: Figure, whole: Figure) -> Agreement {
        let d = stated.scale
        guard let p = part.amount?.fen, let w = whole.amount?.fen, w != 0 else { return .different }
        let target = stated.magnitude
        func pct(_ x: Int64, _ y: Int64, extra: Int) -> Fixed? {
            Fixed(mantissa: x, scale: 0).percent(of: Fixed(mantissa: y, scale: 0), digits: d + extra)
        }
        if let r = pct(p, w, extra: 0), r.magnitude == target { return .equal }
        if let fine = pct(p, w, extra: 3), Fixed(mantissa: fine.mantissa / 1000, scale: d).magnitude == target { return .equal }
        let hp = part.halfResolutionFen, hw = whole.halfResolutionFen
        guard min(part.value.scale, whole.value.scale) >= 2, abs(p) >= 100 * hp, abs(w) >= 100 * hw,
              let lo = pct(abs(p) - hp, abs(w) + hw, extra: 0), let hi = pct(abs(p) + hp, abs(w) - hw, extra: 0),
              lo <= target, target <= hi else { return .different }
        return .withinRounding
    }

    static let roundingZh = "差额在两数按所印精度舍入可以解释的范围内，但百分比应按所印数字计算。"
    static let roundingEn = " Rounding of the two figures can explain the difference, but a percentage should follow the printed figures."

    /// "57%" — the right value at the stated precision, for messages.
    static func shown(_ part: Figure, of whole: Figure, digits: Int) -> String {
        guard let v = value(part, of: whole, digits: digits) else { return "—" }
        return v.magnitude.formatted(digits: digits) + "%"
    }
}
