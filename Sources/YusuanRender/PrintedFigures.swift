import Foundation
import YusuanCore

/// The key under which two disclosures' figures are paired: the table's kind (or its title without
/// years), the row's code (or its name), the column header with its years made relative
/// (本年 / 上年 / 下年 against the disclosure's own year).
public struct FigureKey: Sendable, Hashable, Comparable {
    public var table: String
    public var row: String
    public var column: String

    public static func < (a: FigureKey, b: FigureKey) -> Bool {
        (a.table, a.row, a.column) < (b.table, b.row, b.column)
    }
}

public enum PrintedFigures {
    /// Every money figure of every table, in table, row and column order. Blank cells, text and
    /// percentages are left out; a row printed twice in a table keeps both, the second keyed "#2".
    public static func money(of d: Disclosure) -> [(key: FigureKey, figure: PrintedFigure)] {
        var result: [(key: FigureKey, figure: PrintedFigure)] = []
        for table in d.tables {
            let tableKey = self.tableKey(table)
            var seen: [String: Int] = [:]
            for row in table.rows {
                var rowKey = row.code.map { $0.digits } ?? TextNormalization.key(row.name)
                seen[rowKey, default: 0] += 1
                if let n = seen[rowKey], n > 1 { rowKey += "#\(n)" }
                for column in table.moneyColumns {
                    guard let cell = row.cell(column.index), let number = cell.number, !number.isPercent,
                          let amount = Amount(number.value, unit: table.unit) else { continue }
                    let key = FigureKey(table: tableKey, row: rowKey, column: columnKey(column.header, year: d.year))
                    result.append((key, PrintedFigure(table: table.displayName, row: row.label, column: column.header, fen: amount.fen)))
                }
            }
        }
        return result
    }

    static func tableKey(_ t: DisclosureTable) -> String {
        let base = t.kind == .other ? TextNormalization.key(withoutYears(t.title)) : t.kind.rawValue
        return t.side == .whole ? base : base + "/" + t.side.rawValue
    }

    static func columnKey(_ header: String, year: Int?) -> String {
        TextNormalization.key(relativeYears(header, year: year))
    }

    /// "2022年预算数" in a 2022 disclosure → "本年预算数"; "2021年" → "上年"; "2023年" → "下年".
    public static func relativeYears(_ header: String, year: Int?) -> String {
        var out = ""
        var digits = ""
        func flush(_ next: Character?) {
            defer { digits = "" }
            guard digits.count == 4, let y = Int(digits), next == "年", let year else { out += digits; return }
            switch y - year {
            case 0: out += "本"
            case -1: out += "上"
            case 1: out += "下"
            default: out += digits
            }
        }
        for ch in header {
            if ch.isASCII, ch.isNumber { digits.append(ch); continue }
            if !digits.isEmpty { flush(ch) }
            out.append(ch)
        }
        if !digits.isEmpty { flush(nil) }
        return out
    }

    static func withoutYears(_ s: String) -> String {
        s.replacingOccurrences(of: #"(19|20)\d\d\s*年度?"#, with: "", options: .regularExpression)
    }
}
