import YusuanCore

/// Compares a figure the narrative states with one recomputed from other printed figures.
///
/// A narrative figure printed with fewer digits agrees when the recomputed value rounds to it
/// ("增加 2 万元" for 1.6). A difference within the rounding of the terms is only a warning when every
/// non-zero term is printed to two decimals: whole amounts in a narrative ("增加 10 万元") are taken as exact.
enum NarrativeArithmetic {
    static func compare(stated: Figure, computed: Figure, from terms: [Figure]) -> Agreement {
        let c = FigureMath.value(computed, in: stated.unit)
        if c == stated.value { return .equal }
        if stated.value.scale < (terms.map(\.value.scale).max() ?? 0) {
            if c.rounded(to: stated.value.scale) == stated.value { return .equal }
        }
        // A zero ("无…", "0 万元") is exact and adds no rounding.
        let printed = terms.filter { !$0.value.isZero }
        guard (printed + [stated]).allSatisfy({ $0.value.isZero || $0.value.scale >= 2 }) else { return .different }
        return FigureComparison.sum(printed, total: stated) == .different ? .different : .withinRounding
    }

    /// The exact sum of printed figures, in the unit of the first.
    static func sum(_ fs: [Figure]) -> Figure? {
        guard let first = fs.first else { return nil }
        return Figure(fs.map { FigureMath.value($0, in: first.unit) }.sum(), unit: first.unit)
    }
}
