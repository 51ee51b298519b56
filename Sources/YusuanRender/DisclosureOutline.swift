import YusuanCore

/// A plain listing of what the reader recognised: each table with its columns and rows.
/// `yusuan inspect` prints it so a user can see how a document was understood.
public enum DisclosureOutline {
    public static func render(_ d: Disclosure) -> String {
        var out = "文档 \(d.title) | 部门 \(d.department ?? "?") | 年度 \(d.year.map(String.init) ?? "?") | \(d.phase.rawValue)\n"
        out += "情况说明 \(d.narrative.count) 段; 目录 \(d.contents.count) 项; 表格 \(d.tables.count) 张\n"
        for t in d.tables {
            out += "\n== \(t.displayName) [\(t.kind.rawValue)] 单位 \(t.unit.rawValue)\(t.unitDeclared ? "" : "(未声明)") 行 \(t.rows.count) \(t.location)\n"
            for c in t.columns {
                var desc = "   col \(c.index) \(c.role.rawValue) \(c.header)"
                if let m = c.measure { desc += " → \(m.rawValue)" }
                if let y = c.year { desc += " \(y)" }
                if let p = c.phase { desc += " \(p.rawValue)" }
                out += desc + "\n"
            }
            for f in t.fields { out += "   field \(f.label) = \(f.value.prefix(40))\n" }
            for r in t.rows {
                let values = t.columns.filter { $0.role == .money || $0.role == .percent }.map { r.cells[safe: $0.index]?.text ?? "" }
                out += "   [\(r.location.line.map(String.init) ?? "-")] \(r.kind == .item ? "" : "<\(r.kind.rawValue)> ")\(r.outline.map { "L\($0) " } ?? "")\(r.code.map { ($0.description) + (r.codePrinted ? "" : "*") + " " } ?? "")\(r.name) | \(values.joined(separator: " | "))\n"
            }
            for n in t.notes { out += "   note: \(n)\n" }
        }
        return out
    }
}

