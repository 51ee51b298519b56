import Foundation
import YusuanCore

/// `yusuan compare A B` as text or JSON: the figures both disclosures print, with the change and
/// the rate, grouped by table; then the figures only one prints; then B's 上年 figures that differ
/// from what A itself printed for that year.
public enum ComparisonReport {
    public struct Options: Sendable {
        public var changedOnly: Bool
        public var language: ReportLanguage
        public init(changedOnly: Bool = false, language: ReportLanguage = .zh) {
            self.changedOnly = changedOnly
            self.language = language
        }
    }

    /// A figure B prints for A's year (a 上年 column) next to what A printed for it.
    public struct Restatement: Sendable, Hashable {
        public var table: String
        public var row: String
        public var column: String
        /// What A printed for its own year.
        public var original: Int64
        /// What B prints for that year.
        public var restated: Int64
    }

    /// B's figures for the year before B's (上年 columns) paired with A's figures for A's own year,
    /// when A is the year before B: each that differs.
    public static func restatements(_ a: Disclosure, _ b: Disclosure) -> [Restatement] {
        guard let ya = a.year, let yb = b.year, yb == ya + 1 else { return [] }
        var own: [FigureKey: PrintedFigure] = [:]
        for (key, figure) in PrintedFigures.money(of: a) where own[key] == nil { own[key] = figure }
        var out: [Restatement] = []
        for (key, figure) in PrintedFigures.money(of: b) where key.column.contains("上") {
            var k = key
            k.column = key.column.replacingOccurrences(of: "上", with: "本")
            guard let original = own[k], original.fen != figure.fen else { continue }
            out.append(Restatement(table: figure.table, row: figure.row, column: figure.column,
                                   original: original.fen, restated: figure.fen))
        }
        return out
    }

    public static func text(_ a: Disclosure, _ b: Disclosure, options: Options = Options()) -> String {
        let zh = options.language == .zh
        let changes = FigureChanges.compare(a, b)
        let both = changes.filter { $0.before != nil && $0.after != nil && (!options.changedOnly || $0.isChanged) }
        var s = zh ? "对比：\(name(a)) → \(name(b))\n" : "Comparison: \(name(a)) → \(name(b))\n"
        s += zh ? "金额单位：万元\n" : "Amounts in 万元 (10,000 yuan)\n"
        var table: String?
        for c in both {
            if c.table != table {
                table = c.table
                s += "\n" + c.table + "\n"
            }
            let rate = c.rate.map { "\($0.formatted(digits: 2))%" } ?? "—"
            s += "  \(c.row) | \(c.column): \(wan(c.before)) → \(wan(c.after))  \(signed(c.change))  \(rate)\n"
        }
        let onlyA = changes.filter { $0.after == nil }
        let onlyB = changes.filter { $0.before == nil }
        if !onlyA.isEmpty || !onlyB.isEmpty {
            s += zh ? "\n仅一方列示的数字：A 有 \(onlyA.count) 个，B 有 \(onlyB.count) 个\n"
                    : "\nFigures printed by one side only: \(onlyA.count) in A, \(onlyB.count) in B\n"
        }
        let restated = restatements(a, b)
        if !restated.isEmpty {
            s += zh ? "\nB 列示的上年数与 A 本身公开的数字不一致：\n" : "\nLast year's figures in B that differ from A's own:\n"
            for r in restated {
                s += "  \(r.table) · \(r.row) | \(r.column): A \(wan(r.original)), B \(wan(r.restated))\n"
            }
        }
        let changed = both.filter(\.isChanged).count
        s += zh ? "\n共 \(both.count) 个数字两方均列示，其中 \(changed) 个有变动。\n"
                : "\n\(both.count) figures printed by both, \(changed) changed.\n"
        return s
    }

    public static func json(_ a: Disclosure, _ b: Disclosure, options: Options = Options()) -> String {
        struct Entry: Encodable {
            var table: String, row: String, column: String
            var before: String?, after: String?, change: String?, rate: String?
        }
        struct Restated: Encodable { var table: String, row: String, column: String, original: String, restated: String }
        struct Document: Encodable {
            var a: String, b: String, unit: String
            var figures: [Entry]
            var restatements: [Restated]
        }
        let entries = FigureChanges.compare(a, b)
            .filter { !options.changedOnly || $0.isChanged }
            .map { Entry(table: $0.table, row: $0.row, column: $0.column, before: $0.before.map(wan), after: $0.after.map(wan),
                         change: $0.change.map(wan), rate: $0.rate.map { $0.formatted(digits: 2) }) }
        let restated = restatements(a, b).map {
            Restated(table: $0.table, row: $0.row, column: $0.column, original: wan($0.original), restated: wan($0.restated))
        }
        let doc = Document(a: name(a), b: name(b), unit: "万元", figures: entries, restatements: restated)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(doc), let text = String(data: data, encoding: .utf8) else { return "{}\n" }
        return text + "\n"
    }

    static func name(_ d: Disclosure) -> String { d.title.isEmpty ? d.source : d.title }

    /// 分 as 万元: exact, at least two decimals, trailing zeros beyond them trimmed.
    public static func wan(_ fen: Int64) -> String {
        var text = Fixed(mantissa: fen, scale: 6).formatted(digits: 6)
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text.removeLast()
        }
        return text
    }

    static func wan(_ fen: Int64?) -> String { fen.map(wan) ?? "—" }

    static func signed(_ fen: Int64?) -> String {
        guard let fen else { return "" }
        return fen > 0 ? "+" + wan(fen) : wan(fen)
    }
}
