import YusuanRender

/// Charts drawn on the server as inline SVG: no script, no external resource, every label escaped.
/// Geometry is proportional integer arithmetic on 分; figures are printed in 万元 to two decimals.
enum SVGChart {
    static let palette = ["#2f5d8a", "#c0504d", "#4f8a3c", "#8064a2", "#d4883b", "#3c8a86", "#9b3c6b", "#6b6b6b"]

    /// Horizontal bars, one per item, with its figure at the end of the bar.
    static func bars(_ items: [ChartBar], title: String, unit: String) -> String {
        let labelWidth = 230, barWidth = 330, rowHeight = 26, top = 30
        let width = labelWidth + barWidth + 110
        let height = top + rowHeight * max(items.count, 1) + 10
        let maxFen = max(items.map { abs($0.fen) }.max() ?? 1, 1)
        var s = open(width: width, height: height, title: title)
        s += text(x: 0, y: 18, heading(title, unit), cls: "chart-title")
        for (i, item) in items.enumerated() {
            let y = top + i * rowHeight
            let w = scaled(item.fen, of: maxFen, to: barWidth)
            s += "<g><title>\(e(item.label))：\(Money.wan(item.fen)) \(e(unit))</title>"
            s += text(x: 0, y: y + 17, clip(item.label, 17), cls: "chart-label")
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(w, 1))\" height=\"\(rowHeight - 8)\" fill=\"\(palette[i % palette.count])\"/>"
            s += text(x: labelWidth + max(w, 1) + 6, y: y + 17, Money.wan(item.fen), cls: "chart-value")
            s += "</g>"
        }
        return s + "</svg>"
    }

    /// Vertical columns in order (years), the figure above each.
    static func columns(_ items: [ChartBar], title: String, unit: String) -> String {
        let columnWidth = 70, gap = 30, chartHeight = 160, top = 50, left = 10
        let width = max(left + (columnWidth + gap) * items.count, heading(title, unit).count * 14 + 20, 300)
        let height = top + chartHeight + 30
        let maxFen = max(items.map { abs($0.fen) }.max() ?? 1, 1)
        var s = open(width: width, height: height, title: title)
        s += text(x: 0, y: 18, heading(title, unit), cls: "chart-title")
        for (i, item) in items.enumerated() {
            let x = left + i * (columnWidth + gap)
            let h = scaled(item.fen, of: maxFen, to: chartHeight)
            let y = top + chartHeight - h
            s += "<g><title>\(e(item.label))：\(Money.wan(item.fen)) \(e(unit))</title>"
            s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(columnWidth)\" height=\"\(max(h, 1))\" fill=\"\(palette[i % palette.count])\"/>"
            s += text(x: x + columnWidth / 2, y: y - 6, Money.wan(item.fen), cls: "chart-value", anchor: "middle")
            s += text(x: x + columnWidth / 2, y: top + chartHeight + 20, item.label, cls: "chart-label", anchor: "middle")
            s += "</g>"
        }
        return s + "</svg>"
    }

    /// `fen / maxFen × length`, exact in integers (no overflow: a full-width product), at least 0.
    static func scaled(_ fen: Int64, of maxFen: Int64, to length: Int) -> Int {
        guard maxFen > 0, fen > 0 else { return 0 }
        let product = fen.multipliedFullWidth(by: Int64(length))
        return Int(maxFen.dividingFullWidth(product).quotient)
    }

    static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-label=\"\(e(title))\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\"><title>\(e(title))</title>"
    }

    static func text(x: Int, y: Int, _ s: String, cls: String, anchor: String? = nil) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" class=\"\(cls)\"\(anchor.map { " text-anchor=\"\($0)\"" } ?? "")>\(e(s))</text>"
    }

    /// "按功能分类的支出（万元）", "Expenditure by function (10,000 yuan)".
    static func heading(_ title: String, _ unit: String) -> String {
        unit.unicodeScalars.allSatisfy(\.isASCII) ? "\(title) (\(unit))" : "\(title)（\(unit)）"
    }

    static func clip(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }

    static func e(_ s: String) -> String { HTMLEscape.text(s) }
}

/// Money as the portal prints it.
enum Money {
    /// 分 → 万元 with two decimals, rounded half away from zero ("951.81", "-0.01").
    static func wan(_ fen: Int64) -> String {
        let hundredths = (fen.magnitude + 5_000) / 10_000   // 1 万元 = 1,000,000 分; 0.01 万元 = 10,000 分
        let sign = fen < 0 && hundredths > 0 ? "-" : ""
        let whole = hundredths / 100, cents = hundredths % 100
        return sign + grouped(whole) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// 分 → 元 with two decimals ("9,518,100.00").
    static func yuan(_ fen: Int64) -> String {
        let m = fen.magnitude
        return (fen < 0 ? "-" : "") + grouped(m / 100) + "." + (m % 100 < 10 ? "0" : "") + String(m % 100)
    }

    static func grouped(_ n: UInt64) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
