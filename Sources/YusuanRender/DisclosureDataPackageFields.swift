/// The Table Schema of budget-lines.csv: one field per `DisclosureBudgetLines.fields` entry.
enum DataPackageFields {
    struct Field: Encodable {
        var name: String
        var type: String
        var title: String
        var description: String
        var columnType: String?
        var constraints: Constraints?
    }

    struct Constraints: Encodable {
        var required: Bool?
        var values: [String]?

        enum CodingKeys: String, CodingKey {
            case required
            case values = "enum"
        }
    }

    static func field(_ name: String, _ type: String, _ title: String, _ description: String,
                      columnType: String? = nil, required: Bool? = nil, values: [String]? = nil) -> Field {
        let c = required == nil && values == nil ? nil : Constraints(required: required, values: values)
        return Field(name: name, type: type, title: title, description: description, columnType: columnType, constraints: c)
    }

    static let all: [Field] = [
        field("attachment", "string", "附件编号", "The table's attachment number as printed (\"2\", \"12-3\"); empty when none."),
        field("table_kind", "string", "表类型", "The kind of statutory table (Yusuan's TableKind).", required: true),
        field("table_title", "string", "表名", "The table's title as printed.", required: true),
        field("side", "string", "收支方", "The half of a 收入 | 支出 table the row stands in.", values: ["whole", "income", "expenditure"]),
        field("row", "integer", "行号", "1-based row of the table.", required: true),
        field("source_line", "integer", "来源行", "Line of the source document the row was read from, when known."),
        field("direction", "string", "收支方向", "Whether the figure is revenue or expenditure.", required: true,
              values: ["expenditure", "revenue"]),
        field("phase", "string", "阶段", "approved (预算) or executed (决算).", required: true, values: ["approved", "executed"]),
        field("fiscal_year", "integer", "年度", "The fiscal year the figure belongs to (a prior-year column gives that year).",
              columnType: "date:fiscal-year"),
        field("department", "string", "部门", "The department (administrative classification, level 1)."),
        field("unit", "string", "单位", "The budget unit (预算单位) printed in the row, when the table has such a column."),
        field("functional_code", "string", "功能分类科目编码", "支出功能分类科目 code (类 3, 款 5, 项 7 digits), kept as text."),
        field("functional_name", "string", "功能分类科目名称", "The row's label without its ordinal prefix."),
        field("economic_code", "string", "经济分类科目编码", "部门/政府预算支出经济分类科目 code (类 3, 款 5 digits), kept as text."),
        field("economic_name", "string", "经济分类科目名称", "The row's label without its ordinal prefix."),
        field("item", "string", "项目", "The row's label as printed.", required: true),
        field("row_kind", "string", "行类型", "item, subtotal (合计), grand-total (总计) or of-which (其中); sums repeat their items.",
              values: ["item", "subtotal", "grand-total", "of-which"]),
        field("code_printed", "boolean", "编码已印出", "false when the code was derived from the row's name."),
        field("column", "string", "栏目", "The column's header path, levels joined by \"/\".", required: true),
        field("measure", "string", "口径", "What the column measures: total, basic, personnel, project, general-budget, …"),
        field("fund", "string", "资金来源", "The fund: general-budget, gov-fund, state-capital, …; all or fiscal for a table's whole scope."),
        field("printed", "string", "印出数", "The figure exactly as printed.", required: true),
        field("printed_unit", "string", "印出单位", "The unit the figure was printed in (万元, 元, 亿元).", values: ["元", "万元", "亿元"]),
        field("amount", "number", "金额（元）", "The printed figure in yuan, exact (no rounding, no binary fraction).",
              columnType: "value", required: true),
    ]
}
