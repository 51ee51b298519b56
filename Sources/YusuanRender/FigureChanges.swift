import YusuanCore

/// One figure of two disclosures side by side: printed in both, or in one only.
public struct FigureChange: Sendable, Hashable {
    public var key: FigureKey
    /// The labels as printed, from the later disclosure when it prints the figure.
    public var table: String
    public var row: String
    public var column: String
    public var before: Int64?
    public var after: Int64?

    /// after − before, in 分, when both print it.
    public var change: Int64? {
        guard let before, let after else { return nil }
        return after - before
    }

    /// The change as a percentage of `before` to two decimals; nil when either is missing or
    /// `before` is 0 (a rate against nothing means nothing).
    public var rate: Fixed? {
        guard let before, let change, before != 0 else { return nil }
        return Fixed(mantissa: change, scale: 0).percent(of: Fixed(mantissa: before, scale: 0), digits: 2)
    }

    public var isChanged: Bool { before != after }
}

/// Pairs the money figures of two disclosures of one department (two years, 预算 and 决算, two
/// versions) by `FigureKey`. The one mechanism behind `yusuan compare`, the portal's year comparison
/// and its version history.
public enum FigureChanges {
    /// Every figure of either side, in the order of `after` (then `before`'s leftovers in theirs).
    public static func compare(before: [(key: FigureKey, figure: PrintedFigure)],
                               after: [(key: FigureKey, figure: PrintedFigure)]) -> [FigureChange] {
        var beforeByKey: [FigureKey: PrintedFigure] = [:]
        for (key, figure) in before where beforeByKey[key] == nil { beforeByKey[key] = figure }
        var used = Set<FigureKey>()
        var result: [FigureChange] = []
        for (key, figure) in after where !used.contains(key) {
            used.insert(key)
            result.append(FigureChange(key: key, table: figure.table, row: figure.row, column: figure.column,
                                       before: beforeByKey[key]?.fen, after: figure.fen))
        }
        for (key, figure) in before where !used.contains(key) {
            used.insert(key)
            result.append(FigureChange(key: key, table: figure.table, row: figure.row, column: figure.column,
                                       before: figure.fen, after: nil))
        }
        return result
    }

    /// Two disclosures. When their years differ, columns are labelled with years made relative
    /// ("本年预算数", "上年预算数"), since "2023年预算数" means 本年 in one and 上年 in the other.
    public static func compare(_ a: Disclosure, _ b: Disclosure) -> [FigureChange] {
        var changes = compare(before: PrintedFigures.money(of: a), after: PrintedFigures.money(of: b))
        if a.year != b.year {
            for i in changes.indices {
                changes[i].column = PrintedFigures.relativeYears(changes[i].column, year: changes[i].after == nil ? a.year : b.year)
            }
        }
        return changes
    }
}
