import YusuanCore

/// The figures of a 政府采购 table, when the document prints one: its total line by goods / works / services.
enum ProcurementTable {
    static func figures(_ ctx: AuditContext) -> [ProcurementPart: FoundFigure] {
        guard let t = ctx.disclosure.tables(.procurement).first else { return [:] }
        let isTotal: (Row) -> Bool = { row in
            row.kind == .subtotal || row.kind == .grandTotal
                || row.cells.contains { c in c.number == nil && ["合计", "总计"].contains { TextNormalization.key(c.text).hasSuffix($0) } }
        }
        guard let row = t.rows.first(where: isTotal) ?? (t.rows.count == 1 ? t.rows.first : nil) else { return [:] }
        var out: [ProcurementPart: FoundFigure] = [:]
        for c in t.moneyColumns {
            let h = TextNormalization.key(c.header)
            let part: ProcurementPart? = h.contains("货物") ? .goods : h.contains("工程") ? .works : h.contains("服务") ? .services
                : (c.measure == .total || h.contains("合计") || h.contains("总计")) ? .total : nil
            guard let part, out[part] == nil, let v = row.number(c.index) else { continue }
            out[part] = FoundFigure(figure: Figure(v, unit: t.unit), zh: t.displayName + "「\(c.header)」",
                                    en: t.displayName + " (\(c.header))")
        }
        return out
    }
}
